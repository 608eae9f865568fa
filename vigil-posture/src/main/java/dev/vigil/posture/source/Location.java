package dev.vigil.posture.source;

/**
 * Where a model element came from: the file as the user named it, and a 1-based line and column.
 *
 * @param file the path as given on the command line (relative paths stay relative)
 * @param line 1-based line
 * @param column 1-based column
 */
public record Location(String file, int line, int column) {

    /** A location at the start of a file. */
    public static Location startOf(String file) {
        return new Location(file, 1, 1);
    }

    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}
