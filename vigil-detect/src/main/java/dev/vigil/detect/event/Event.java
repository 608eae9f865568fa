package dev.vigil.detect.event;

import java.util.function.Predicate;

/**
 * One log record as rules see it.
 *
 * <p>Field resolution follows {@code docs/sigma.md}: for a dotted name, a key equal to the whole name wins, otherwise
 * the segments are walked into nested objects; an array crossed on the way fans out to every element (any match
 * wins). A path that ends on an object or array yields that container as one value whose text is its compact JSON.
 * An array at the end of the path also yields each of its elements, so {@code tags: admin} matches {@code
 * "tags":["x","admin"]}.
 *
 * <p>Implementations must be safe to read from one thread at a time; they may cache resolved values.
 */
public interface Event {

    /** What kind of log this record is; decides which rules apply. */
    LogSource logSource();

    /** Where the record was read. */
    EventOrigin origin();

    /** Whether any value at {@code path} satisfies {@code test}. False when the path resolves to nothing. */
    boolean anyValue(FieldPath path, Predicate<? super FieldValue> test);

    /** Whether {@code path} resolves to at least one value; a JSON {@code null} counts as present. */
    boolean exists(FieldPath path);

    /**
     * Whether any leaf value (string, number, boolean) anywhere in the record satisfies {@code test}: the scope of
     * Sigma keyword searches.
     */
    boolean anyLeaf(Predicate<? super FieldValue> test);

    /**
     * The text of the first value at {@code path}, or null when the path is missing or JSON null. For output, group
     * keys and correlation values, not for matching.
     */
    default String text(FieldPath path) {
        String[] found = new String[1];
        anyValue(path, v -> {
            if (v.kind() == FieldValue.Kind.NULL) {
                return false;
            }
            found[0] = v.text();
            return true;
        });
        return found[0];
    }

    /** The whole record as compact JSON. */
    String json();
}
