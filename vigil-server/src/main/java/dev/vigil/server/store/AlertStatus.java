package dev.vigil.server.store;

import java.util.Locale;
import java.util.Set;

/** Where an alert is in its triage: {@code open → acknowledged → resolved}, and back to open when reopened. */
public enum AlertStatus {
    OPEN,
    ACKNOWLEDGED,
    RESOLVED;

    /** The lower-case name stored and used in the API. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether an analyst may move an alert from this status to {@code next}; staying put is always allowed. */
    public boolean canMoveTo(AlertStatus next) {
        return next == this || allowedNext().contains(next);
    }

    private Set<AlertStatus> allowedNext() {
        switch (this) {
            case OPEN:
                return Set.of(ACKNOWLEDGED, RESOLVED);
            case ACKNOWLEDGED:
                return Set.of(OPEN, RESOLVED);
            default:
                return Set.of(OPEN);
        }
    }

    /** Parses {@code open}, {@code acknowledged} or {@code resolved}, case-insensitively. */
    public static AlertStatus parse(String text) {
        for (AlertStatus s : values()) {
            if (s.id().equalsIgnoreCase(text == null ? "" : text.trim())) {
                return s;
            }
        }
        throw new IllegalArgumentException(
                "unknown alert status '" + text + "': expected one of open, acknowledged, resolved");
    }
}
