package dev.vigil.detect.rule;

/** Why one YAML document (or a whole file) cannot be used, with the 1-based line to report. */
final class DocumentException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int line;

    DocumentException(int line, String message) {
        super(message, null, false, false);
        this.line = line;
    }

    int line() {
        return line;
    }
}
