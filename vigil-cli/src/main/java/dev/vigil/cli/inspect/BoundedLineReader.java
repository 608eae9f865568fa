package dev.vigil.cli.inspect;

import java.io.IOException;
import java.io.Reader;

/**
 * Reads lines of at most {@code maxChars} characters. A longer line is consumed to its end and reported as too long
 * instead of being held in memory, so one hostile record cannot exhaust the heap and the next record is still read.
 */
final class BoundedLineReader {

    /** One line, or the fact that it was too long. */
    record Line(String text, boolean tooLong) {}

    private final Reader in;
    private final int maxChars;
    private final char[] buffer = new char[8192];
    private int pos;
    private int limit;

    BoundedLineReader(Reader in, int maxChars) {
        this.in = in;
        this.maxChars = maxChars;
    }

    /** The next line without its terminator ({@code \n} or {@code \r\n}), or null at the end of input. */
    Line next() throws IOException {
        StringBuilder line = new StringBuilder();
        boolean tooLong = false;
        boolean any = false;
        while (true) {
            if (pos == limit) {
                limit = in.read(buffer, 0, buffer.length);
                pos = 0;
                if (limit <= 0) {
                    limit = 0;
                    return any ? finish(line, tooLong) : null;
                }
            }
            any = true;
            int start = pos;
            while (pos < limit && buffer[pos] != '\n') {
                pos++;
            }
            if (!tooLong) {
                int n = pos - start;
                if (line.length() + n > maxChars) {
                    tooLong = true;
                    line.setLength(0);
                } else {
                    line.append(buffer, start, n);
                }
            }
            if (pos < limit) {
                pos++; // the newline
                return finish(line, tooLong);
            }
        }
    }

    private static Line finish(StringBuilder line, boolean tooLong) {
        if (tooLong) {
            return new Line(null, true);
        }
        int n = line.length();
        if (n > 0 && line.charAt(n - 1) == '\r') {
            line.setLength(n - 1);
        }
        return new Line(line.toString(), false);
    }
}
