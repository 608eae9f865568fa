package dev.vigil.shield.detect.crlf;

import dev.vigil.shield.detect.AsciiText;

/**
 * Lines of other line-based protocols an attacker forges with a line break: SMTP/POP3/IMAP commands, and the opening
 * of a log line (timestamp or level).
 */
final class ProtocolLines {

    private ProtocolLines() {}

    /**
     * End of a mail or IMAP/POP command starting the line at {@code at}, or 0. Commands must be in capitals (clients
     * send them so, and prose rarely has a line that is only a capitalised command word):
     * {@code MAIL FROM:}, {@code RCPT TO:}, {@code DATA}, {@code QUIT}, {@code RSET}, {@code HELO x}, {@code EHLO x},
     * {@code VRFY x}, {@code EXPN x}, POP's {@code RETR n}/{@code DELE n}, and an IMAP tag followed by a command
     * ({@code A1 FETCH 1}, {@code a LOGIN u p}).
     */
    static int commandEnd(String s, int at) {
        int n = s.length();
        if (s.startsWith("MAIL FROM:", at) || s.startsWith("RCPT TO:", at)) {
            return at + 8;
        }
        int w = upperWordEnd(s, at);
        if (w == at) {
            // IMAP: a tag (letters/digits) then a blank then a command in capitals
            int tag = at;
            while (tag < n
                    && tag - at < 12
                    && (AsciiText.isLetter(s.charAt(tag)) || AsciiText.isDigit(s.charAt(tag)))) {
                tag++;
            }
            if (tag > at && tag < n && s.charAt(tag) == ' ') {
                int c = upperWordEnd(s, tag + 1);
                if (c > tag + 1 && isImapCommand(s.substring(tag + 1, c)) && lineEndsOrArgs(s, c)) {
                    return c;
                }
            }
            return 0;
        }
        String word = s.substring(at, w);
        switch (word) {
            case "DATA":
            case "QUIT":
            case "RSET":
            case "NOOP":
            case "STARTTLS":
                return isLineEnd(s, w) ? w : 0;
            case "HELO":
            case "EHLO":
            case "VRFY":
            case "EXPN":
            case "RETR":
            case "DELE":
                return w < n && s.charAt(w) == ' ' ? w : 0;
            default:
                // an IMAP tag: A001 LOGIN
                while (w < n && w - at < 12 && (AsciiText.isLetter(s.charAt(w)) || AsciiText.isDigit(s.charAt(w)))) {
                    w++;
                }
                if (w < n && s.charAt(w) == ' ') {
                    int c = upperWordEnd(s, w + 1);
                    if (c > w + 1 && isImapCommand(s.substring(w + 1, c)) && lineEndsOrArgs(s, c)) {
                        return c;
                    }
                }
                return 0;
        }
    }

    private static boolean isImapCommand(String word) {
        switch (word) {
            case "CAPABILITY":
            case "LOGIN":
            case "LOGOUT":
            case "SELECT":
            case "EXAMINE":
            case "FETCH":
            case "STORE":
            case "EXPUNGE":
            case "APPEND":
            case "UID":
            case "AUTHENTICATE":
                return true;
            default:
                return false;
        }
    }

    private static boolean lineEndsOrArgs(String s, int at) {
        return isLineEnd(s, at) || s.charAt(at) == ' ';
    }

    private static boolean isLineEnd(String s, int at) {
        if (at >= s.length()) {
            return true;
        }
        char c = s.charAt(at);
        return c == '\r'
                || c == '\n'
                || (c == '\\' && at + 1 < s.length() && (s.charAt(at + 1) == 'r' || s.charAt(at + 1) == 'n'));
    }

    private static int upperWordEnd(String s, int at) {
        int n = Math.min(s.length(), at + 16);
        int i = at;
        while (i < n && s.charAt(i) >= 'A' && s.charAt(i) <= 'Z') {
            i++;
        }
        return i;
    }

    /**
     * End of a log-line opening at {@code at}, or 0: an optional {@code [}, then an ISO date with a time
     * ({@code 2024-05-01T10:00}, {@code 2024-05-01 10:00}) or a level word in capitals followed by {@code :},
     * {@code ]} or a blank.
     */
    static int logLineEnd(String s, int at) {
        int n = s.length();
        int i = at;
        if (i < n && s.charAt(i) == '[') {
            i++;
        }
        if (i + 16 <= n
                && digits(s, i, 4)
                && s.charAt(i + 4) == '-'
                && digits(s, i + 5, 2)
                && s.charAt(i + 7) == '-'
                && digits(s, i + 8, 2)
                && (s.charAt(i + 10) == 'T' || s.charAt(i + 10) == ' ')
                && digits(s, i + 11, 2)
                && s.charAt(i + 13) == ':'
                && digits(s, i + 14, 2)) {
            return i + 16;
        }
        int w = upperWordEnd(s, i);
        if (w > i && w < n) {
            char next = s.charAt(w);
            if (next == ':' || next == ']' || next == ' ') {
                switch (s.substring(i, w)) {
                    case "INFO":
                    case "WARN":
                    case "WARNING":
                    case "ERROR":
                    case "DEBUG":
                    case "TRACE":
                    case "FATAL":
                    case "SEVERE":
                    case "CRITICAL":
                        return w;
                    default:
                        return 0;
                }
            }
        }
        return 0;
    }

    private static boolean digits(String s, int at, int count) {
        for (int k = 0; k < count; k++) {
            if (!AsciiText.isDigit(s.charAt(at + k))) {
                return false;
            }
        }
        return true;
    }
}
