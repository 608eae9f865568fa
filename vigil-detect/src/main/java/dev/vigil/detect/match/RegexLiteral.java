package dev.vigil.detect.match;

/**
 * The longest run of plain characters that every match of a regular expression must contain, found by a
 * conservative scan of the pattern, so a cheap {@code indexOf} can rule out most values before RE2J runs.
 *
 * <p>Only the top level of the pattern is read: groups, classes, escapes such as {@code \d}, and characters made
 * optional by {@code ?}, {@code *} or {@code {0,…}} end a run; an alternation {@code |} at the top level, a group
 * with flags other than a leading {@code (?i)}, or anything unexpected gives up (no literal, the regex always runs).
 * Giving up is always safe; a wrong literal would lose matches, so the tests compare this with RE2J on random
 * patterns.
 */
final class RegexLiteral {
    /** Shorter literals rule out too little to pay for the scan. */
    static final int MIN_LENGTH = 3;

    private final String literal;
    private final boolean caseInsensitive;

    private final boolean ascii;

    private RegexLiteral(String literal, boolean caseInsensitive) {
        this.literal = literal;
        this.caseInsensitive = caseInsensitive;
        this.ascii = literal.chars().allMatch(c -> c < 0x80);
    }

    /** The required literal of {@code pattern}, or null when none is found. */
    static RegexLiteral of(String pattern, boolean caseInsensitive) {
        if (pattern.contains("\\Q")) {
            return null;
        }
        int i = 0;
        if (pattern.startsWith("(?i)")) {
            caseInsensitive = true;
            i = 4;
        }
        String best = "";
        StringBuilder run = new StringBuilder();
        int n = pattern.length();
        while (i < n) {
            char c = pattern.charAt(i);
            if (c == '|') {
                return null;
            }
            if (c == '(') {
                if (i + 1 < n && pattern.charAt(i + 1) == '?' && !(i + 2 < n && pattern.charAt(i + 2) == ':')) {
                    return null;
                }
                best = longer(best, run);
                run.setLength(0);
                int end = skipGroup(pattern, i);
                if (end < 0) {
                    return null;
                }
                i = skipQuantifier(pattern, end);
                continue;
            }
            if (c == '[') {
                best = longer(best, run);
                run.setLength(0);
                int end = skipClass(pattern, i);
                if (end < 0) {
                    return null;
                }
                i = skipQuantifier(pattern, end);
                continue;
            }
            char literal;
            int next;
            if (c == '\\') {
                if (i + 1 >= n) {
                    return null;
                }
                char e = pattern.charAt(i + 1);
                if (isEscapedLiteral(e)) {
                    literal = e;
                    next = i + 2;
                } else {
                    best = longer(best, run);
                    run.setLength(0);
                    i = skipQuantifier(pattern, i + 2);
                    continue;
                }
            } else if (c == '.' || c == '^' || c == '$') {
                best = longer(best, run);
                run.setLength(0);
                i = skipQuantifier(pattern, i + 1);
                continue;
            } else if (c == ')' || c == '*' || c == '+' || c == '?' || c == '{' || c == '}' || c == ']') {
                return null;
            } else {
                literal = c;
                next = i + 1;
            }
            if (Character.isSurrogate(literal)) {
                return null;
            }
            char q = next < n ? pattern.charAt(next) : 0;
            if (q == '?' || q == '*' || (q == '{' && optionalCount(pattern, next))) {
                best = longer(best, run);
                run.setLength(0);
                i = skipQuantifier(pattern, next);
            } else if (q == '+' || q == '{') {
                run.append(literal);
                best = longer(best, run);
                run.setLength(0);
                i = skipQuantifier(pattern, next);
            } else {
                run.append(literal);
                i = next;
            }
        }
        best = longer(best, run);
        if (best.length() < MIN_LENGTH) {
            return null;
        }
        return new RegexLiteral(caseInsensitive ? best.toLowerCase(java.util.Locale.ROOT) : best, caseInsensitive);
    }

    /**
     * False only when {@code text} cannot contain a match. Case-insensitive literals are only trusted on ASCII text,
     * because RE2 folds a few non-ASCII characters (the Kelvin sign, the long s) onto ASCII letters.
     */
    boolean mayMatch(dev.vigil.detect.event.FieldValue value) {
        if (!caseInsensitive) {
            return ascii ? value.textContainsAscii(literal) : value.text().contains(literal);
        }
        if (value.lowerText().contains(literal)) {
            return true;
        }
        String text = value.text();
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return true;
            }
        }
        return false;
    }

    String literal() {
        return literal;
    }

    private static boolean isEscapedLiteral(char e) {
        return !Character.isLetterOrDigit(e) && e < 0x80;
    }

    private static String longer(String best, StringBuilder run) {
        return run.length() > best.length() ? run.toString() : best;
    }

    /** Index just after the group opening at {@code i}, or -1 when unbalanced. */
    private static int skipGroup(String p, int i) {
        int depth = 0;
        for (int j = i; j < p.length(); j++) {
            char c = p.charAt(j);
            if (c == '\\') {
                j++;
            } else if (c == '[') {
                j = skipClass(p, j) - 1;
                if (j < 0) {
                    return -1;
                }
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return j + 1;
            }
        }
        return -1;
    }

    /** Index just after the character class opening at {@code i}, or -1 when unterminated. */
    private static int skipClass(String p, int i) {
        int j = i + 1;
        if (j < p.length() && p.charAt(j) == '^') {
            j++;
        }
        if (j < p.length() && p.charAt(j) == ']') {
            j++;
        }
        for (; j < p.length(); j++) {
            char c = p.charAt(j);
            if (c == '\\') {
                j++;
            } else if (c == '[' && j + 1 < p.length() && p.charAt(j + 1) == ':') {
                int close = p.indexOf(":]", j + 2);
                if (close < 0) {
                    return -1;
                }
                j = close + 1;
            } else if (c == ']') {
                return j + 1;
            }
        }
        return -1;
    }

    /** Index after any quantifier (and lazy {@code ?}) starting at {@code i}. */
    private static int skipQuantifier(String p, int i) {
        if (i >= p.length()) {
            return i;
        }
        char c = p.charAt(i);
        if (c == '?' || c == '*' || c == '+') {
            i++;
        } else if (c == '{') {
            int close = p.indexOf('}', i);
            if (close < 0) {
                return i;
            }
            i = close + 1;
        } else {
            return i;
        }
        if (i < p.length() && p.charAt(i) == '?') {
            i++;
        }
        return i;
    }

    /** Whether the {@code {…}} at {@code i} allows zero repetitions (or is not a valid count, to be safe). */
    private static boolean optionalCount(String p, int i) {
        int j = i + 1;
        int min = 0;
        boolean digits = false;
        while (j < p.length() && Character.isDigit(p.charAt(j))) {
            min = Math.min(min * 10 + (p.charAt(j) - '0'), 100_000);
            digits = true;
            j++;
        }
        return !digits || min == 0;
    }
}
