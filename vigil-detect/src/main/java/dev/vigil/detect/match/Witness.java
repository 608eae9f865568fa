package dev.vigil.detect.match;

import dev.vigil.detect.event.FieldPath;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A promise about events that can satisfy a predicate: field {@link #field} has a value whose {@link
 * dev.vigil.detect.event.FieldValue#lowerText() lower-case text} is one of {@link #exact} or starts with one of
 * {@link #prefixes}. The rule index files a rule under these values, so an event is only tested against rules whose
 * promise it keeps.
 */
public record Witness(FieldPath field, Set<String> exact, List<String> prefixes) {

    /** No promise: the rule must be tried on every event of its log source. */
    public static final Witness NONE = new Witness(null, Set.of(), List.of());

    /** Copies; values must already be lower case. */
    public Witness {
        exact = Set.copyOf(exact);
        prefixes = List.copyOf(prefixes);
        if (field == null && (!exact.isEmpty() || !prefixes.isEmpty())) {
            throw new IllegalArgumentException("a witness with values needs a field");
        }
    }

    /** A promise that {@code field} equals one of {@code lowerValues}. */
    public static Witness exact(FieldPath field, Set<String> lowerValues) {
        return new Witness(Objects.requireNonNull(field), lowerValues, List.of());
    }

    /** A promise that {@code field} starts with one of {@code lowerPrefixes}. */
    public static Witness prefixes(FieldPath field, List<String> lowerPrefixes) {
        return new Witness(Objects.requireNonNull(field), Set.of(), lowerPrefixes);
    }

    /** Whether this promise narrows more than {@code other}: exact values before prefixes, then fewer values. */
    public boolean narrowerThan(Witness other) {
        boolean exactOnly = prefixes.isEmpty();
        if (exactOnly != other.prefixes.isEmpty()) {
            return exactOnly;
        }
        return exact.size() + prefixes.size() < other.exact.size() + other.prefixes.size();
    }

    /** Whether this witness promises anything. */
    public boolean isNone() {
        return field == null;
    }
}
