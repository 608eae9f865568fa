package dev.vigil.detect.correlation;

import java.util.Arrays;

/**
 * How many observations fell on each distinct time, sorted by time: the compact window of {@code event_count} and the
 * temporal types. Mostly appended at the end (events arrive in time order) and removed from the front.
 */
final class TimeCounts {
    private long[] times = new long[2];
    private int[] counts = new int[2];
    private int head;
    private int size;
    private long total;

    /** Adds one observation at {@code time}. */
    void add(long time) {
        int end = head + size;
        if (size > 0 && times[end - 1] == time) {
            counts[end - 1]++;
            total++;
            return;
        }
        int at = size == 0 || times[end - 1] < time ? end : insertionPoint(time);
        if (at < end && times[at] == time) {
            counts[at]++;
            total++;
            return;
        }
        at = makeRoom(at);
        end = head + size;
        System.arraycopy(times, at, times, at + 1, end - at);
        System.arraycopy(counts, at, counts, at + 1, end - at);
        times[at] = time;
        counts[at] = 1;
        size++;
        total++;
    }

    /** Removes every entry older than {@code minTime}. */
    void evictBefore(long minTime) {
        while (size > 0 && times[head] < minTime) {
            removeFirst();
        }
    }

    /** Removes the oldest entry (all observations at the oldest time); returns how many observations it held. */
    int removeFirst() {
        int n = counts[head];
        total -= n;
        head++;
        size--;
        if (size == 0) {
            head = 0;
        }
        return n;
    }

    /** The number of distinct times held. */
    int entries() {
        return size;
    }

    /** The number of observations held. */
    long total() {
        return total;
    }

    boolean isEmpty() {
        return size == 0;
    }

    /** The oldest time; only when not empty. */
    long first() {
        return times[head];
    }

    /** The smallest held time that is {@code >= time}, or {@link Long#MIN_VALUE} when there is none. */
    long ceiling(long time) {
        int at = lowerBound(time);
        return at < head + size ? times[at] : Long.MIN_VALUE;
    }

    void clear() {
        head = 0;
        size = 0;
        total = 0;
        if (times.length > 16) {
            times = new long[2];
            counts = new int[2];
        }
    }

    /** First index whose time is {@code >= time}. */
    private int lowerBound(long time) {
        int lo = head;
        int hi = head + size;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (times[mid] < time) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private int insertionPoint(long time) {
        return lowerBound(time);
    }

    /** Ensures one free slot after the last entry; returns {@code at} adjusted for any shift. */
    private int makeRoom(int at) {
        if (head + size < times.length) {
            return at;
        }
        if (head > 0) {
            System.arraycopy(times, head, times, 0, size);
            System.arraycopy(counts, head, counts, 0, size);
            at -= head;
            head = 0;
            if (size < times.length) {
                return at;
            }
        }
        times = Arrays.copyOf(times, times.length * 2);
        counts = Arrays.copyOf(counts, counts.length * 2);
        return at;
    }
}
