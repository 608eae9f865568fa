package dev.vigil.detect.event;

import java.util.Map;

/**
 * A table from lower-case keys to values that an event can probe with a raw, not yet decoded value: for ASCII text
 * the probe folds and hashes the bytes in place, so looking up {@code eventName} in the rule index builds no string.
 * Immutable and safe to share between threads.
 *
 * @param <V> the value type
 */
public final class LowerKeys<V> {
    private final String[] keys;
    private final Object[] values;
    private final int[] hashes;
    private final int mask;
    private final int longest;

    /** A table of {@code entries}, whose keys must already be lower case ({@link Text#lower}). */
    public LowerKeys(Map<String, V> entries) {
        int size = Integer.highestOneBit(Math.max(4, entries.size() * 2 - 1)) << 1;
        keys = new String[size];
        values = new Object[size];
        hashes = new int[size];
        mask = size - 1;
        int max = 0;
        for (Map.Entry<String, V> e : entries.entrySet()) {
            String key = e.getKey();
            int h = hash(key);
            int slot = h & mask;
            while (keys[slot] != null) {
                slot = (slot + 1) & mask;
            }
            keys[slot] = key;
            values[slot] = e.getValue();
            hashes[slot] = h;
            max = Math.max(max, key.length());
        }
        longest = max;
    }

    /** The longest key, in UTF-16 units. */
    public int longest() {
        return longest;
    }

    /** The value for a lower-case key, or null. */
    @SuppressWarnings("unchecked")
    public V get(String lower) {
        int h = hash(lower);
        for (int slot = h & mask; keys[slot] != null; slot = (slot + 1) & mask) {
            if (hashes[slot] == h && keys[slot].equals(lower)) {
                return (V) values[slot];
            }
        }
        return null;
    }

    /**
     * The value for the ASCII text in {@code buf[start, end)}, folded to lower case as it is read; every byte must be
     * below 0x80 (the caller checks).
     */
    @SuppressWarnings("unchecked")
    public V getAscii(byte[] buf, int start, int end) {
        int n = end - start;
        if (n > longest) {
            return null;
        }
        int h = 0;
        for (int i = start; i < end; i++) {
            h = 31 * h + fold(buf[i]);
        }
        for (int slot = h & mask; keys[slot] != null; slot = (slot + 1) & mask) {
            if (hashes[slot] == h && equalsAscii(keys[slot], buf, start, n)) {
                return (V) values[slot];
            }
        }
        return null;
    }

    private static boolean equalsAscii(String key, byte[] buf, int start, int n) {
        if (key.length() != n) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            if (key.charAt(i) != fold(buf[start + i])) {
                return false;
            }
        }
        return true;
    }

    private static int fold(byte b) {
        return b >= 'A' && b <= 'Z' ? b + 32 : b;
    }

    /** The same hash as {@link String#hashCode()}, spelled out so the byte probe can compute it too. */
    private static int hash(String s) {
        int h = 0;
        for (int i = 0; i < s.length(); i++) {
            h = 31 * h + s.charAt(i);
        }
        return h;
    }
}
