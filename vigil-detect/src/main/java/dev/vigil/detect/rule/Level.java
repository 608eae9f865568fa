package dev.vigil.detect.rule;

import java.util.Locale;

/** Sigma rule levels, lowest first. */
public enum Level {
    INFORMATIONAL,
    LOW,
    MEDIUM,
    HIGH,
    CRITICAL;

    /** The level's name as Sigma writes it ({@code informational} … {@code critical}). */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses a Sigma level name, case-insensitive; {@code info} is accepted for {@code informational}.
     *
     * @throws IllegalArgumentException naming the accepted values
     */
    public static Level parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.equals("info")) {
            return INFORMATIONAL;
        }
        for (Level level : values()) {
            if (level.id().equals(t)) {
                return level;
            }
        }
        throw new IllegalArgumentException(
                "unknown level '" + text + "' (expected informational, low, medium, high or critical)");
    }
}
