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

    /** A run of characters where {@code any[i]} marks a {@code ?}. */
    private record Segment(String chars, boolean[] any, boolean hasAny) {
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

        /** Leftmost index in {@code [from, limit - length]} where the segment matches, or -1. */
        int find(String text, int from, int limit) {
            int last = limit - chars.length();
            if (!hasAny) {
                int at = text.indexOf(chars, from);
                return at >= 0 && at <= last ? at : -1;
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
