package dev.vigil.detect.correlation;

import static dev.vigil.detect.correlation.Fixtures.M;
import static dev.vigil.detect.correlation.Fixtures.S;
import static dev.vigil.detect.correlation.Fixtures.base;
import static dev.vigil.detect.correlation.Fixtures.correlation;
import static dev.vigil.detect.correlation.Fixtures.gte;
import static dev.vigil.detect.correlation.Fixtures.ruleSet;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.detect.correlation.Fixtures.Feeder;
import dev.vigil.detect.rule.CorrelationRule;
import dev.vigil.detect.rule.CorrelationType;
import dev.vigil.detect.rule.SigmaRule;
import java.util.List;
import org.junit.jupiter.api.Test;

class BoundsTest {
    private final SigmaRule hit = base("hit");

    private static String group(String g) {
        return "{\"g\":\"" + g + "\"}";
    }

    private Feeder feeder(CorrelationRule rule, int maxGroups, int maxObservations) {
        return new Feeder(new CorrelationEngine(
                ruleSet(List.of(hit), rule), new InMemoryCorrelationStore(maxGroups), maxObservations));
    }

    @Test
    void aFullCorrelationEvictsItsLeastRecentlyUpdatedGroup() {
        InMemoryCorrelationStore store = new InMemoryCorrelationStore(2);
        CorrelationRule rule = correlation("three", CorrelationType.EVENT_COUNT, "hit")
                .groupBy("g")
                .condition(gte(3))
                .build();
        Feeder f = new Feeder(new CorrelationEngine(ruleSet(List.of(hit), rule), store));

        f.feed(hit, 0, group("a"));
        f.feed(hit, S, group("b"));
        f.feed(hit, 2 * S, group("a")); // a is now more recently updated than b
        f.feed(hit, 3 * S, group("c")); // evicts b

        assertThat(f.engine.counters().evictedGroups()).isEqualTo(1);
        assertThat(store.groupCount("three")).isEqualTo(2);
        assertThat(f.feed(hit, 4 * S, group("a"))).hasSize(1); // a kept its two earlier events

        f.feed(hit, 5 * S, group("b")); // b starts again from nothing and evicts c
        f.feed(hit, 6 * S, group("b"));
        assertThat(f.fired).hasSize(1);
        assertThat(f.engine.counters().evictedGroups()).isEqualTo(2);
    }

    @Test
    void groupsWhoseWindowExpiredAreRemovedAsTimeAdvances() {
        InMemoryCorrelationStore store = new InMemoryCorrelationStore();
        CorrelationRule rule = correlation("two", CorrelationType.EVENT_COUNT, "hit")
                .groupBy("g")
                .condition(gte(2))
                .timespan(10 * M)
                .build();
        Feeder f = new Feeder(new CorrelationEngine(ruleSet(List.of(hit), rule), store));

        f.feed(hit, 0, group("a"));
        f.feed(hit, S, group("b"));
        f.feed(hit, 10 * M, group("c")); // a (0) still shares a window with 10 min
        assertThat(store.groupCount("two")).isEqualTo(3);

        f.feed(hit, 10 * M + 1, group("c")); // now a has expired, b not yet
        assertThat(store.groupCount("two")).isEqualTo(2);
        f.feed(hit, 30 * M, group("d"));

        assertThat(store.groupCount("two")).isEqualTo(1);
        assertThat(f.engine.counters().expiredGroups()).isEqualTo(3);
        assertThat(f.engine.counters().evictedGroups()).isZero();
    }

    @Test
    void aFullGroupDropsItsOldestObservations() {
        Feeder f = feeder(
                correlation("five", CorrelationType.EVENT_COUNT, "hit")
                        .condition(gte(5))
                        .build(),
                10,
                3);

        for (int i = 0; i < 5; i++) {
            f.feed(hit, i * S);
        }

        assertThat(f.fired).isEmpty();
        assertThat(f.engine.counters().trimmedObservations()).isEqualTo(2);
    }

    @Test
    void eventCountKeepsOneEntryPerDistinctTime() {
        Feeder f = feeder(
                correlation("five", CorrelationType.EVENT_COUNT, "hit")
                        .condition(gte(5))
                        .build(),
                10,
                2);

        for (int i = 0; i < 4; i++) {
            f.feed(hit, 0);
        }

        assertThat(f.feed(hit, S))
                .singleElement()
                .satisfies(m -> assertThat(m.events()).isEqualTo(5));
        assertThat(f.engine.counters().trimmedObservations()).isZero();
    }

    @Test
    void aFullValueCountGroupForgetsTheOldestValues() {
        Feeder f = feeder(
                correlation("distinct", CorrelationType.VALUE_COUNT, "hit")
                        .field("v")
                        .condition(gte(4))
                        .build(),
                10,
                3);

        for (int i = 0; i < 6; i++) {
            f.feed(hit, i * S, "{\"v\":\"" + i + "\"}");
        }

        assertThat(f.fired).isEmpty();
        assertThat(f.engine.counters().trimmedObservations()).isEqualTo(3);
    }

    @Test
    void aFullTemporalGroupDropsTheOldestTimeAcrossRules() {
        SigmaRule other = base("other");
        Feeder f = new Feeder(new CorrelationEngine(
                ruleSet(
                        List.of(hit, other),
                        correlation("both", CorrelationType.TEMPORAL_ORDERED, "hit", "other")
                                .build()),
                new InMemoryCorrelationStore(),
                2));

        f.feed(hit, 0);
        f.feed(hit, S);
        f.feed(hit, 2 * S); // drops hit@0
        assertThat(f.engine.counters().trimmedObservations()).isEqualTo(1);
        assertThat(f.feed(other, 3 * S)).hasSize(1); // hit@2s → other@3s; drops hit@1s first
    }

    @Test
    void limitsMustBePositive() {
        assertThatThrownBy(() -> new InMemoryCorrelationStore(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CorrelationEngine(ruleSet(List.of()), new InMemoryCorrelationStore(), 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void timesNearTheEdgesOfLongDoNotOverflow() {
        Feeder f = feeder(
                correlation("two", CorrelationType.EVENT_COUNT, "hit")
                        .condition(gte(3))
                        .timespan(Long.MAX_VALUE)
                        .build(),
                10,
                10);

        // MIN + 1 − MAX would wrap around; 0 − MAX is exactly MIN + 1, the edge of the window.
        f.feed(hit, Long.MIN_VALUE + 1);
        assertThat(f.feed(hit, Long.MIN_VALUE + 2)).isEmpty();
        assertThat(f.feed(hit, 0)).hasSize(1);
        assertThat(f.engine.counters().droppedLate()).isZero();
    }
}
