package dev.vigil.detect.match;

import dev.vigil.detect.event.FieldValue;
import java.util.function.Predicate;

/**
 * A compiled test of one field value. Must not throw. Tests that can promise something about the values they accept
 * say so for the rule index.
 */
interface ValueTest extends Predicate<FieldValue> {

    /** When non-null, every accepted value's {@link FieldValue#lowerText()} equals this. */
    default String witnessExact() {
        return null;
    }

    /** When non-null, every accepted value's {@link FieldValue#lowerText()} starts with this (non-empty). */
    default String witnessPrefix() {
        return null;
    }
}
