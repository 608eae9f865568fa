package dev.vigil.detect.correlation;

import java.util.Arrays;

/** A sorted multiset of finite doubles in an array, for percentiles of a window. */
final class SortedDoubles {
    private double[] values = new double[2];
    private int size;

    void add(double v) {
        int at = Arrays.binarySearch(values, 0, size, v);
        if (at < 0) {
            at = -at - 1;
        }
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        System.arraycopy(values, at, values, at + 1, size - at);
        values[at] = v;
        size++;
    }

    void remove(double v) {
        int at = Arrays.binarySearch(values, 0, size, v);
        if (at < 0) {
            return;
        }
        System.arraycopy(values, at + 1, values, at, size - at - 1);
        size--;
    }

    void clear() {
        size = 0;
        if (values.length > 16) {
            values = new double[2];
        }
    }

    /**
     * The {@code p}-th percentile (0–100) by linear interpolation between closest ranks: rank {@code r = p/100 ·
     * (n−1)} over the sorted values {@code v[0..n−1]}, result {@code v[⌊r⌋] + (r−⌊r⌋)·(v[⌈r⌉]−v[⌊r⌋])}. NaN when empty.
     */
    double percentile(double p) {
        if (size == 0) {
            return Double.NaN;
        }
        double rank = p / 100.0 * (size - 1);
        int lo = (int) Math.floor(rank);
        int hi = (int) Math.ceil(rank);
        double frac = rank - lo;
        return frac == 0 ? values[lo] : values[lo] + frac * (values[hi] - values[lo]);
    }
}
