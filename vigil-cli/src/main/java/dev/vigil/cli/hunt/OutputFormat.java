package dev.vigil.cli.hunt;

import java.io.Writer;
import java.util.Locale;

/** The output formats of {@code vigil hunt}. */
public enum OutputFormat {
    /** Grouped by rule, for people. */
    TABLE,
    /** One JSON object per match (see docs/hunt.md). */
    JSONL,
    /** One OCSF 1.3 Detection Finding per match, one per line. */
    OCSF,
    /** One CSV row per match, RFC 4180, spreadsheet-safe. */
    CSV;

    /** Parses a format name, case-insensitive. */
    public static OutputFormat parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown format '" + text + "' (expected table, jsonl, ocsf or csv)");
        }
    }

    /** An output of this format writing to {@code out}; {@code nowMillis} stands in for unknown event times in OCSF. */
    public HuntOutput open(Writer out, long nowMillis) {
        switch (this) {
            case JSONL:
                return new JsonlOutput(out);
            case OCSF:
                return new OcsfOutput(out, nowMillis);
            case CSV:
                return new CsvOutput(out);
            default:
                return new TableOutput(out);
        }
    }
}
