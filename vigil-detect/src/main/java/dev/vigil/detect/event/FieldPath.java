package dev.vigil.detect.event;

import java.util.List;
import java.util.Objects;

/**
 * A field name as written in a rule ({@code userIdentity.sessionContext.sessionIssuer.type}), split once into its
 * dotted segments so events can resolve it without re-parsing.
 *
 * <p>Resolution (see {@link Event#anyValue}): a key equal to the whole name wins; otherwise the segments are walked,
 * and any array crossed on the way fans out to every element.
 */
public final class FieldPath {
    private final String name;
    private final String[] segments;

    private FieldPath(String name) {
        this.name = name;
        this.segments = name.split("\\.", -1);
    }

    /** The path for a field name. An empty name is allowed (it names nothing and never resolves). */
    public static FieldPath of(String name) {
        return new FieldPath(Objects.requireNonNull(name, "name"));
    }

    /** The field name as written. */
    public String name() {
        return name;
    }

    /** The dotted segments; one segment when the name has no dot. */
    public List<String> segments() {
        return List.of(segments);
    }

    /** Segment {@code i}, without copying. */
    public String segment(int i) {
        return segments[i];
    }

    /** The number of segments. */
    public int size() {
        return segments.length;
    }

    /** Whether the name contains a dot, i.e. it could also be one literal key. */
    public boolean dotted() {
        return segments.length > 1;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FieldPath other && other.name.equals(name);
    }

    @Override
    public int hashCode() {
        return name.hashCode();
    }

    @Override
    public String toString() {
        return name;
    }
}
