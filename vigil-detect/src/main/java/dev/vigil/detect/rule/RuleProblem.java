package dev.vigil.detect.rule;

/** A rule document that was rejected, with where it is and why. */
public record RuleProblem(String file, int line, String reason) {

    /** {@code file:line: reason}. */
    @Override
    public String toString() {
        return file + ":" + line + ": " + reason;
    }
}
