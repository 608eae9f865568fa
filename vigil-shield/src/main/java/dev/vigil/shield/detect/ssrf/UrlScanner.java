package dev.vigil.shield.detect.ssrf;

import dev.vigil.shield.detect.AsciiText;

/**
 * Finds URLs in a value (the whole value, or embedded after {@code =}, in JSON, XML or prose) and judges where they
 * point. Each {@code scheme:} is parsed with a small lenient authority parser rather than {@code java.net.URI}: the
 * point is to see every host that some client could connect to, so the authority is read in two ways and every host
 * candidate is judged:
 *
 * <ul>
 *   <li>as WHATWG and the JDK do: the authority ends at the first {@code / \ ? #}, the host follows the last {@code @};
 *   <li>as older and looser clients do: the authority runs to the first {@code /}, and the text after each {@code @}
 *       (or with backslashes dropped) is a host.
 * </ul>
 *
 * <p>Special schemes ({@code http}, {@code https}, {@code ws}, {@code wss}, {@code ftp}) take a host even with no or
 * one slash ({@code http:127.0.0.1}, {@code http:/2852039166}), as WHATWG parsers do. Values without a scheme are
 * checked as a bare host when the whole value is one ({@code localhost/}, {@code host.docker.internal:8080}).
 *
 * <p>The result is packed in a {@code long}: rule (bits 56+), start (bits 28..55), end (bits 0..27); 0 for none.
 */
final class UrlScanner {

    /** Rule strengths, also indexes into the detector's rule table. */
    static final int NONE = 0;

    static final int RFI = 1;
    static final int PUBLIC_IP = 2;
    static final int REBIND = 3;
    static final int SCHEME = 4;
    static final int INTERNAL = 5;
    static final int METADATA = 6;

    /** At most this many {@code scheme:} candidates are parsed per value. */
    static final int MAX_URLS = 64;

    /** How far an authority is read. */
    private static final int MAX_AUTHORITY = 256;

    /** Values longer than this are not checked as a bare host. */
    private static final int MAX_BARE = 300;

    /** Whether the text given to {@link #bare} holds a dot: not known yet (then {@code t} is searched to its end). */
    private static final int DOT_UNKNOWN = 0;

    private static final int DOT_YES = 1;
    private static final int DOT_NO = 2;

    private static final int K_OTHER = 0;
    private static final int K_SPECIAL = 1;
    private static final int K_FILE = 2;
    private static final int K_DANGEROUS = 3;
    private static final int K_JAR = 4;

    private UrlScanner() {}

    static long pack(int rule, int start, int end) {
        return (long) rule << 56 | (long) (start & 0xFFFFFFF) << 28 | (end & 0xFFFFFFF);
    }

    static int rule(long packed) {
        return (int) (packed >>> 56);
    }

    static int start(long packed) {
        return (int) (packed >>> 28) & 0xFFFFFFF;
    }

    static int end(long packed) {
        return (int) packed & 0xFFFFFFF;
    }

    /**
     * Scans one variant text.
     *
     * @param pathSource whether the value is (part of) a request path
     * @param name the parameter name; looked at (lazily) for whether it says it holds a file path (path, dir,
     *     include, template...)
     */
    static long scan(String t, boolean pathSource, String name) {
        long best = 0;
        int n = t.length();
        if (n <= MAX_BARE) {
            best = bare(t, 0, n, DOT_UNKNOWN);
            if (rule(best) == METADATA) {
                return best;
            }
        }
        if (n <= MAX_BARE * 8 && n > 0 && (t.charAt(0) == '<' || t.charAt(0) == '{' || t.charAt(0) == '[')) {
            long attr = bareInStructure(t);
            if (rule(attr) > rule(best)) {
                best = attr;
            }
        }
        int from = 0;
        int urls = 0;
        while (urls < MAX_URLS) {
            int c = t.indexOf(':', from);
            if (c < 0) {
                break;
            }
            from = c + 1;
            int s = c;
            while (s > 0 && c - s < 32 && isSchemeChar(t.charAt(s - 1))) {
                s--;
            }
            if (s == c) {
                continue;
            }
            int j = c + 1;
            int slashes = 0;
            while (j < n && slashes < 16 && (t.charAt(j) == '/' || t.charAt(j) == '\\')) {
                j++;
                slashes++;
            }
            if (!AsciiText.isLetter(t.charAt(s))) {
                // "0://host": a digit-led scheme some parsers still split at "://"
                if (slashes < 2) {
                    continue;
                }
                while (s < c && !AsciiText.isLetter(t.charAt(s))) {
                    s++;
                }
            }
            int kind = schemeKind(t, s, c);
            urls++;
            int rule = NONE;
            int end = j;
            switch (kind) {
                case K_FILE:
                    if (slashes >= 1) {
                        rule = SCHEME;
                    }
                    break;
                case K_JAR:
                    if (slashes == 0 && isSchemeAhead(t, j)) {
                        rule = SCHEME;
                    }
                    break;
                case K_DANGEROUS:
                    if (slashes >= 2 || (slashes == 1 && t.charAt(c + 1) == '/' && c - s != 4)) {
                        // one slash is enough (netdoc:/etc, gopher:/x) except for the 4-letter data:, dict: ...
                        rule = SCHEME;
                    }
                    break;
                default:
                    break;
            }
            boolean authority = (kind == K_SPECIAL && (slashes > 0 || (j < n && isHostStart(t.charAt(j)))))
                    || (kind != K_JAR && slashes >= 2);
            if (authority) {
                long judged = authority(t, j);
                int hostRule = rule(judged);
                end = Math.max(end, end(judged));
                if (hostRule > rule) {
                    rule = hostRule;
                }
                if (rule == NONE && kind == K_SPECIAL && slashes >= 2) {
                    rule = rfiShape(t, s, end, pathSource, name);
                    if (rule == NONE && s == 0 && c == 3 && AsciiText.regionMatchesLower(t, 0, "ftp") && noSpace(t)) {
                        // a whole value that is an FTP URL: browsers dropped FTP, server-side includes did not
                        rule = RFI;
                    }
                }
                from = Math.max(from, end);
            }
            if (rule > rule(best)) {
                best = pack(rule, s, Math.max(end, c + 1));
                if (rule == METADATA) {
                    return best;
                }
            }
        }
        return best;
    }

    /**
     * Remote file inclusion shapes of a URL to an ordinary host: the URL ends in a bare {@code ?} (cutting off a suffix
     * the application appends), sits inside a request path after a {@code /}, or is the value of a parameter named
     * as a file path.
     */
    private static int rfiShape(String t, int s, int authorityEnd, boolean pathSource, String name) {
        int n = t.length();
        if (s == 0 && n > authorityEnd && t.charAt(n - 1) == '?' && t.indexOf('?') == n - 1 && noSpace(t)) {
            return RFI;
        }
        if (pathSource && s > 0 && t.charAt(s - 1) == '/') {
            return RFI;
        }
        if (s == 0 && isPathLikeName(name) && noSpace(t)) {
            return RFI;
        }
        if (s > 1 && t.charAt(s - 1) == '=' && isPathLikeKey(t, s - 1)) {
            return RFI;
        }
        return NONE;
    }

    private static boolean noSpace(String t) {
        for (int i = 0; i < t.length(); i++) {
            if (AsciiText.isSpace(t.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** Whether the query key ending at {@code eq} (exclusive) names a file path. */
    private static boolean isPathLikeKey(String t, int eq) {
        int k = eq;
        while (k > 0 && eq - k < 64) {
            char ch = t.charAt(k - 1);
            if (AsciiText.isWord(ch) || ch == '[' || ch == ']' || ch == '.' || ch == '-') {
                k--;
            } else {
                break;
            }
        }
        if (k > 0 && t.charAt(k - 1) != '&' && t.charAt(k - 1) != '?') {
            return false;
        }
        return isPathLikeName(t.substring(k, eq));
    }

    /**
     * Whether a parameter name says it holds a local file path: one of its words (split at non-letters and
     * lower-to-upper case changes) is path, dir, include, require, template, folder or root.
     */
    static boolean isPathLikeName(String name) {
        if (name == null) {
            return false;
        }
        int n = Math.min(name.length(), 128);
        int start = 0;
        for (int i = 0; i <= n; i++) {
            boolean boundary = i == n
                    || !AsciiText.isLetter(name.charAt(i))
                    || (i > start
                            && Character.isUpperCase(name.charAt(i))
                            && Character.isLowerCase(name.charAt(i - 1)));
            if (boundary) {
                if (i > start && isPathWord(name, start, i)) {
                    return true;
                }
                start = i < n && AsciiText.isLetter(name.charAt(i)) ? i : i + 1;
            }
        }
        return false;
    }

    private static boolean isPathWord(String s, int from, int to) {
        switch (to - from) {
            case 3:
                return AsciiText.regionMatchesLower(s, from, "dir");
            case 4:
                return AsciiText.regionMatchesLower(s, from, "path") || AsciiText.regionMatchesLower(s, from, "root");
            case 6:
                return AsciiText.regionMatchesLower(s, from, "folder");
            case 7:
                return AsciiText.regionMatchesLower(s, from, "include")
                        || AsciiText.regionMatchesLower(s, from, "require");
            case 8:
                return AsciiText.regionMatchesLower(s, from, "template");
            default:
                return false;
        }
    }

    private static boolean isSchemeChar(char c) {
        return AsciiText.isWord(c) || c == '+' || c == '-' || c == '.';
    }

    private static boolean isHostStart(char c) {
        return AsciiText.isLetter(c) || AsciiText.isDigit(c) || c == '[' || c > 0x7F;
    }

    /** Whether a scheme ({@code letters ':'}) starts at {@code j}: jar:http:, jar:file:. */
    private static boolean isSchemeAhead(String t, int j) {
        int n = t.length();
        int k = j;
        while (k < n && k - j < 12 && AsciiText.isLetter(t.charAt(k))) {
            k++;
        }
        return k > j && k < n && t.charAt(k) == ':';
    }

    private static int schemeKind(String t, int s, int c) {
        switch (c - s) {
            case 2:
                return AsciiText.regionMatchesLower(t, s, "ws") ? K_SPECIAL : K_OTHER;
            case 3:
                if (AsciiText.regionMatchesLower(t, s, "ftp") || AsciiText.regionMatchesLower(t, s, "wss")) {
                    return K_SPECIAL;
                }
                if (AsciiText.regionMatchesLower(t, s, "jar")) {
                    return K_JAR;
                }
                if (AsciiText.regionMatchesLower(t, s, "php")
                        || AsciiText.regionMatchesLower(t, s, "smb")
                        || AsciiText.regionMatchesLower(t, s, "zip")
                        || AsciiText.regionMatchesLower(t, s, "rar")
                        || AsciiText.regionMatchesLower(t, s, "ogg")) {
                    return K_DANGEROUS;
                }
                return K_OTHER;
            case 4:
                if (AsciiText.regionMatchesLower(t, s, "http")) {
                    return K_SPECIAL;
                }
                if (AsciiText.regionMatchesLower(t, s, "file")) {
                    return K_FILE;
                }
                if (AsciiText.regionMatchesLower(t, s, "dict")
                        || AsciiText.regionMatchesLower(t, s, "data") // only as data:// (PHP's wrapper), see below
                        || AsciiText.regionMatchesLower(t, s, "glob")
                        || AsciiText.regionMatchesLower(t, s, "ldap")
                        || AsciiText.regionMatchesLower(t, s, "tftp")
                        || AsciiText.regionMatchesLower(t, s, "sftp")
                        || AsciiText.regionMatchesLower(t, s, "phar")) {
                    return K_DANGEROUS;
                }
                return K_OTHER;
            case 5:
                if (AsciiText.regionMatchesLower(t, s, "https")) {
                    return K_SPECIAL;
                }
                if (AsciiText.regionMatchesLower(t, s, "ldaps") || AsciiText.regionMatchesLower(t, s, "ldapi")) {
                    return K_DANGEROUS;
                }
                return K_OTHER;
            case 6:
                if (AsciiText.regionMatchesLower(t, s, "gopher")
                        || AsciiText.regionMatchesLower(t, s, "netdoc")
                        || AsciiText.regionMatchesLower(t, s, "expect")) {
                    return K_DANGEROUS;
                }
                return K_OTHER;
            case 9:
            case 10:
            case 11:
                return AsciiText.regionMatchesLower(t, s, "local_file") || AsciiText.regionMatchesLower(t, s, "ssh2.")
                        ? K_DANGEROUS
                        : K_OTHER;
            case 13:
            case 14:
                return AsciiText.regionMatchesLower(t, s, "compress.") ? K_DANGEROUS : K_OTHER;
            default:
                return K_OTHER;
        }
    }

    /** Terminates the authority in the WHATWG reading. */
    private static boolean endsAuthority(char c) {
        switch (c) {
            case '/':
            case '\\':
            case '?':
            case '#':
            case '"':
            case '\'':
            case '<':
            case '>':
            case '`':
            case '{':
            case '}':
            case '|':
            case '^':
            case ',':
            case ';':
            case '(':
            case ')':
            case '*':
            case '!':
            case '$':
                return true;
            default:
                return AsciiText.isSpace(c) || c < 0x20;
        }
    }

    /** Terminates the looser reading (which runs across spaces, {@code #} and {@code ?} up to a slash). */
    private static boolean endsLooseAuthority(char c) {
        return c == '/' || c == '\r' || c == '\n' || c == '"' || c == '\'' || c == '<' || c == '>' || c == '`';
    }

    /**
     * Judges the authority starting at {@code j}; returns the rule for the worst host candidate and, as end, where
     * the WHATWG authority ends.
     */
    static long authority(String t, int j) {
        int n = t.length();
        int limit = Math.min(n, j + MAX_AUTHORITY);
        int endA = j;
        while (endA < limit && !endsAuthority(t.charAt(endA))) {
            endA++;
        }
        int kind = HostClassifier.NONE;
        int at = lastIndexOf(t, '@', j, endA);
        int hostStart = at >= 0 ? at + 1 : j;
        kind = Math.max(kind, host(t, hostStart, endA));

        int endB = endA;
        while (endB < limit && !endsLooseAuthority(t.charAt(endB))) {
            endB++;
        }
        if (endB > endA) {
            // every "@host" after the WHATWG end: parsers that take the last (or first) '@' before the path
            for (int p = indexOf(t, '@', endA, endB); p >= 0; p = indexOf(t, '@', p + 1, endB)) {
                int e = p + 1;
                while (e < endB && !endsAuthority(t.charAt(e)) && t.charAt(e) != '@') {
                    e++;
                }
                if (e > p + 1) {
                    kind = Math.max(kind, host(t, p + 1, e));
                }
            }
            if (endA < n && t.charAt(endA) == '\\') {
                // backslashes dropped: http://l\o\c\a\l\h\o\s\t/ or h\t\t\p-style unescaping
                int e = endA;
                while (e < endB && !AsciiText.isSpace(t.charAt(e)) && t.charAt(e) != '?' && t.charAt(e) != '#') {
                    e++;
                }
                int lastAt = lastIndexOf(t, '@', j, e);
                kind = Math.max(kind, host(t, lastAt >= 0 ? lastAt + 1 : j, e));
            }
        }
        int rule = ruleFor(kind);
        if ((rule == INTERNAL || rule == PUBLIC_IP) && endA < n && t.charAt(endA) == '/' && isMetadataPath(t, endA)) {
            rule = METADATA;
        }
        return pack(rule, j, endA);
    }

    /** The first {@code c} in {@code t[from, to)}, or -1. */
    private static int indexOf(String t, char c, int from, int to) {
        for (int i = from; i < to; i++) {
            if (t.charAt(i) == c) {
                return i;
            }
        }
        return -1;
    }

    /** The last {@code c} in {@code t[from, to)}, or -1. */
    private static int lastIndexOf(String t, char c, int from, int to) {
        for (int i = to - 1; i >= from; i--) {
            if (t.charAt(i) == c) {
                return i;
            }
        }
        return -1;
    }

    static int ruleFor(int hostKind) {
        switch (hostKind) {
            case HostClassifier.METADATA:
                return METADATA;
            case HostClassifier.INTERNAL:
                return INTERNAL;
            case HostClassifier.REBIND:
                return REBIND;
            case HostClassifier.PUBLIC_IP:
            case HostClassifier.OBFUSCATED_IP:
                return PUBLIC_IP;
            default:
                return NONE;
        }
    }

    /** Classifies the host of {@code host[:port]} in {@code t[from, to)}. */
    private static int host(String t, int from, int to) {
        while (from < to && AsciiText.isSpace(t.charAt(from))) {
            from++;
        }
        if (from >= to) {
            return HostClassifier.NONE;
        }
        int hostEnd = to;
        if (t.charAt(from) == '[') {
            int close = indexOf(t, ']', from, to);
            hostEnd = close >= 0 ? close + 1 : to;
        } else {
            int colon = indexOf(t, ':', from, to);
            if (colon >= 0) {
                int second = indexOf(t, ':', colon + 1, to);
                if (second < 0) {
                    hostEnd = colon; // host:port
                }
                // two or more colons: a bare IPv6 literal, keep whole
            }
        }
        return HostClassifier.classify(t, from, hostEnd);
    }

    /** Instance metadata paths of the major clouds, after the host. */
    private static boolean isMetadataPath(String t, int p) {
        return AsciiText.regionMatchesLower(t, p, "/latest/")
                || AsciiText.regionMatchesLower(t, p, "/computemetadata/")
                || AsciiText.regionMatchesLower(t, p, "/metadata/")
                || AsciiText.regionMatchesLower(t, p, "/openstack")
                || AsciiText.regionMatchesLower(t, p, "/opc/v")
                || AsciiText.regionMatchesLower(t, p, "/v2/credentials")
                || AsciiText.regionMatchesLower(t, p, "/2009-04-04/meta-data");
    }

    /**
     * Bare hosts in the double-quoted strings (attribute values, JSON strings) and element texts of a markup or JSON
     * value: {@code <a probe="localhost/">}, {@code {"url": "host.docker.internal/"}}, {@code <u>localhost/</u>}.
     */
    private static long bareInStructure(String t) {
        long best = 0;
        int n = t.length();
        int from = 0;
        int dot = t.indexOf('.');
        for (int count = 0; count < 64 && from < n; count++) {
            int q = t.indexOf('"', from);
            int gt = t.indexOf('>', from);
            int open = q < 0 ? gt : gt < 0 ? q : Math.min(q, gt);
            if (open < 0) {
                break;
            }
            char closer = t.charAt(open) == '"' ? '"' : '<';
            int close = t.indexOf(closer, open + 1);
            if (close < 0) {
                break;
            }
            if (close - open - 1 <= MAX_BARE && close > open + 1) {
                if (dot >= 0 && dot <= open) {
                    dot = t.indexOf('.', open + 1);
                }
                long found = bare(t, open + 1, close, dot >= 0 && dot < close ? DOT_YES : DOT_NO);
                if (rule(found) > rule(best)) {
                    best = found;
                }
            }
            from = closer == '"' ? close + 1 : close;
        }
        return best;
    }

    /**
     * A value (or {@code t[i, n)}) that is just a host, with optional port, path or query: {@code localhost/},
     * {@code 10.0.0.1:8080}.
     */
    private static long bare(String t, int i, int n, int hasDot) {
        while (i < n && (AsciiText.isSpace(t.charAt(i)) || t.charAt(i) == '"' || t.charAt(i) == '\'')) {
            i++;
        }
        if (i + 2 < n && (t.charAt(i) == '/' || t.charAt(i) == '\\') && t.charAt(i + 1) == t.charAt(i)) {
            // protocol-relative //host or UNC \\host
            long judged = authority(t, i + 2);
            int rule = rule(judged);
            return rule == NONE ? 0 : pack(rule, i, end(judged));
        }
        if (i < n && t.charAt(i) == '[') {
            int close = indexOf(t, ']', i, Math.min(n, i + 66));
            if (close < 0) {
                return 0;
            }
            char after = close + 1 < n ? t.charAt(close + 1) : 0;
            int kind = HostClassifier.classify(t, i, close + 1);
            if (kind == HostClassifier.METADATA
                    || (kind == HostClassifier.INTERNAL && (after == '/' || after == ':'))) {
                return pack(ruleFor(kind), i, close + 1);
            }
            return 0;
        }
        if (i >= n) {
            return 0;
        }
        char c0 = AsciiText.lower(t.charAt(i));
        if (!AsciiText.isLetter(c0) && !AsciiText.isDigit(c0)) {
            return 0;
        }
        boolean singleLabel = c0 == 'l' || c0 == 'i' || c0 == 'm' || c0 == 'k' || c0 == 'b';
        if (!singleLabel) {
            // any other host of interest has a dot: the caller's vectorised search rules most values out
            if (hasDot == DOT_NO || hasDot == DOT_UNKNOWN && t.indexOf('.', i) < 0) {
                return 0;
            }
        }
        int start = i;
        boolean dot = false;
        while (i < n && i - start <= 253) {
            char c = t.charAt(i);
            if (AsciiText.isLetter(c) || AsciiText.isDigit(c) || c == '-' || c == '_') {
                i++;
            } else if (c == '.') {
                dot = true;
                i++;
            } else {
                break;
            }
        }
        if (i == start || i - start > 253) {
            return 0;
        }
        char term = i < n ? t.charAt(i) : 0;
        if (term != 0 && term != '/' && term != ':' && term != '?' && term != '#') {
            return 0;
        }
        if (!dot && !looksLikeSingleLabelHost(t, start, i)) {
            return 0;
        }
        if (term == 0
                && (!dot && !AsciiText.regionMatchesLower(t, start, "localhost")
                        || AsciiText.regionMatchesLower(t, i - 6, ".local"))) {
            // a lone word such as "metadata" or a file name such as "settings.local" is not a target
            return 0;
        }
        int kind = HostClassifier.classify(t, start, i);
        boolean ipLiteral = kind == HostClassifier.PUBLIC_IP
                || kind == HostClassifier.OBFUSCATED_IP
                || IpLiterals.parseIpv4(t, start, i) >= 0;
        if (ipLiteral && kind == HostClassifier.INTERNAL) {
            // an internal IP alone is a common, harmless value (a source IP); with a port or path it is a target
            if (term != '/'
                    && !(term == ':' && i + 1 < n && (AsciiText.isDigit(t.charAt(i + 1)) || t.charAt(i + 1) == '+'))) {
                return 0;
            }
        }
        if (kind == HostClassifier.PUBLIC_IP || kind == HostClassifier.OBFUSCATED_IP) {
            return 0;
        }
        int rule = ruleFor(kind);
        return rule == NONE ? 0 : pack(rule, start, i);
    }

    private static boolean looksLikeSingleLabelHost(String t, int from, int to) {
        return AsciiText.regionMatchesLower(t, from, "localhost")
                || AsciiText.regionMatchesLower(t, from, "ip6-")
                || AsciiText.regionMatchesLower(t, from, "ipv6-")
                || AsciiText.regionMatchesLower(t, from, "metadata")
                || AsciiText.regionMatchesLower(t, from, "instance-data")
                || AsciiText.regionMatchesLower(t, from, "kubernetes")
                || AsciiText.regionMatchesLower(t, from, "broadcasthost");
    }
}
