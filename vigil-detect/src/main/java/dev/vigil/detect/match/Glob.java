package dev.vigil.detect.match;

import java.util.ArrayList;
import java.util.List;

/**
 * A general Sigma wildcard pattern: segments of literal characters and {@code ?} separated by {@code *}.
 *
 * <p>Matching is greedy and never backtracks: the first segment is anchored at the start, the last at the end, and
 * every middle segment is placed at its leftmost occurrence after the previous one. Because each segment has a fixed
 * length, the leftmost placement is always the best one, so the matcher is correct and runs in O(text × pattern) at
 * worst (linear for segments without {@code ?}, which use {@link String#indexOf}).
 */
final class Glob {
    private final Segment[] segments;
    private final boolean anchoredStart;
    private final boolean anchoredEnd;
    private final int minLength;

    /**
     * A run of characters where {@code any[i]} marks a {@code ?}. Segments with {@code ?} of up to 64 characters are
     * searched with the bit-parallel Shift-And algorithm (one pass, no re-scanning); longer ones are tried position
     * by position.
     */
    private static final class Segment {
        private final String chars;
        private final boolean[] any;
        private final boolean hasAny;
        private final long[] asciiMasks;
        private final char[] otherChars;
        private final long[] otherMasks;
        private final long anyMask;

        Segment(String chars, boolean[] any, boolean hasAny) {
            this.chars = chars;
            this.any = any;
            this.hasAny = hasAny;
            int m = chars.length();
            if (!hasAny || m > 64) {
                asciiMasks = null;
                otherChars = null;
                otherMasks = null;
                anyMask = 0;
                return;
            }
            long wild = 0;
            for (int i = 0; i < m; i++) {
                if (any[i]) {
                    wild |= 1L << i;
                }
            }
            anyMask = wild;
            asciiMasks = new long[128];
            java.util.Arrays.fill(asciiMasks, wild);
            java.util.TreeMap<Character, Long> others = new java.util.TreeMap<>();
            for (int i = 0; i < m; i++) {
                char c = chars.charAt(i);
                if (any[i]) {
                    continue;
                }
                if (c < 128) {
                    asciiMasks[c] |= 1L << i;
                } else {
                    others.merge(c, wild | (1L << i), (a, b) -> a | b);
                }
            }
            otherChars = new char[others.size()];
            otherMasks = new long[others.size()];
            int k = 0;
            for (var e : others.entrySet()) {
                otherChars[k] = e.getKey();
                otherMasks[k++] = e.getValue();
            }
        }

        int length() {
            return chars.length();
        }

        boolean matchesAt(String text, int at) {
            if (!hasAny) {
                return text.startsWith(chars, at);
            }
            for (int i = 0; i < chars.length(); i++) {
                if (!any[i] && text.charAt(at + i) != chars.charAt(i)) {
                    return false;
                }
            }
            return true;
        }

        private long mask(char c) {
            if (c < 128) {
                return asciiMasks[c];
            }
            int k = java.util.Arrays.binarySearch(otherChars, c);
            return k >= 0 ? otherMasks[k] : anyMask;
        }

        /** Leftmost index in {@code [from, limit - length]} where the segment matches, or -1. */
        int find(String text, int from, int limit) {
            int m = chars.length();
            int last = limit - m;
            if (!hasAny) {
                int at = text.indexOf(chars, from);
                return at >= 0 && at <= last ? at : -1;
            }
            if (asciiMasks != null) {
                long state = 0;
                long done = 1L << (m - 1);
                for (int j = from; j < limit; j++) {
                    state = ((state << 1) | 1) & mask(text.charAt(j));
                    if ((state & done) != 0) {
                        return j - m + 1;
                    }
                }
                return -1;
            }
            for (int at = from; at <= last; at++) {
                if (matchesAt(text, at)) {
                    return at;
                }
            }
            return -1;
        }
    }

    /**
     * Compiles parts ({@link String} literals and {@link SigmaString.Wild}s); {@code lower} folds the literals to
     * lower case.
     */
    Glob(List<Object> parts, boolean lower) {
        List<Segment> segs = new ArrayList<>();
        StringBuilder chars = new StringBuilder();
        List<Boolean> any = new ArrayList<>();
        boolean startsWithMany = !parts.isEmpty() && parts.get(0) == SigmaString.Wild.MANY;
        boolean endsWithMany = !parts.isEmpty() && parts.get(parts.size() - 1) == SigmaString.Wild.MANY;
        int min = 0;
        for (Object p : parts) {
            if (p == SigmaString.Wild.MANY) {
                segs.add(segment(chars, any));
                chars.setLength(0);
                any.clear();
            } else if (p == SigmaString.Wild.ONE) {
                chars.append('?');
                any.add(true);
                min++;
            } else {
                String s = lower ? dev.vigil.detect.event.Text.lower((String) p) : (String) p;
                chars.append(s);
                for (int i = 0; i < s.length(); i++) {
                    any.add(false);
                }
                min += s.length();
            }
        }
        segs.add(segment(chars, any));
        this.segments = segs.toArray(Segment[]::new);
        this.anchoredStart = !startsWithMany;
        this.anchoredEnd = !endsWithMany;
        this.minLength = min;
    }

    private static Segment segment(StringBuilder chars, List<Boolean> any) {
        boolean[] mask = new boolean[any.size()];
        boolean hasAny = false;
        for (int i = 0; i < mask.length; i++) {
            mask[i] = any.get(i);
            hasAny |= mask[i];
        }
        return new Segment(chars.toString(), mask, hasAny);
    }

    /** Whether the whole of {@code text} matches. */
    boolean matches(String text) {
        int n = text.length();
        if (n < minLength) {
            return false;
        }
        if (segments.length == 1) {
            // no '*': the text must be exactly as long as the pattern
            return n == minLength && segments[0].matchesAt(text, 0);
        }
        Segment first = segments[0];
        Segment last = segments[segments.length - 1];
        int from = 0;
        int limit = n;
        if (anchoredStart || first.length() > 0) {
            if (!first.matchesAt(text, 0)) {
                return false;
            }
            from = first.length();
        }
        if (anchoredEnd || last.length() > 0) {
            limit = n - last.length();
            if (limit < from || !last.matchesAt(text, limit)) {
                return false;
            }
        }
        for (int i = 1; i < segments.length - 1; i++) {
            Segment s = segments[i];
            if (s.length() == 0) {
                continue;
            }
            int at = s.find(text, from, limit);
            if (at < 0) {
                return false;
            }
            from = at + s.length();
        }
        return true;
    }
}
