package dev.vigil.detect.match;

import dev.vigil.detect.InvalidRuleException;
import java.util.List;

/**
 * Compiles Sigma detection items: {@code field|mod1|mod2: value-or-list} map entries and keyword searches, per
 * {@code docs/sigma.md}.
 */
public final class DetectionItems {
    private DetectionItems() {}

    /**
     * Compiles one map entry of a search identifier.
     *
     * @param key the YAML key: {@code field}, {@code field|mod|mod}, or {@code |mod…} (a keyword search with
     *     modifiers)
     * @param value what the YAML holds: a String, Integer, Long, Double, Boolean, null, or a List of those
     * @throws InvalidRuleException naming the problem (unknown modifier, bad regex, …)
     */
    public static EventPredicate field(String key, Object value, MatchOptions options) {
        throw new InvalidRuleException("detection items are not implemented yet");
    }

    /**
     * Compiles a keyword search: a search identifier that is a scalar or a list of scalars. Any keyword found in any
     * string value of the event matches.
     */
    public static EventPredicate keywords(List<?> values, MatchOptions options) {
        throw new InvalidRuleException("keyword searches are not implemented yet");
    }
}
