package dev.vigil.detect.rule;

/** Where a rule document starts: the file as given (or a resource name) and its 1-based line. */
public record RuleOrigin(String file, int line) {

    /** {@code file:line}. */
    @Override
    public String toString() {
        return file + ":" + line;
    }
}
