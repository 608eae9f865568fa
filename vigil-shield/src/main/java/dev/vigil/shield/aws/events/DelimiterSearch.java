package dev.vigil.shield.aws.events;

/**
 * Knuth–Morris–Pratt search for a multipart delimiter: linear in the body whatever the body and boundary are, where
 * {@link String#indexOf(String)} degrades to length × boundary on hostile input such as a body of dashes.
 */
final class DelimiterSearch {

    private DelimiterSearch() {}

    /** The failure table for {@code pattern}. */
    static int[] table(String pattern) {
        int m = pattern.length();
        int[] failure = new int[m];
        int k = 0;
        for (int i = 1; i < m; i++) {
            char c = pattern.charAt(i);
            while (k > 0 && c != pattern.charAt(k)) {
                k = failure[k - 1];
            }
            if (c == pattern.charAt(k)) {
                k++;
            }
            failure[i] = k;
        }
        return failure;
    }

    /** The first index of {@code pattern} in {@code text} at or after {@code from}, or -1. */
    static int indexOf(String text, String pattern, int[] table, int from) {
        int m = pattern.length();
        int n = text.length();
        int k = 0;
        for (int i = Math.max(0, from); i < n; i++) {
            char c = text.charAt(i);
            while (k > 0 && c != pattern.charAt(k)) {
                k = table[k - 1];
            }
            if (c == pattern.charAt(k)) {
                k++;
                if (k == m) {
                    return i - m + 1;
                }
            }
        }
        return -1;
    }
}
