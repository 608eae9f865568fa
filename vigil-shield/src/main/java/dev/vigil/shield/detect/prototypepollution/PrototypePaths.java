package dev.vigil.shield.detect.prototypepollution;

import dev.vigil.core.Severity;
import dev.vigil.shield.detect.AsciiText;
import dev.vigil.shield.detect.Detection;
import dev.vigil.shield.inspect.Variant;

/**
 * Judges whether {@code __proto__} or {@code prototype} stands as a key or path segment: {@code a[__proto__][x]=1},
 * {@code __proto__.x=1}, <code>{"__proto__": {...}}</code>, {@code constructor[prototype][x]},
 * {@code constructor.prototype.x}, <code>{"constructor": {"prototype": ...}}</code>. A mention in prose or code
 * ({@code obj.__proto__ is deprecated}) is not a segment: something must be assigned through it or the value must be
 * the bare key.
 */
final class PrototypePaths {

    static final String PROTO = "VGL-PROTO-001";
    static final String CONSTRUCTOR = "VGL-PROTO-002";

    private static final String PROTO_KEY = "__proto__";
    private static final String PROTOTYPE = "prototype";
    private static final String CONSTRUCTOR_KEY = "constructor";

    private PrototypePaths() {}

    /** The finding in {@code v}, or null. */
    static Detection judge(Variant v) {
        String s = v.text();
        int i = s.indexOf(PROTO_KEY);
        while (i >= 0) {
            int end = i + PROTO_KEY.length();
            if (segmentStart(s, i) && segmentContinues(s, end)) {
                return new Detection(PROTO, "__proto__ used as a key", Severity.HIGH, v, i, end);
            }
            i = s.indexOf(PROTO_KEY, end);
        }
        i = s.indexOf(PROTOTYPE);
        while (i >= 0) {
            int end = i + PROTOTYPE.length();
            int c = constructorBefore(s, i);
            if (c >= 0 && segmentContinues(s, end)) {
                return new Detection(CONSTRUCTOR, "constructor.prototype used as a key path", Severity.HIGH, v, c, end);
            }
            i = s.indexOf(PROTOTYPE, end);
        }
        return null;
    }

    /** Whether a segment may start at {@code at}: start of text or after a separator, not inside a word. */
    private static boolean segmentStart(String s, int at) {
        if (at == 0) {
            return true;
        }
        char c = s.charAt(at - 1);
        return !AsciiText.isWord(c) && c != '$';
    }

    /**
     * Whether the segment ending at {@code end} is used as a key: the text ends there, or a further segment follows
     * ({@code .x}, {@code [x}), or an assignment ({@code =}), or, for a quoted key, a {@code :}.
     */
    private static boolean segmentContinues(String s, int end) {
        int n = s.length();
        if (end >= n) {
            return true;
        }
        char c = s.charAt(end);
        if (c == '.' || c == '[') {
            int k = end + 1;
            // allow a blank, a quote or a bracket before the next name: .x  [x]  ["x"]
            while (k < n && k - end <= 3 && (s.charAt(k) == ' ' || s.charAt(k) == '"' || s.charAt(k) == '\'')) {
                k++;
            }
            return k < n && (AsciiText.isWord(s.charAt(k)) || s.charAt(k) == '$' || s.charAt(k) == '-');
        }
        if (c == ']') {
            int k = end + 1;
            if (k >= n) {
                return true;
            }
            char d = s.charAt(k);
            return d == '[' || d == '=' || d == '.';
        }
        if (c == '=') {
            return true;
        }
        if (c == '"' || c == '\'') {
            int k = end + 1;
            if (k < n && s.charAt(k) == ']') {
                return true;
            }
            while (k < n && AsciiText.isSpace(s.charAt(k))) {
                k++;
            }
            return k < n && s.charAt(k) == ':';
        }
        return false;
    }

    /**
     * Where {@code constructor} starts when it is the segment before {@code prototype} at {@code at}
     * ({@code constructor.prototype}, {@code constructor[prototype]}, {@code constructor["prototype"]},
     * <code>"constructor": {"prototype"</code>); -1 otherwise.
     */
    private static int constructorBefore(String s, int at) {
        int k = at - 1;
        int limit = Math.max(0, at - 16);
        // skip the separators between the two segments
        while (k >= limit) {
            char c = s.charAt(k);
            if (c == '.'
                    || c == '['
                    || c == ']'
                    || c == '"'
                    || c == '\''
                    || c == ':'
                    || c == '{'
                    || AsciiText.isSpace(c)) {
                k--;
            } else {
                break;
            }
        }
        if (k == at - 1) {
            return -1; // directly attached: not a separate segment
        }
        int start = k - CONSTRUCTOR_KEY.length() + 1;
        if (start < 0 || !s.startsWith(CONSTRUCTOR_KEY, start)) {
            return -1;
        }
        if (start > 0 && (AsciiText.isWord(s.charAt(start - 1)) && s.charAt(start - 1) != '_')) {
            return -1;
        }
        return start;
    }
}
