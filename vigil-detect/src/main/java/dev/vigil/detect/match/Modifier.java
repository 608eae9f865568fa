package dev.vigil.detect.match;

import java.util.Locale;

/** The Sigma value modifiers, by the names rules write them with ({@code field|contains|all}). */
enum Modifier {
    CONTAINS("contains"),
    STARTSWITH("startswith"),
    ENDSWITH("endswith"),
    ALL("all"),
    CASED("cased"),
    EXISTS("exists"),
    NEQ("neq"),
    RE("re"),
    IGNORECASE("i", "ignorecase"),
    MULTILINE("m", "multiline"),
    DOTALL("s", "dotall"),
    CIDR("cidr"),
    LT("lt"),
    LTE("lte"),
    GT("gt"),
    GTE("gte"),
    BASE64("base64"),
    BASE64OFFSET("base64offset"),
    WIDE("wide", "utf16le"),
    UTF16BE("utf16be"),
    UTF16("utf16"),
    WINDASH("windash"),
    EXPAND("expand"),
    FIELDREF("fieldref"),
    MINUTE("minute"),
    HOUR("hour"),
    DAY("day"),
    WEEK("week"),
    MONTH("month"),
    YEAR("year");

    private final String[] names;

    Modifier(String... names) {
        this.names = names;
    }

    /** The modifier a rule names, or null when there is none by that name. Names are case-sensitive, as in pySigma. */
    static Modifier byName(String name) {
        for (Modifier m : values()) {
            for (String n : m.names) {
                if (n.equals(name)) {
                    return m;
                }
            }
        }
        return null;
    }

    boolean isComparison() {
        return this == LT || this == LTE || this == GT || this == GTE;
    }

    boolean isTimePart() {
        return this == MINUTE || this == HOUR || this == DAY || this == WEEK || this == MONTH || this == YEAR;
    }

    boolean isEncoding() {
        return this == WIDE || this == UTF16BE || this == UTF16;
    }

    boolean isRegexFlag() {
        return this == IGNORECASE || this == MULTILINE || this == DOTALL;
    }

    boolean isWildcarding() {
        return this == CONTAINS || this == STARTSWITH || this == ENDSWITH;
    }

    /** The primary name, as used in error messages. */
    String label() {
        return names[0];
    }

    @Override
    public String toString() {
        return names[0].toLowerCase(Locale.ROOT);
    }
}
