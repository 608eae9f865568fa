package dev.vigil.detect.rule;

/** Bounds on rule YAML, so a hostile file costs little memory and time. */
final class YamlLimits {
    private YamlLimits() {}

    /** Largest rule file, in bytes (and code points). */
    static final int MAX_FILE_BYTES = 1 << 20;

    /** Deepest nesting of maps and lists. */
    static final int MAX_DEPTH = 64;

    /** Most aliases ({@code *name}) in one file. */
    static final int MAX_ALIASES = 50;

    /** Most values one document may expand to once aliases are followed (alias bombs). */
    static final int MAX_VALUES_PER_DOCUMENT = 100_000;
}
