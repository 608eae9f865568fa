package dev.vigil.detect.correlation;

import java.util.Arrays;

/**
 * Observations kept one by one, sorted by time (equal times in arrival order), each with a text or a number: the
 * window of the {@code value_*} types. Mostly appended at the end and removed from the front.
 */
final class TimedValues {
    private long[] times = new long[2];
    private String[] texts;
    private double[] numbers;
    private int head;
    private int size;

    /** A series holding texts ({@code withTexts}) or numbers. */
    TimedValues(boolean withTexts) {
        if (withTexts) {
            texts = new String[2];
        } else {
            numbers = new double[2];
        }
    }

    /** Adds an observation after every held one whose time is {@code <= time}. */
    void add(long time, String text, double number) {
        int end = head + size;
        int at = size == 0 || times[end - 1] <= time ? end : upperBound(time);
        at = makeRoom(at);
        end = head + size;
        System.arraycopy(times, at, times, at + 1, end - at);
        times[at] = time;
        if (texts != null) {
            System.arraycopy(texts, at, texts, at + 1, end - at);
            texts[at] = text;
        } else {
            System.arraycopy(numbers, at, numbers, at + 1, end - at);
            numbers[at] = number;
        }
        size++;
    }

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    long firstTime() {
        return times[head];
    }

    String firstText() {
        return texts[head];
    }

    double firstNumber() {
        return numbers[head];
    }

    /** Drops the oldest observation. */
    void removeFirst() {
        if (texts != null) {
            texts[head] = null;
        }
        head++;
        size--;
        if (size == 0) {
            head = 0;
        }
    }

    void clear() {
        if (texts != null) {
            Arrays.fill(texts, head, head + size, null);
        }
        head = 0;
        size = 0;
        if (times.length > 16) {
            times = new long[2];
            texts = texts == null ? null : new String[2];
            numbers = numbers == null ? null : new double[2];
        }
    }

    /** First index whose time is {@code > time}. */
    private int upperBound(long time) {
        int lo = head;
        int hi = head + size;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (times[mid] <= time) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private int makeRoom(int at) {
        if (head + size < times.length) {
            return at;
        }
        if (head > 0) {
            System.arraycopy(times, head, times, 0, size);
            if (texts != null) {
                System.arraycopy(texts, head, texts, 0, size);
                Arrays.fill(texts, size, head + size, null);
            } else {
                System.arraycopy(numbers, head, numbers, 0, size);
            }
            at -= head;
            head = 0;
            if (size < times.length) {
                return at;
            }
        }
        int capacity = times.length * 2;
        times = Arrays.copyOf(times, capacity);
        if (texts != null) {
            texts = Arrays.copyOf(texts, capacity);
        } else {
            numbers = Arrays.copyOf(numbers, capacity);
        }
        return at;
    }
}
