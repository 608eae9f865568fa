package dev.vigil.posture.secrets;

/** Shannon entropy of strings, to tell random keys from words. */
public final class Entropy {
    private Entropy() {}

    /** Bits per character of {@code s} (0 for an empty string). Counts ASCII precisely; other chars share a bin. */
    public static double shannon(CharSequence s) {
        int n = s.length();
        if (n == 0) {
            return 0;
        }
        int[] counts = new int[129];
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            counts[c < 128 ? c : 128]++;
        }
        double h = 0;
        for (int c : counts) {
            if (c > 0) {
                double p = (double) c / n;
                h -= p * (Math.log(p) / Math.log(2));
            }
        }
        return h;
    }
}
