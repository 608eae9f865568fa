package dev.vigil.server.store;

import java.util.Locale;

/** What a user or token may do. */
public enum Role {
    /** Everything, including users, tokens and rules. */
    ADMIN,
    /** Reads everything and triages alerts. */
    ANALYST,
    /** Reads everything. */
    VIEWER,
    /** Only sends events and scan results. */
    INGEST;

    /** The lower-case name stored and used in the API. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a role name, case-insensitively. */
    public static Role parse(String text) {
        for (Role r : values()) {
            if (r.id().equalsIgnoreCase(text == null ? "" : text.trim())) {
                return r;
            }
        }
        throw new IllegalArgumentException(
                "unknown role '" + text + "': expected one of admin, analyst, viewer, ingest");
    }
}
