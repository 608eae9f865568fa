package dev.vigil.detect.correlation;

import dev.vigil.detect.rule.Comparison;
import dev.vigil.detect.rule.CorrelationRule;
import dev.vigil.detect.rule.CorrelationType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** One correlation prepared for evaluation: its effective condition, rule slots and latest event time. */
final class CorrelationPlan {
    final CorrelationRule rule;
    final String key;
    final CorrelationType type;
    final long timespan;
    final List<Comparison> condition;
    final double percentile;
    private final Map<String, Integer> slotOfRule = new HashMap<>();
    private final int[] slotOfPosition;
    long maxSeenMillis = Long.MIN_VALUE;

    CorrelationPlan(CorrelationRule rule) {
        this.rule = rule;
        this.key = rule.info().key();
        this.type = rule.type();
        this.timespan = Math.max(0, rule.timespanMillis());
        this.slotOfPosition = new int[rule.rules().size()];
        for (int i = 0; i < slotOfPosition.length; i++) {
            Integer slot = slotOfRule.putIfAbsent(rule.rules().get(i), slotOfRule.size());
            slotOfPosition[i] = slot != null ? slot : slotOfRule.size() - 1;
        }
        this.condition = effectiveCondition(rule);
        double p = rule.percentile();
        this.percentile = Double.isNaN(p) ? 50 : Math.max(0, Math.min(100, p));
    }

    private static List<Comparison> effectiveCondition(CorrelationRule rule) {
        boolean temporal = rule.type() == CorrelationType.TEMPORAL || rule.type() == CorrelationType.TEMPORAL_ORDERED;
        if (rule.condition().isEmpty() && temporal) {
            return List.of(new Comparison(Comparison.Operator.GTE, rule.rules().size()));
        }
        return new ArrayList<>(rule.condition());
    }

    /** The slot of a referenced rule, or -1 when this correlation does not reference it. */
    int slot(String ruleKey) {
        Integer slot = slotOfRule.get(ruleKey);
        return slot == null ? -1 : slot;
    }

    /** Whether the aggregate meets every comparison of the condition. */
    boolean holds(double aggregate) {
        if (Double.isNaN(aggregate)) {
            return false;
        }
        for (Comparison c : condition) {
            if (!c.test(aggregate)) {
                return false;
            }
        }
        return true;
    }

    boolean needsText() {
        return type == CorrelationType.VALUE_COUNT;
    }

    boolean needsNumber() {
        return type == CorrelationType.VALUE_SUM
                || type == CorrelationType.VALUE_AVG
                || type == CorrelationType.VALUE_PERCENTILE;
    }

    /**
     * The field to read in matches of {@code ruleKey} for the group-by or value field {@code name}: the alias's field for
     * that rule when {@code name} is an alias that maps it, else {@code name} itself.
     */
    String fieldFor(String name, String ruleKey) {
        Map<String, String> alias = rule.aliases().get(name);
        if (alias == null) {
            return name;
        }
        return alias.getOrDefault(ruleKey, name);
    }

    GroupWindow newWindow() {
        switch (type) {
            case EVENT_COUNT:
                return new EventCountWindow();
            case VALUE_COUNT:
                return new ValueCountWindow();
            case TEMPORAL:
            case TEMPORAL_ORDERED:
                return new TemporalWindow(type == CorrelationType.TEMPORAL_ORDERED, slotOfPosition, slotOfRule.size());
            default:
                return new ValueStatsWindow(type, percentile);
        }
    }
}
