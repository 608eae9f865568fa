package dev.vigil.detect.rule;

import java.util.List;
import java.util.Map;

/**
 * A loaded correlation rule.
 *
 * @param info metadata
 * @param type the correlation type
 * @param rules the referenced rules' {@link RuleInfo#key() keys}, resolved by the loader (ids or names as written
 *     are mapped to the referenced rule's key); they may be detection rules or other correlations
 * @param groupBy group-by fields (may be alias names); empty means one group
 * @param timespanMillis the window length
 * @param condition comparisons that must all hold; for temporal types without a condition the loader sets {@code
 *     gte: number of rules}
 * @param valueFields {@code condition.field}: the counted, summed or averaged field(s); empty for other types
 * @param percentile for {@code value_percentile}, the percentile (0–100); NaN otherwise
 * @param aliases alias name → (referenced rule key → field in that rule's events)
 * @param generate whether the referenced rules also raise their own alerts
 * @param origin where the rule was read
 */
public record CorrelationRule(
        RuleInfo info,
        CorrelationType type,
        List<String> rules,
        List<String> groupBy,
        long timespanMillis,
        List<Comparison> condition,
        List<String> valueFields,
        double percentile,
        Map<String, Map<String, String>> aliases,
        boolean generate,
        RuleOrigin origin) {

    /** Copies the collections. */
    public CorrelationRule {
        rules = List.copyOf(rules);
        groupBy = List.copyOf(groupBy);
        condition = List.copyOf(condition);
        valueFields = List.copyOf(valueFields);
        aliases = Map.copyOf(aliases);
    }
}
