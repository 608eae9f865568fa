package dev.vigil.detect.correlation;

import dev.vigil.detect.engine.CorrelationMatch;
import dev.vigil.detect.engine.RuleMatch;
import dev.vigil.detect.rule.RuleSet;
import java.util.List;
import java.util.function.Consumer;

/**
 * Evaluates the correlation rules of a {@link RuleSet} over base matches, with sliding windows on event time.
 * Chained correlations (a correlation over correlations) are fed internally.
 */
public final class CorrelationEngine {

    /** An engine for {@code rules}' correlations keeping state in {@code store}. */
    public CorrelationEngine(RuleSet rules, CorrelationStore store) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** Whether any correlation references the rule with this key. */
    public boolean isReferenced(String ruleKey) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /**
     * Whether matches of this rule are alerts in their own right: true unless every correlation that references it
     * has {@code generate: false}.
     */
    public boolean generatesAlerts(String ruleKey) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** What each correlation referencing {@code match}'s rule needs from it; empty when none does. */
    public List<Observation> observe(RuleMatch match, long sequence) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** Feeds one observation, in event-time order; emits every correlation (including chained ones) that fires. */
    public void accept(Observation observation, Consumer<CorrelationMatch> out) {
        throw new UnsupportedOperationException("not implemented yet");
    }
}
