package dev.vigil.posture.format.sam;

import dev.vigil.posture.source.Location;
import dev.vigil.posture.source.MapNode;
import dev.vigil.posture.source.Node;
import java.util.ArrayList;
import java.util.List;

/**
 * A map being generated. Keys written by hand are located where the construct they came from is; keys copied from
 * a source map keep the source key's location, and copied values keep their own.
 */
public final class Obj {
    private final List<MapNode.Entry> entries = new ArrayList<>();
    private final Location at;

    /** An empty map located at {@code at}. */
    public Obj(Location at) {
        this.at = at;
    }

    /** Where this map and its hand-written keys are located. */
    public Location location() {
        return at;
    }

    /** Adds (or replaces) {@code key}, located at this map. Null values are ignored. */
    public Obj put(String key, Node value) {
        return put(key, at, value);
    }

    /** Adds (or replaces) {@code key} with its own key location. Null values are ignored. */
    public Obj put(String key, Location keyLocation, Node value) {
        if (value == null) {
            return this;
        }
        remove(key);
        entries.add(new MapNode.Entry(key, keyLocation, value));
        return this;
    }

    /** Appends an entry as it is, without replacing an earlier one of the same key (copying a whole map). */
    public Obj append(MapNode.Entry entry) {
        entries.add(entry);
        return this;
    }

    /** Adds a string value located at this map. */
    public Obj put(String key, String value) {
        return value == null ? this : put(key, Nodes.str(value, at));
    }

    /** Copies {@code key} of {@code source} when present, keeping key and value locations. */
    public Obj copy(MapNode source, String key) {
        return copy(source, key, key);
    }

    /** Copies {@code sourceKey} of {@code source} as {@code key} when present, keeping locations. */
    public Obj copy(MapNode source, String sourceKey, String key) {
        if (source == null) {
            return this;
        }
        MapNode.Entry e = source.entry(sourceKey);
        return e == null ? this : put(key, e.keyLocation(), e.value());
    }

    /** Copies every key of {@code keys} that {@code source} has. */
    public Obj copyAll(MapNode source, String... keys) {
        for (String k : keys) {
            copy(source, k);
        }
        return this;
    }

    /** The value under {@code key}, or null. */
    public Node get(String key) {
        for (MapNode.Entry e : entries) {
            if (e.key().equals(key)) {
                return e.value();
            }
        }
        return null;
    }

    /** True when {@code key} is set. */
    public boolean has(String key) {
        return get(key) != null;
    }

    /** Removes {@code key} when present. */
    public void remove(String key) {
        entries.removeIf(e -> e.key().equals(key));
    }

    /** The map as it is now. */
    public MapNode build() {
        return new MapNode(entries, at);
    }
}
