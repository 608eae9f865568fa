package dev.vigil.posture.usage;

/** IAM action patterns ({@code s3:Get*}, {@code *}, {@code ?}), case-insensitive, in linear time without regex. */
final class ActionGlob {

    private ActionGlob() {}

    static boolean matches(String pattern, String action) {
        String p = pattern.toLowerCase(java.util.Locale.ROOT);
        String s = action.toLowerCase(java.util.Locale.ROOT);
        int pi = 0;
        int si = 0;
        int star = -1;
        int mark = 0;
        while (si < s.length()) {
            if (pi < p.length() && (p.charAt(pi) == '?' || p.charAt(pi) == s.charAt(si))) {
                pi++;
                si++;
            } else if (pi < p.length() && p.charAt(pi) == '*') {
                star = pi++;
                mark = si;
            } else if (star >= 0) {
                pi = star + 1;
                si = ++mark;
            } else {
                return false;
            }
        }
        while (pi < p.length() && p.charAt(pi) == '*') {
            pi++;
        }
        return pi == p.length();
    }

    static boolean hasWildcard(String s) {
        return s.indexOf('*') >= 0 || s.indexOf('?') >= 0;
    }
}
