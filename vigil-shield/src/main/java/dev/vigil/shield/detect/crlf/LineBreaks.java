package dev.vigil.shield.detect.crlf;

import dev.vigil.core.Severity;
import dev.vigil.shield.detect.AsciiText;
import dev.vigil.shield.detect.Detection;
import dev.vigil.shield.inspect.Variant;

/**
 * Judges what follows each line break of a value. A line break is CR, LF, the literal escapes {@code \r} and
 * {@code \n}, a {@code %0a}/{@code %0d} still encoded after the Shield's two URL decodings, or (in decoded variants) a character whose low byte is CR or LF, such as U+560A and U+560D, that header
 * APIs writing {@code (byte) c} turn into one. What follows must be shaped like a line of another protocol:
 *
 * <ul>
 *   <li>an HTTP header ({@value #HEADER}): a header name that does not read as an English word, or one that does
 *       ({@code Location}, {@code Host}, {@code Cookie}, {@code Refresh}, {@code Link}) with a value of that header's
 *       syntax ({@code Location: /x}, {@code Cookie: a=b}), followed by {@code :};
 *   <li>a forged response ({@value #RESPONSE}): a status line {@code HTTP/1.1 200}, or an empty line followed by
 *       markup;
 *   <li>a forged log line ({@value #LOG}): a timestamp {@code 2024-05-01T10:00} or {@code 2024-05-01 10:00}, or a log
 *       level in capitals ({@code INFO}, {@code ERROR}, ...) followed by {@code :}, {@code ]} or a blank;
 *   <li>a mail or IMAP/POP command ({@value #PROTOCOL}): {@code RCPT TO:}, {@code MAIL FROM:}, {@code QUIT},
 *       {@code DATA}, or an IMAP tag and command in capitals.
 * </ul>
 *
 * <p>A value whose first line already has the shape of a header (a MIME message, a pasted request, a log excerpt) is a
 * document, not an injection, and is not judged. Only the first {@value #MAX_BREAKS} line breaks are judged.
 */
final class LineBreaks {

    static final String HEADER = "VGL-CRLF-001";
    static final String RESPONSE = "VGL-CRLF-002";
    static final String LOG = "VGL-CRLF-003";
    static final String PROTOCOL = "VGL-CRLF-004";

    /** How many line breaks of one value are judged. */
    static final int MAX_BREAKS = 256;

    private LineBreaks() {}

    /** Whether {@code s} has any candidate line break (the quick prefilter). */
    static boolean hasBreak(String s, boolean wide) {
        if (s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
            return true;
        }
        int pct = s.indexOf("%0");
        while (pct >= 0 && pct + 2 < s.length()) {
            char c = AsciiText.lower(s.charAt(pct + 2));
            if (c == 'a' || c == 'd') {
                return true;
            }
            pct = s.indexOf("%0", pct + 2);
        }
        int b = s.indexOf('\\');
        while (b >= 0 && b + 1 < s.length()) {
            char c = s.charAt(b + 1);
            if (c == 'n' || c == 'r') {
                return true;
            }
            b = s.indexOf('\\', b + 1);
        }
        if (wide) {
            for (int i = 0; i < s.length(); i++) {
                if (isWideBreak(s.charAt(i))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean isWideBreak(char c) {
        int low = c & 0xFF;
        return c > 0xFF && (low == '\n' || low == '\r');
    }

    /** The strongest finding in {@code v}, or null. {@code wide}: also treat U+xx0A/U+xx0D as breaks. */
    static Detection judge(Variant v, boolean wide) {
        String s = v.text();
        int n = s.length();
        int breaks = 0;
        int i = 0;
        boolean first = true;
        Detection best = null;
        while (i < n && breaks < MAX_BREAKS) {
            int len = breakLength(s, i, wide);
            if (len == 0) {
                i++;
                continue;
            }
            if (first) {
                first = false;
                if (isDocumentLine(s, 0, i)) {
                    return null;
                }
            }
            breaks++;
            int at = i;
            int line = i;
            // a run of breaks: CRLF, LFCR, CRLFCRLF; a blank line has two LFs (or two CRs without LF)
            int lf = 0;
            int cr = 0;
            while (line < n) {
                int more = breakLength(s, line, wide);
                if (more == 0) {
                    break;
                }
                if (isLf(s, line, more)) {
                    lf++;
                } else {
                    cr++;
                }
                line += more;
            }
            boolean blank = lf >= 2 || (lf == 0 && cr >= 2);
            Detection d = judgeLine(v, s, at, line, blank);
            if (d != null) {
                if (d.severity() == Severity.HIGH) {
                    return d;
                }
                if (best == null) {
                    best = d;
                }
            }
            i = line;
        }
        return best;
    }

    private static boolean isLf(String s, int i, int len) {
        char c = s.charAt(i);
        if (len == 3) {
            return AsciiText.lower(s.charAt(i + 2)) == 'a';
        }
        return len == 2 ? s.charAt(i + 1) == 'n' : (c & 0xFF) == '\n';
    }

    /**
     * Length of the line break at {@code i}: 1, 2 (a literal escape) or 3 (a {@code %0a} left encoded after the
     * Shield's two URL decodings), 0 when there is none.
     */
    private static int breakLength(String s, int i, boolean wide) {
        char c = s.charAt(i);
        if (c == '\n' || c == '\r') {
            return 1;
        }
        if (c == '\\' && i + 1 < s.length()) {
            char d = s.charAt(i + 1);
            return d == 'n' || d == 'r' ? 2 : 0;
        }
        if (c == '%' && i + 2 < s.length() && s.charAt(i + 1) == '0') {
            // still encoded after the Shield's two URL decodings (triple encoding): %0a, %0D
            char d = AsciiText.lower(s.charAt(i + 2));
            return d == 'a' || d == 'd' ? 3 : 0;
        }
        return wide && isWideBreak(c) ? 1 : 0;
    }

    private static Detection judgeLine(Variant v, String s, int at, int line, boolean afterBlankLine) {
        int n = s.length();
        if (line >= n) {
            return null;
        }
        // forged response: status line
        if (s.startsWith("HTTP/", line) && line + 6 < n && AsciiText.isDigit(s.charAt(line + 5))) {
            int k = line + 6;
            while (k < n && (s.charAt(k) == '.' || AsciiText.isDigit(s.charAt(k)))) {
                k++;
            }
            if (k + 3 < n && s.charAt(k) == ' ' && AsciiText.isDigit(s.charAt(k + 1))) {
                return new Detection(RESPONSE, "HTTP response splitting", Severity.HIGH, v, at, k + 4);
            }
        }
        if (afterBlankLine && s.charAt(line) == '<' && line + 1 < n && AsciiText.isLetter(s.charAt(line + 1))) {
            return new Detection(RESPONSE, "HTTP response body injection", Severity.HIGH, v, at, line + 2);
        }
        // forged header
        int nameEnd = tokenEnd(s, line);
        if (nameEnd > line + 1 && nameEnd < n && s.charAt(nameEnd) == ':') {
            if (HeaderNames.isForgedHeader(s, line, nameEnd)) {
                return new Detection(HEADER, "HTTP header injection", Severity.HIGH, v, at, nameEnd + 1);
            }
        }
        // mail / IMAP / POP command
        int cmd = ProtocolLines.commandEnd(s, line);
        if (cmd > 0) {
            return new Detection(PROTOCOL, "Mail or IMAP command injection", Severity.MEDIUM, v, at, cmd);
        }
        // forged log line
        int log = ProtocolLines.logLineEnd(s, line);
        if (log > 0) {
            return new Detection(LOG, "Forged log line", Severity.LOW, v, at, log);
        }
        return null;
    }

    /** Whether the first line {@code [from, to)} is itself a header, status/request line or log line. */
    private static boolean isDocumentLine(String s, int from, int to) {
        if (to - from < 3) {
            return false;
        }
        int nameEnd = tokenEnd(s, from);
        if (nameEnd > from && nameEnd < to && s.charAt(nameEnd) == ':') {
            return true;
        }
        if (ProtocolLines.logLineEnd(s, from) > 0) {
            return true;
        }
        // request or status line: GET / HTTP/1.1, HTTP/1.1 200 OK
        int http = s.indexOf("HTTP/", from);
        return http >= 0 && http < to;
    }

    /** End of an HTTP token (header name characters) starting at {@code from}. */
    static int tokenEnd(String s, int from) {
        int n = Math.min(s.length(), from + 64);
        int i = from;
        while (i < n) {
            char c = s.charAt(i);
            if (AsciiText.isWord(c) || c == '-') {
                i++;
            } else {
                break;
            }
        }
        return i;
    }
}
