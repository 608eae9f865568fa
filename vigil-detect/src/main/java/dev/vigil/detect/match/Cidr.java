package dev.vigil.detect.match;

import dev.vigil.detect.InvalidRuleException;

/**
 * An IPv4 or IPv6 network for the {@code cidr} modifier, parsed by hand. Addresses are accepted in the usual text
 * forms: dotted IPv4 without leading zeros, IPv6 with {@code ::} and an optional dotted IPv4 tail. An IPv4 network
 * only contains IPv4 addresses and an IPv6 network only IPv6 addresses (so {@code ::ffff:10.0.0.1} is not in {@code
 * 10.0.0.0/8}), as in Python's {@code ipaddress}.
 */
final class Cidr {
    private final boolean v6;
    private final long hi;
    private final long lo;
    private final int prefix;
    private final String text;

    private Cidr(boolean v6, long hi, long lo, int prefix, String text) {
        this.v6 = v6;
        this.hi = hi;
        this.lo = lo;
        this.prefix = prefix;
        this.text = text;
    }

    /**
     * Parses {@code address/prefix} (a bare address is a single host).
     *
     * @throws InvalidRuleException when it is not a network or has bits set after the prefix
     */
    static Cidr parse(String s) {
        int slash = s.indexOf('/');
        String address = slash < 0 ? s : s.substring(0, slash);
        boolean v6 = address.indexOf(':') >= 0;
        int max = v6 ? 128 : 32;
        int prefix = max;
        if (slash >= 0) {
            String p = s.substring(slash + 1);
            if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(c -> c >= '0' && c <= '9')) {
                throw new InvalidRuleException("cidr: '" + s + "' has no valid prefix length");
            }
            prefix = Integer.parseInt(p);
            if (prefix > max) {
                throw new InvalidRuleException("cidr: prefix length in '" + s + "' is more than " + max);
            }
        }
        long hi = 0;
        long lo;
        if (v6) {
            long[] words = new long[2];
            if (!parseV6(address, words)) {
                throw new InvalidRuleException("cidr: '" + s + "' is not an IPv6 network");
            }
            hi = words[0];
            lo = words[1];
        } else {
            lo = parseV4(address, 0, address.length());
            if (lo < 0) {
                throw new InvalidRuleException("cidr: '" + s + "' is not an IPv4 network");
            }
        }
        Cidr c = new Cidr(v6, hi, lo, prefix, s);
        if (!c.matches(v6, hi, lo) || (c.maskedHi(hi) != hi || c.maskedLo(lo) != lo)) {
            throw new InvalidRuleException("cidr: '" + s + "' has host bits set after the prefix length");
        }
        return c;
    }

    /** Whether {@code address} is an IP address inside this network; false for anything that is not an address. */
    boolean contains(String address) {
        int n = address.length();
        if (n == 0 || n > 45) {
            return false;
        }
        if (v6) {
            long[] words = new long[2];
            return address.indexOf(':') >= 0 && parseV6(address, words) && matches(true, words[0], words[1]);
        }
        long a = parseV4(address, 0, n);
        return a >= 0 && matches(false, 0, a);
    }

    private boolean matches(boolean isV6, long h, long l) {
        return isV6 == v6 && maskedHi(h) == hi && maskedLo(l) == lo;
    }

    private long maskedHi(long h) {
        if (!v6) {
            return 0;
        }
        return prefix >= 64 ? h : prefix == 0 ? 0 : h & (-1L << (64 - prefix));
    }

    private long maskedLo(long l) {
        if (!v6) {
            return prefix == 0 ? 0 : l & ((0xFFFFFFFFL << (32 - prefix)) & 0xFFFFFFFFL);
        }
        int bits = prefix - 64;
        return bits <= 0 ? 0 : bits >= 64 ? l : l & (-1L << (64 - bits));
    }

    /** A dotted IPv4 address in {@code s[from, to)} as an unsigned 32-bit number, or -1. */
    static long parseV4(String s, int from, int to) {
        long value = 0;
        int octets = 0;
        int i = from;
        while (true) {
            int start = i;
            int octet = 0;
            while (i < to && i - start < 4 && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                octet = octet * 10 + (s.charAt(i) - '0');
                i++;
            }
            int digits = i - start;
            if (digits == 0 || digits > 3 || octet > 255 || (digits > 1 && s.charAt(start) == '0')) {
                return -1;
            }
            value = (value << 8) | octet;
            octets++;
            if (octets == 4) {
                return i == to ? value : -1;
            }
            if (i >= to || s.charAt(i) != '.') {
                return -1;
            }
            i++;
        }
    }

    /** Parses an IPv6 address into two 64-bit halves; false when it is not one. */
    static boolean parseV6(String s, long[] out) {
        int to = s.length();
        int[] words = new int[8];
        int count = 0;
        int gap = -1;
        int i = 0;
        if (to < 2) {
            return false;
        }
        if (s.charAt(0) == ':') {
            if (s.charAt(1) != ':') {
                return false;
            }
            gap = 0;
            i = 2;
        }
        while (i < to) {
            int start = i;
            int word = 0;
            while (i < to && i - start < 5 && hex(s.charAt(i)) >= 0) {
                word = (word << 4) | hex(s.charAt(i));
                i++;
            }
            if (i < to && s.charAt(i) == '.') {
                long v4 = parseV4(s, start, to);
                if (v4 < 0 || count > 6) {
                    return false;
                }
                words[count++] = (int) (v4 >>> 16);
                words[count++] = (int) (v4 & 0xFFFF);
                i = to;
                break;
            }
            int digits = i - start;
            if (digits == 0 || digits > 4 || count == 8) {
                return false;
            }
            words[count++] = word;
            if (i == to) {
                break;
            }
            if (s.charAt(i) != ':') {
                return false;
            }
            if (i + 1 < to && s.charAt(i + 1) == ':') {
                if (gap >= 0) {
                    return false;
                }
                gap = count;
                i += 2;
            } else {
                i++;
                if (i == to) {
                    return false;
                }
            }
        }
        if (gap < 0 ? count != 8 : count > 7) {
            return false;
        }
        int[] full = new int[8];
        if (gap < 0) {
            full = words;
        } else {
            int tail = count - gap;
            System.arraycopy(words, 0, full, 0, gap);
            System.arraycopy(words, gap, full, 8 - tail, tail);
        }
        long h = 0;
        long l = 0;
        for (int k = 0; k < 4; k++) {
            h = (h << 16) | full[k];
            l = (l << 16) | full[k + 4];
        }
        out[0] = h;
        out[1] = l;
        return true;
    }

    private static int hex(char c) {
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

    @Override
    public String toString() {
        return text;
    }
}
