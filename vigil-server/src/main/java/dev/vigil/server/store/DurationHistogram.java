package dev.vigil.server.store;

import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A log-linear histogram of durations in microseconds, small enough to store as rows and merge by adding counts.
 *
 * <p>Values 0–15 µs each have their own bucket. Above that, every power of two is split into 8 equal buckets, so
 * a bucket spans at most 1/8 of its lower bound: a percentile read from the histogram (the bucket's midpoint) is
 * within about 6% of the true value. One hour needs about 260 buckets; a function typically fills a few dozen.
 * The same scheme as HdrHistogram with 3 significant bits, written out so the SQL rows stay plain integers.
 */
public final class DurationHistogram {

    private static final int EXACT = 16;
    private static final int SUB_BUCKETS = 8;
    private static final int SUB_BITS = 3;

    private final TreeMap<Integer, Long> counts = new TreeMap<>();

    /** The bucket index of a duration; negative durations count as 0. */
    public static int bucketOf(long micros) {
        if (micros < EXACT) {
            return (int) Math.max(0, micros);
        }
        int exponent = 63 - Long.numberOfLeadingZeros(micros);
        int sub = (int) ((micros >>> (exponent - SUB_BITS)) & (SUB_BUCKETS - 1));
        return EXACT + (exponent - 4) * SUB_BUCKETS + sub;
    }

    /** The smallest duration in a bucket. */
    public static long lowerBound(int bucket) {
        if (bucket < EXACT) {
            return bucket;
        }
        int exponent = 4 + (bucket - EXACT) / SUB_BUCKETS;
        int sub = (bucket - EXACT) % SUB_BUCKETS;
        return (long) (SUB_BUCKETS + sub) << (exponent - SUB_BITS);
    }

    /** The largest duration in a bucket. */
    public static long upperBound(int bucket) {
        return bucket < EXACT ? bucket : lowerBound(bucket + 1) - 1;
    }

    /** Counts one duration. */
    public void add(long micros) {
        addToBucket(bucketOf(micros), 1);
    }

    /** Adds {@code hits} to a bucket. */
    public void addToBucket(int bucket, long hits) {
        counts.merge(bucket, hits, Long::sum);
    }

    /** Bucket index to count, ascending, for the buckets that have any. */
    public SortedMap<Integer, Long> buckets() {
        return Collections.unmodifiableSortedMap(counts);
    }

    /** How many durations were counted. */
    public long total() {
        long sum = 0;
        for (long c : counts.values()) {
            sum += c;
        }
        return sum;
    }

    /**
     * The duration at quantile {@code q} (0.5 for the median, 0.99 for p99): the midpoint of the bucket holding the
     * {@code ceil(q × total)}-th smallest duration, or 0 when empty.
     */
    public long percentile(double q) {
        if (q < 0 || q > 1) {
            throw new IllegalArgumentException("quantile must be within [0, 1], was " + q);
        }
        long total = total();
        if (total == 0) {
            return 0;
        }
        long rank = Math.max(1, (long) Math.ceil(q * total));
        long seen = 0;
        for (Map.Entry<Integer, Long> e : counts.entrySet()) {
            seen += e.getValue();
            if (seen >= rank) {
                int b = e.getKey();
                return (lowerBound(b) + upperBound(b)) / 2;
            }
        }
        return upperBound(counts.lastKey());
    }
}
