package dev.vigil.posture.source;

import java.util.List;

/**
 * A mapping, entries in document order. Keys are compared exactly (CloudFormation keys are case-sensitive). When a
 * key repeats, {@link #get} returns the last value, as most YAML and JSON consumers do.
 */
public record MapNode(List<Entry> entries, Location location) implements Node {

    /** One key and its value; the key keeps its own location (findings about a key point at it). */
    public record Entry(String key, Location keyLocation, Node value) {}

    public MapNode {
        entries = List.copyOf(entries);
    }

    /** The value under {@code key}, or null. */
    public Node get(String key) {
        for (int i = entries.size() - 1; i >= 0; i--) {
            Entry e = entries.get(i);
            if (e.key().equals(key)) {
                return e.value();
            }
        }
        return null;
    }

    /** The entry for {@code key}, or null. */
    public Entry entry(String key) {
        for (int i = entries.size() - 1; i >= 0; i--) {
            Entry e = entries.get(i);
            if (e.key().equals(key)) {
                return e;
            }
        }
        return null;
    }

    /** The location of {@code key}, or of this map when the key is absent (where a missing property is reported). */
    public Location keyLocation(String key) {
        Entry e = entry(key);
        return e == null ? location : e.keyLocation();
    }

    /** The value under {@code key} as a map, or null when absent or not a map. */
    public MapNode map(String key) {
        Node n = get(key);
        return n == null ? null : n.asMap();
    }

    /** The value under {@code key} as a sequence, or null when absent or not a sequence. */
    public SeqNode seq(String key) {
        Node n = get(key);
        return n == null ? null : n.asSeq();
    }

    /** The scalar text under {@code key}, or null when absent, null or not a scalar. */
    public String text(String key) {
        Node n = get(key);
        return n == null ? null : n.text();
    }

    /** True when the map has {@code key}. */
    public boolean has(String key) {
        return entry(key) != null;
    }

    /** Number of entries. */
    public int size() {
        return entries.size();
    }
}
