package dev.vigil.detect.event;

/**
 * Where a record was read: the file ({@code -} for standard input), its 1-based line, and for files that hold many
 * records on one line (CloudTrail's {@code {"Records":[…]}}, CloudWatch Logs payloads) the 0-based index of the
 * record within that document, or -1.
 */
public record EventOrigin(String file, long line, int index) {

    /** An origin for events that did not come from a file (tests, the API). */
    public static final EventOrigin NONE = new EventOrigin("", 0, -1);

    /** {@code file:line} or {@code file:line[index]}, as people read it. */
    @Override
    public String toString() {
        if (file.isEmpty()) {
            return "";
        }
        return index < 0 ? file + ":" + line : file + ":" + line + "[" + index + "]";
    }
}
