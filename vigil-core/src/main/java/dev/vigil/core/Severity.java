package dev.vigil.core;

import java.util.Locale;

/** How bad a finding is, on the OCSF severity scale ({@code severity_id}). */
public enum Severity {
    INFO(1, "Informational"),
    LOW(2, "Low"),
    MEDIUM(3, "Medium"),
    HIGH(4, "High"),
    CRITICAL(5, "Critical");

    private final int ocsfId;
    private final String label;

    Severity(int ocsfId, String label) {
        this.ocsfId = ocsfId;
        this.label = label;
    }

    /** The OCSF {@code severity_id}. */
    public int ocsfId() {
        return ocsfId;
    }

    /** The OCSF {@code severity} caption, e.g. {@code High}. */
    public String label() {
        return label;
    }

    /** The lower-case name used in policy files and on the command line, e.g. {@code high}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses a severity name, case-insensitively ({@code info}, {@code informational}, {@code low}, {@code medium},
     * {@code high}, {@code critical}).
     *
     * @throws IllegalArgumentException naming the bad value and the allowed ones
     */
    public static Severity parse(String text) {
        if (text != null) {
            String t = text.trim().toLowerCase(Locale.ROOT);
            if (t.equals("informational")) {
                return INFO;
            }
            for (Severity s : values()) {
                if (s.id().equals(t)) {
                    return s;
                }
            }
        }
        throw new IllegalArgumentException(
                "unknown severity '" + text + "': expected one of info, low, medium, high, critical");
    }
}
