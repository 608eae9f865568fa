package dev.vigil.shield.detect.ssrf;

/**
 * Parses IP address literals as lenient resolvers do and says whether an address is internal. IPv4 follows
 * {@code inet_aton}: one to four dot-separated parts, each decimal, octal (leading {@code 0}) or hex ({@code 0x}), the
 * last part filling the remaining bytes ({@code 127.1}, {@code 2130706433}); numbers too large for their place are
 * reduced to their low bits (as some resolvers do) and marked obfuscated. IPv6 follows RFC 4291 text forms with
 * {@code ::} and a trailing dotted IPv4.
 */
final class IpLiterals {

    /** Flag bit in {@link #parseIpv4}'s result: the literal is not plain dotted-quad decimal. */
    static final long OBFUSCATED = 1L << 40;

    private static final long MASK32 = 0xFFFFFFFFL;

    private IpLiterals() {}

    /**
     * The IPv4 address {@code s[from, to)} spells (low 32 bits, plus {@link #OBFUSCATED} when not dotted-quad
     * decimal), or -1 when it is not an IPv4 literal.
     */
    static long parseIpv4(String s, int from, int to) {
        if (to > from && s.charAt(to - 1) == '.') {
            to--;
        }
        if (to <= from || to - from > 64) {
            return -1;
        }
        long p0 = 0;
        long p1 = 0;
        long p2 = 0;
        long last = 0;
        int count = 0;
        boolean obfuscated = false;
        int i = from;
        while (i <= to) {
            if (count == 4) {
                return -1;
            }
            int start = i;
            int end = i;
            while (end < to && s.charAt(end) != '.') {
                end++;
            }
            if (end == start) {
                return -1;
            }
            int radix = 10;
            int digits = start;
            if (end - start >= 2
                    && s.charAt(start) == '0'
                    && (s.charAt(start + 1) == 'x' || s.charAt(start + 1) == 'X')) {
                radix = 16;
                digits = start + 2;
                obfuscated = true;
            } else if (end - start >= 2 && s.charAt(start) == '0') {
                radix = 8;
                digits = start + 1;
                obfuscated = true;
            }
            long value = 0;
            for (int k = digits; k < end; k++) {
                int d = digit(s.charAt(k), radix);
                if (d < 0) {
                    return -1;
                }
                value = value * radix + d;
                if (value > MASK32 * 256) {
                    value &= MASK32;
                    obfuscated = true;
                }
            }
            if (value > MASK32) {
                obfuscated = true;
                value &= MASK32;
            }
            if (count == 0) {
                p0 = value;
            } else if (count == 1) {
                p1 = value;
            } else if (count == 2) {
                p2 = value;
            }
            last = value;
            count++;
            i = end + 1;
        }
        if (count < 4) {
            obfuscated = true;
        }
        long addr = 0;
        if (count >= 2) {
            obfuscated |= p0 > 255;
            addr |= (p0 & 0xFF) << 24;
        }
        if (count >= 3) {
            obfuscated |= p1 > 255;
            addr |= (p1 & 0xFF) << 16;
        }
        if (count >= 4) {
            obfuscated |= p2 > 255;
            addr |= (p2 & 0xFF) << 8;
        }
        int lastBytes = 5 - count;
        long lastMask = lastBytes == 4 ? MASK32 : (1L << (8 * lastBytes)) - 1;
        if (last > lastMask) {
            obfuscated = true;
        }
        addr |= last & lastMask;
        return addr | (obfuscated ? OBFUSCATED : 0);
    }

    private static int digit(char c, int radix) {
        int d;
        if (c >= '0' && c <= '9') {
            d = c - '0';
        } else if (c >= 'a' && c <= 'f') {
            d = c - 'a' + 10;
        } else if (c >= 'A' && c <= 'F') {
            d = c - 'A' + 10;
        } else {
            return -1;
        }
        return d < radix ? d : -1;
    }

    /** What an IPv4 address is: {@link HostClassifier#METADATA}, {@link HostClassifier#INTERNAL} or NONE. */
    static int classifyIpv4(long a) {
        if (a == 0xA9FEA9FEL // 169.254.169.254: AWS, Azure, GCP, OpenStack, DigitalOcean... metadata
                || a == 0xA9FEAA02L // 169.254.170.2: ECS task credentials
                || a == 0x646464C8L // 100.100.100.200: Alibaba Cloud metadata
                || a == 0xC00000C0L) { // 192.0.0.192: Oracle Cloud metadata
            return HostClassifier.METADATA;
        }
        int b0 = (int) (a >>> 24);
        int b1 = (int) (a >>> 16) & 0xFF;
        switch (b0) {
            case 0: // "this network", 0.0.0.0 reaches the local host
            case 10:
            case 127:
                return HostClassifier.INTERNAL;
            case 100:
                return b1 >= 64 && b1 < 128 ? HostClassifier.INTERNAL : HostClassifier.NONE; // CGNAT 100.64/10
            case 169:
                return b1 == 254 ? HostClassifier.INTERNAL : HostClassifier.NONE;
            case 172:
                return b1 >= 16 && b1 < 32 ? HostClassifier.INTERNAL : HostClassifier.NONE;
            case 192:
                if (b1 == 168) {
                    return HostClassifier.INTERNAL;
                }
                // 192.0.0.0/24: IETF protocol assignments (not globally routable)
                return b1 == 0 && ((a >>> 8) & 0xFF) == 0 ? HostClassifier.INTERNAL : HostClassifier.NONE;
            case 198:
                return b1 == 18 || b1 == 19 ? HostClassifier.INTERNAL : HostClassifier.NONE; // 198.18/15
            default:
                // multicast 224/4 and reserved 240/4 (incl. broadcast) are never a public web server
                return b0 >= 224 ? HostClassifier.INTERNAL : HostClassifier.NONE;
        }
    }

    /**
     * The eight 16-bit groups of the IPv6 literal {@code s[from, to)} (no brackets, no zone), or null when it is not
     * one.
     */
    static int[] parseIpv6(String s, int from, int to) {
        if (to - from < 2 || to - from > 64) {
            return null;
        }
        int[] head = new int[8];
        int[] tail = new int[8];
        int headCount = 0;
        int tailCount = 0;
        boolean compressed = false;
        int i = from;
        if (s.charAt(i) == ':') {
            if (s.charAt(i + 1) != ':') {
                return null;
            }
            compressed = true;
            i += 2;
        }
        while (i < to) {
            int start = i;
            int value = 0;
            while (i < to && digit(s.charAt(i), 16) >= 0 && i - start < 4) {
                value = value << 4 | digit(s.charAt(i), 16);
                i++;
            }
            if (i < to && s.charAt(i) == '.') {
                // trailing dotted IPv4
                long v4 = parseIpv4(s, start, to);
                if (v4 < 0 || (v4 & OBFUSCATED) != 0) {
                    return null;
                }
                int hi = (int) (v4 >>> 16) & 0xFFFF;
                int lo = (int) v4 & 0xFFFF;
                if (compressed) {
                    tail[tailCount++] = hi;
                    tail[tailCount++] = lo;
                } else {
                    head[headCount++] = hi;
                    head[headCount++] = lo;
                }
                i = to;
                break;
            }
            if (i == start) {
                return null;
            }
            if (compressed) {
                if (tailCount == 8) {
                    return null;
                }
                tail[tailCount++] = value;
            } else {
                if (headCount == 8) {
                    return null;
                }
                head[headCount++] = value;
            }
            if (i == to) {
                break;
            }
            if (s.charAt(i) != ':') {
                return null;
            }
            i++;
            if (i < to && s.charAt(i) == ':') {
                if (compressed) {
                    return null;
                }
                compressed = true;
                i++;
            } else if (i == to) {
                return null;
            }
            if (headCount + tailCount > 8) {
                return null;
            }
        }
        int total = headCount + tailCount;
        if (total > 8 || (!compressed && total != 8) || (compressed && total == 8)) {
            return null;
        }
        int[] out = new int[8];
        System.arraycopy(head, 0, out, 0, headCount);
        System.arraycopy(tail, 0, out, 8 - tailCount, tailCount);
        return out;
    }

    /** What an IPv6 address is, embedded IPv4 included. */
    static int classifyIpv6(int[] g) {
        boolean zeroFirst5 = g[0] == 0 && g[1] == 0 && g[2] == 0 && g[3] == 0 && g[4] == 0;
        if (zeroFirst5 && g[5] == 0 && g[6] == 0 && (g[7] == 0 || g[7] == 1)) {
            return HostClassifier.INTERNAL; // :: and ::1
        }
        long v4 = ((long) g[6] << 16 | g[7]) & MASK32;
        if (zeroFirst5 && (g[5] == 0xFFFF || g[5] == 0)) {
            // IPv4-mapped ::ffff:a.b.c.d and IPv4-compatible ::a.b.c.d
            int kind = classifyIpv4(v4);
            return kind == HostClassifier.NONE ? HostClassifier.PUBLIC_IP : kind;
        }
        if (g[0] == 0x64 && g[1] == 0xFF9B) {
            int kind = classifyIpv4(v4); // NAT64
            return kind == HostClassifier.NONE ? HostClassifier.PUBLIC_IP : kind;
        }
        if (g[0] == 0x2002) {
            int kind = classifyIpv4(((long) g[1] << 16 | g[2]) & MASK32); // 6to4
            return kind == HostClassifier.NONE ? HostClassifier.PUBLIC_IP : kind;
        }
        if (g[0] == 0xFD00
                && g[1] == 0x0EC2
                && g[2] == 0
                && g[3] == 0
                && g[4] == 0
                && g[5] == 0
                && g[6] == 0
                && g[7] == 0x254) {
            return HostClassifier.METADATA; // AWS IMDS over IPv6
        }
        if ((g[0] & 0xFE00) == 0xFC00 // unique local fc00::/7
                || (g[0] & 0xFFC0) == 0xFE80 // link-local fe80::/10
                || (g[0] & 0xFFC0) == 0xFEC0 // site-local fec0::/10 (deprecated)
                || (g[0] & 0xFF00) == 0xFF00) { // multicast
            return HostClassifier.INTERNAL;
        }
        return HostClassifier.PUBLIC_IP;
    }
}
