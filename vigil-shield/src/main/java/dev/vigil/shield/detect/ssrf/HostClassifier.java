package dev.vigil.shield.detect.ssrf;

import dev.vigil.shield.detect.AsciiText;

/**
 * Says what a URL host names: a cloud metadata service, an internal address, a public IP literal, a wildcard-DNS or
 * out-of-band testing service, or an ordinary name. Hosts are read the way lenient clients read them: IPv4 in the
 * {@code inet_aton} forms (one to four parts, each decimal, octal with a leading {@code 0} or hex with {@code 0x}),
 * with overflowing numbers reduced to their low bits as some resolvers do; IPv6 in brackets or bare, with a zone id,
 * embedded IPv4 (mapped, compatible, NAT64, 6to4); names after folding full-width and enclosed (circled) letters and
 * digits and the ideographic full stops to ASCII, as IDNA mapping does.
 */
final class HostClassifier {

    /** Nothing of interest. */
    static final int NONE = 0;
    /** A public IP literal (any form): a URL that skips DNS, the shape of remote file inclusion probes. */
    static final int PUBLIC_IP = 1;
    /** A public IP literal written in an obfuscated form (decimal, octal, hex, shortened, overflowing). */
    static final int OBFUSCATED_IP = 2;
    /** A wildcard-DNS, rebinding or out-of-band interaction service domain. */
    static final int REBIND = 3;
    /** Loopback, private, link-local, unspecified or otherwise internal address or name. */
    static final int INTERNAL = 4;
    /** A cloud instance metadata endpoint. */
    static final int METADATA = 5;

    /** Longest host looked at; longer ones are not hosts a client would resolve. */
    private static final int MAX_HOST = 253;

    private HostClassifier() {}

    /**
     * Classifies {@code s[from, to)} as a host (brackets, zone id and trailing dots allowed; no port).
     *
     * @return one of the constants of this class
     */
    static int classify(String s, int from, int to) {
        if (to - from <= 0 || to - from > MAX_HOST * 2) {
            return NONE;
        }
        if (isPlainLowerAscii(s, from, to)) {
            return classifyRange(s, from, to);
        }
        String host = fold(s, from, to);
        if (host == null) {
            return NONE;
        }
        return classifyRange(host, 0, host.length());
    }

    /** Whether {@code s[from, to)} is made of lower-case letters, digits, dots and hyphens only (nothing to fold). */
    private static boolean isPlainLowerAscii(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '_')) {
                return false;
            }
        }
        return true;
    }

    /** Classifies a folded host (lower-case ASCII, no brackets) in {@code h[from, to)}. */
    static int classifyRange(String h, int from, int to) {
        while (to > from && h.charAt(to - 1) == '.') {
            to--;
        }
        if (to == from || to - from > MAX_HOST) {
            return NONE;
        }
        int colon = -1;
        int zone = to;
        for (int k = from; k < to; k++) {
            char c = h.charAt(k);
            if (c == ':' && colon < 0) {
                colon = k;
            } else if (c == '%' && colon >= 0) {
                zone = k;
                break;
            }
        }
        if (colon >= 0) {
            int[] v6 = IpLiterals.parseIpv6(h, from, zone);
            return v6 == null ? NONE : IpLiterals.classifyIpv6(v6);
        }
        char first = h.charAt(from);
        char lastChar = h.charAt(to - 1);
        if (AsciiText.isDigit(first) && (AsciiText.isDigit(lastChar) || (lastChar >= 'a' && lastChar <= 'f'))) {
            long v4 = IpLiterals.parseIpv4(h, from, to);
            if (v4 >= 0) {
                int kind = IpLiterals.classifyIpv4(v4 & 0xFFFFFFFFL);
                if (kind == NONE) {
                    return (v4 & IpLiterals.OBFUSCATED) != 0 ? OBFUSCATED_IP : PUBLIC_IP;
                }
                return kind;
            }
        }
        return classifyName(h, from, to);
    }

    private static boolean is(String h, int from, int to, String name) {
        return to - from == name.length() && h.startsWith(name, from);
    }

    private static boolean endsWith(String h, int from, int to, String suffix) {
        int n = suffix.length();
        return to - from >= n && h.startsWith(suffix, to - n);
    }

    /** Classifies a DNS name (lower case, no trailing dot) in {@code h[from, to)}. */
    static int classifyName(String h, int from, int to) {
        char first = h.charAt(from);
        if (first == 'm' || first == 'i' || first == 'b' || first == 'k' || first == 'l') {
            int exact = exactName(h, from, to);
            if (exact != NONE) {
                return exact;
            }
        }
        int lastDot = to - 1;
        while (lastDot >= from && h.charAt(lastDot) != '.') {
            lastDot--;
        }
        if (lastDot < from) {
            return NONE; // a single label that is none of the names above
        }
        int tld = lastDot + 1;
        if (endsWith(h, from, to, ".localhost")
                || endsWith(h, from, to, ".localdomain")
                || endsWith(h, from, to, ".internal")
                || endsWith(h, from, to, ".local")
                || endsWith(h, from, to, ".svc")
                || endsWith(h, from, to, ".home.arpa")) {
            return INTERNAL;
        }
        int embedded = embeddedIpv4(h, from, to);
        if (embedded != NONE) {
            return embedded;
        }
        return serviceDomain(h, from, to, tld);
    }

    /**
     * Public services, chosen by top-level domain so that an ordinary name costs one or two comparisons: domains
     * whose every name resolves to 127.0.0.1 (local development helpers) are internal; services that resolve a name to
     * an address spelled in it (nip.io and kin), rebind DNS between two addresses, redirect, or record out-of-band
     * interactions are {@link #REBIND}: a fetch of one of them from a server is how blind SSRF is confirmed.
     */
    private static int serviceDomain(String h, int from, int to, int tld) {
        switch (to - tld) {
            case 2:
                if (h.startsWith("io", tld)) {
                    return domainIs(h, from, to, "nip.io")
                                    || domainIs(h, from, to, "xip.io")
                                    || domainIs(h, from, to, "sslip.io")
                                    || domainIs(h, from, to, "ceye.io")
                            ? REBIND
                            : NONE;
                }
                if (h.startsWith("me", tld)) {
                    if (domainIs(h, from, to, "localtest.me")
                            || domainIs(h, from, to, "lvh.me")
                            || domainIs(h, from, to, "vcap.me")) {
                        return INTERNAL;
                    }
                    return domainIs(h, from, to, "traefik.me")
                                    || domainIs(h, from, to, "oast.me")
                                    || domainIs(h, from, to, "r3dir.me")
                            ? REBIND
                            : NONE;
                }
                return domainIs(h, from, to, "rbndr.us")
                                || domainIs(h, from, to, "1u.ms")
                                || domainIs(h, from, to, "interact.sh")
                                || domainIs(h, from, to, "dnslog.cn")
                        ? REBIND
                        : NONE;
            case 3:
                return domainIs(h, from, to, "burpcollaborator.net")
                                || domainIs(h, from, to, "oastify.com")
                                || domainIs(h, from, to, "oast.pro")
                                || domainIs(h, from, to, "oast.fun")
                        ? REBIND
                        : NONE;
            case 4:
            case 6:
                return domainIs(h, from, to, "oast.live")
                                || domainIs(h, from, to, "oast.site")
                                || domainIs(h, from, to, "oast.online")
                        ? REBIND
                        : NONE;
            default:
                return NONE;
        }
    }

    /** Metadata and internal names matched exactly, and the localhost family. */
    private static int exactName(String h, int from, int to) {
        if (is(h, from, to, "metadata")
                || is(h, from, to, "metadata.google.internal")
                || is(h, from, to, "metadata.goog")
                || is(h, from, to, "instance-data")
                || is(h, from, to, "instance-data.ec2.internal")
                || is(h, from, to, "metadata.packet.net")
                || is(h, from, to, "metadata.platformequinix.com")
                || is(h, from, to, "metadata.tencentyun.com")
                || is(h, from, to, "metadata.azure.internal")) {
            return METADATA;
        }
        if (is(h, from, to, "ip6-localhost")
                || is(h, from, to, "ipv6-localhost")
                || is(h, from, to, "ip6-loopback")
                || is(h, from, to, "ipv6-loopback")
                || is(h, from, to, "broadcasthost")
                || is(h, from, to, "kubernetes")
                || is(h, from, to, "kubernetes.default")) {
            return INTERNAL;
        }
        if (h.startsWith("localhost", from)) {
            // localhost, localhost4, localhost6, localhost.localdomain, localhost4.localdomain4
            char next = to - from > 9 ? h.charAt(from + 9) : '.';
            if (next == '.' || next == '4' || next == '6') {
                return INTERNAL;
            }
        }
        return NONE;
    }

    private static boolean domainIs(String h, int from, int to, String domain) {
        int d = domain.length();
        return endsWith(h, from, to, domain) && (to - from == d || h.charAt(to - d - 1) == '.');
    }

    /**
     * An internal IPv4 address spelled inside a longer name as four consecutive numeric tokens, the tokens separated
     * by dots or hyphens ({@code a.127.0.0.1.example}, {@code app-10-0-0-1.example}, {@code x-127.0.0.1.example}):
     * wildcard DNS services resolve such names to that address.
     */
    private static int embeddedIpv4(String h, int from, int to) {
        if (to - from < 7) {
            return NONE;
        }
        long addr = 0;
        int run = 0;
        int tokenStart = from;
        for (int i = from; i <= to; i++) {
            char c = i == to ? '.' : h.charAt(i);
            if (c != '.' && c != '-') {
                continue;
            }
            int len = i - tokenStart;
            if (len >= 1 && len <= 3 && allDigits(h, tokenStart, i)) {
                int octet = Integer.parseInt(h, tokenStart, i, 10);
                if (octet <= 255) {
                    addr = (addr << 8 | octet) & 0xFFFFFFFFL;
                    run++;
                    if (run >= 4) {
                        int kind = IpLiterals.classifyIpv4(addr);
                        if (kind != NONE) {
                            return kind;
                        }
                    }
                } else {
                    run = 0;
                }
            } else {
                run = 0;
            }
            tokenStart = i + 1;
        }
        return NONE;
    }

    private static boolean allDigits(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!AsciiText.isDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * The host in lower-case ASCII: brackets removed, {@code %XX} decoded, backslashes dropped, full-width and
     * enclosed alphanumerics and Unicode full stops mapped to ASCII; null when a character remains that no resolver
     * would accept.
     */
    static String fold(String s, int from, int to) {
        while (from < to && AsciiText.isSpace(s.charAt(from))) {
            from++;
        }
        while (to > from && AsciiText.isSpace(s.charAt(to - 1))) {
            to--;
        }
        if (to > from && s.charAt(from) == '[') {
            from++;
            for (int k = from; k < to; k++) {
                if (s.charAt(k) == ']') {
                    to = k;
                    break;
                }
            }
        }
        StringBuilder out = null;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            char m = map(c);
            if (c == '%' && i + 2 < to && hexValue(s.charAt(i + 1)) >= 0 && hexValue(s.charAt(i + 2)) >= 0) {
                m = (char) (hexValue(s.charAt(i + 1)) << 4 | hexValue(s.charAt(i + 2)));
                m = AsciiText.lower(m);
                if (out == null) {
                    out = new StringBuilder(to - from).append(s, from, i);
                }
                out.append(m);
                i += 2;
                continue;
            }
            if (c == '\\' || c == 0x200B || c == 0xAD) {
                // backslashes (stripped by some shells and unescapers), zero-width space and soft hyphen (IDNA
                // mapping drops them)
                if (out == null) {
                    out = new StringBuilder(to - from).append(s, from, i);
                }
                continue;
            }
            if (c >= 0x2474 && c <= 0x247C || c >= 0x2488 && c <= 0x2490) {
                // parenthesized digits and digit full stops: "1." for the latter
                if (out == null) {
                    out = new StringBuilder(to - from).append(s, from, i);
                }
                if (c >= 0x2488) {
                    out.append((char) ('1' + (c - 0x2488))).append('.');
                } else {
                    out.append((char) ('1' + (c - 0x2474)));
                }
                continue;
            }
            if (m == 0) {
                return null;
            }
            if (m != c && out == null) {
                out = new StringBuilder(to - from).append(s, from, i);
            }
            if (out != null) {
                out.append(m);
            }
        }
        return out == null ? s.substring(from, to) : out.toString();
    }

    private static int hexValue(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }

    /** One host character mapped to lower-case ASCII; 0 when it cannot be part of a host. */
    private static char map(char c) {
        if (c < 0x80) {
            if (AsciiText.isLetter(c)) {
                return AsciiText.lower(c);
            }
            if (AsciiText.isDigit(c) || c == '.' || c == '-' || c == '_' || c == ':' || c == '%') {
                return c;
            }
            return 0;
        }
        if (c >= 0xFF01 && c <= 0xFF5E) {
            // full-width ASCII
            char a = (char) (c - 0xFEE0);
            return map(a);
        }
        if (c == 0x3002 || c == 0xFF61 || c == 0xFE52) {
            return '.';
        }
        if (c >= 0x2460 && c <= 0x2468) {
            return (char) ('1' + (c - 0x2460));
        }
        if (c == 0x24EA || c == 0x24FF || c == 0x1F10) {
            return '0';
        }
        if (c >= 0x24F5 && c <= 0x24FD) {
            return (char) ('1' + (c - 0x24F5));
        }
        if (c >= 0x2776 && c <= 0x277E) {
            return (char) ('1' + (c - 0x2776));
        }
        if (c >= 0x2780 && c <= 0x2788) {
            return (char) ('1' + (c - 0x2780));
        }
        if (c >= 0x278A && c <= 0x2792) {
            return (char) ('1' + (c - 0x278A));
        }
        if (c >= 0x24B6 && c <= 0x24CF) {
            return (char) ('a' + (c - 0x24B6));
        }
        if (c >= 0x24D0 && c <= 0x24E9) {
            return (char) ('a' + (c - 0x24D0));
        }
        if (c >= 0x2080 && c <= 0x2089) {
            return (char) ('0' + (c - 0x2080));
        }
        if (c == 0xB9) {
            return '1';
        }
        if (c == 0xB2) {
            return '2';
        }
        if (c == 0xB3) {
            return '3';
        }
        if (c == 0x2070) {
            return '0';
        }
        if (c >= 0x2074 && c <= 0x2079) {
            return (char) ('4' + (c - 0x2074));
        }
        // other non-ASCII: an internationalised name; keep as is (not internal, not an IP)
        return c;
    }
}
