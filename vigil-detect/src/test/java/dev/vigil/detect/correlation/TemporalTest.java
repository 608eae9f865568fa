package dev.vigil.detect.correlation;

import static dev.vigil.detect.correlation.Fixtures.M;
import static dev.vigil.detect.correlation.Fixtures.S;
import static dev.vigil.detect.correlation.Fixtures.base;
import static dev.vigil.detect.correlation.Fixtures.correlation;
import static dev.vigil.detect.correlation.Fixtures.gte;
import static dev.vigil.detect.correlation.Fixtures.ruleSet;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.detect.correlation.Fixtures.Feeder;
import dev.vigil.detect.engine.CorrelationMatch;
import dev.vigil.detect.rule.CorrelationType;
import dev.vigil.detect.rule.SigmaRule;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TemporalTest {
    private final SigmaRule a = base("create_user");
    private final SigmaRule b = base("attach_policy");
    private final SigmaRule c = base("create_key");
    private final List<SigmaRule> all = List.of(a, b, c);

    private Feeder temporal(CorrelationType type, long timespan) {
        return new Feeder(ruleSet(
                all,
                correlation("seq", type, "create_user", "attach_policy", "create_key")
                        .groupBy("user")
                        .timespan(timespan)
                        .build()));
    }

    private static final String U = "{\"user\":\"u\"}";

    @Test
    void temporalFiresWhenEveryRuleMatchedInTheWindowInAnyOrder() {
        Feeder f = temporal(CorrelationType.TEMPORAL, 5 * M);

        f.feed(c, 0, U);
        f.feed(c, S, U);
        f.feed(a, 2 * S, U);
        assertThat(f.fired).isEmpty();

        List<CorrelationMatch> fired = f.feed(b, 3 * S, U);
        assertThat(fired).singleElement().satisfies(m -> {
            assertThat(m.aggregate()).isEqualTo(3);
            assertThat(m.events()).isEqualTo(4);
            assertThat(m.windowStartMillis()).isZero();
        });
    }

    @Test
    void temporalDoesNotFireWhenARuleMatchedOutsideTheWindow() {
        Feeder f = temporal(CorrelationType.TEMPORAL, 5 * M);

        f.feed(a, 0, U);
        f.feed(b, 4 * M, U);
        f.feed(c, 5 * M + 1, U);

        assertThat(f.fired).isEmpty();
    }

    @Test
    void temporalDoesNotMixGroups() {
        Feeder f = temporal(CorrelationType.TEMPORAL, 5 * M);

        f.feed(a, 0, U);
        f.feed(b, S, U);
        f.feed(c, 2 * S, "{\"user\":\"other\"}");

        assertThat(f.fired).isEmpty();
    }

    @Test
    void temporalWithAConditionCountsDistinctRules() {
        Feeder f = new Feeder(ruleSet(
                all,
                correlation("two_of_three", CorrelationType.TEMPORAL, "create_user", "attach_policy", "create_key")
                        .condition(gte(2))
                        .build()));

        f.feed(a, 0);
        f.feed(a, S);
        assertThat(f.fired).isEmpty();
        assertThat(f.feed(c, 2 * S))
                .singleElement()
                .satisfies(m -> assertThat(m.aggregate()).isEqualTo(2));
    }

    @Test
    void orderedFiresForMatchesInRuleOrder() {
        Feeder f = temporal(CorrelationType.TEMPORAL_ORDERED, 5 * M);

        f.feed(a, 0, U);
        f.feed(b, S, U);
        assertThat(f.feed(c, 2 * S, U))
                .singleElement()
                .satisfies(m -> assertThat(m.aggregate()).isEqualTo(3));
    }

    @Test
    void orderedDoesNotFireForMatchesOutOfOrder() {
        Feeder f = temporal(CorrelationType.TEMPORAL_ORDERED, 5 * M);

        f.feed(b, 0, U);
        f.feed(a, S, U);
        f.feed(c, 2 * S, U);
        f.feed(c, 3 * S, U);
        assertThat(f.fired).isEmpty();

        // A later attach_policy completes create_user(1 s) → attach_policy(4 s) → create_key(5 s).
        f.feed(b, 4 * S, U);
        assertThat(f.fired).isEmpty();
        assertThat(f.feed(c, 5 * S, U)).hasSize(1);
    }

    @Test
    void orderedChainMustFitTheWindow() {
        Feeder f = temporal(CorrelationType.TEMPORAL_ORDERED, 5 * M);

        f.feed(a, 0, U);
        f.feed(b, 3 * M, U);
        assertThat(f.feed(c, 5 * M + 1, U)).isEmpty();
        f.feed(a, 5 * M + 2, U);
        f.feed(b, 5 * M + 3, U);
        assertThat(f.feed(c, 5 * M + 3, U)).hasSize(1);
    }

    @Test
    void orderedPicksTheEarliestUsableMatchOfEachRule() {
        // a(0) b(1) a(2) c(3): greedy from the earliest a finds a(0) ≤ b(1) ≤ c(3).
        Feeder f = temporal(CorrelationType.TEMPORAL_ORDERED, 5 * M);

        f.feed(a, 0, U);
        f.feed(b, S, U);
        f.feed(a, 2 * S, U);
        assertThat(f.feed(c, 3 * S, U)).hasSize(1);
    }

    /** Every arrival order of three matches with the same timestamp: "ordered" must hold at the third arrival. */
    @ParameterizedTest
    @ValueSource(strings = {"abc", "acb", "bac", "bca", "cab", "cba"})
    void equalTimestampsCountAsOrderedWhateverTheArrivalOrder(String arrival) {
        Feeder f = temporal(CorrelationType.TEMPORAL_ORDERED, 5 * M);
        List<Integer> firedAt = new ArrayList<>();

        for (int i = 0; i < 3; i++) {
            SigmaRule r = all.get(arrival.charAt(i) - 'a');
            if (!f.feed(r, 7 * S, U).isEmpty()) {
                firedAt.add(i);
            }
        }

        assertThat(firedAt).containsExactly(2);
        assertThat(f.fired.get(0).timeMillis()).isEqualTo(7 * S);
    }

    @Test
    void equalTimestampAfterAnEarlierFirstStepIsStillOrdered() {
        Feeder f = temporal(CorrelationType.TEMPORAL_ORDERED, 5 * M);

        f.feed(a, 0, U);
        f.feed(c, 9 * S, U);
        assertThat(f.feed(b, 9 * S, U)).hasSize(1);
    }

    @Test
    void orderedAggregateIsTheLongestOrderedPrefix() {
        Feeder f = new Feeder(ruleSet(
                all,
                correlation("first_two", CorrelationType.TEMPORAL_ORDERED, "create_user", "attach_policy", "create_key")
                        .condition(gte(2))
                        .build()));

        f.feed(b, 0);
        f.feed(c, S);
        f.feed(a, 2 * S);
        assertThat(f.fired).isEmpty();
        assertThat(f.feed(b, 3 * S))
                .singleElement()
                .satisfies(m -> assertThat(m.aggregate()).isEqualTo(2));
    }

    @Test
    void firingResetsTheSequence() {
        Feeder f = temporal(CorrelationType.TEMPORAL_ORDERED, 5 * M);

        f.feed(a, 0, U);
        f.feed(b, S, U);
        assertThat(f.feed(c, 2 * S, U)).hasSize(1);
        assertThat(f.feed(c, 3 * S, U)).isEmpty();
        f.feed(a, 4 * S, U);
        f.feed(b, 5 * S, U);
        assertThat(f.feed(c, 6 * S, U)).hasSize(1);
    }

    @Test
    void timeCountsKeepsTimesSortedWhateverTheInsertOrder() {
        TimeCounts t = new TimeCounts();
        long[] times = {50, 10, 30, 30, 70, 10, 60, 20, 80, 90, 5};
        for (long x : times) {
            t.add(x);
        }
        assertThat(t.total()).isEqualTo(times.length);
        assertThat(t.entries()).isEqualTo(9);
        assertThat(t.ceiling(31)).isEqualTo(50);
        assertThat(t.ceiling(30)).isEqualTo(30);
        assertThat(t.ceiling(91)).isEqualTo(Long.MIN_VALUE);
        t.evictBefore(30);
        assertThat(t.first()).isEqualTo(30);
        assertThat(t.total()).isEqualTo(7);
        t.add(1);
        t.add(100);
        assertThat(t.first()).isEqualTo(1);
        assertThat(t.removeFirst()).isEqualTo(1);
        assertThat(t.first()).isEqualTo(30);
        assertThat(t.removeFirst()).isEqualTo(2);
    }
}
