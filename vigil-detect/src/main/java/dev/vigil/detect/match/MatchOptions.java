package dev.vigil.detect.match;

import java.util.List;
import java.util.Map;

/**
 * Settings that change how detection items compile.
 *
 * @param placeholders values for {@code |expand} placeholders, by name without the percent signs; a rule that uses
 *     a placeholder missing here is rejected
 * @param maxRegexLength longest accepted {@code |re} pattern, in characters
 */
public record MatchOptions(Map<String, List<String>> placeholders, int maxRegexLength) {

    /** No placeholders, regexes up to 4,096 characters. */
    public static final MatchOptions DEFAULTS = new MatchOptions(Map.of(), 4096);

    /** Copies the placeholder map. */
    public MatchOptions {
        placeholders = Map.copyOf(placeholders);
    }
}
