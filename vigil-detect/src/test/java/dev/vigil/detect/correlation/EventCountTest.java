package dev.vigil.detect.correlation;

import static dev.vigil.detect.correlation.Fixtures.M;
import static dev.vigil.detect.correlation.Fixtures.S;
import static dev.vigil.detect.correlation.Fixtures.base;
import static dev.vigil.detect.correlation.Fixtures.correlation;
import static dev.vigil.detect.correlation.Fixtures.gte;
import static dev.vigil.detect.correlation.Fixtures.op;
import static dev.vigil.detect.correlation.Fixtures.ruleSet;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.detect.correlation.Fixtures.Feeder;
import dev.vigil.detect.engine.CorrelationMatch;
import dev.vigil.detect.event.EventTime;
import dev.vigil.detect.rule.Comparison.Operator;
import dev.vigil.detect.rule.CorrelationRule;
import dev.vigil.detect.rule.CorrelationType;
import dev.vigil.detect.rule.SigmaRule;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventCountTest {
    private final SigmaRule login = base("failed_login");

    private Feeder feeder(CorrelationRule rule) {
        return new Feeder(ruleSet(List.of(login), rule));
    }

    @Test
    void firesWhenTheCountReachesTheThresholdWithinTheWindow() {
        Feeder f = feeder(correlation("many", CorrelationType.EVENT_COUNT, "failed_login")
                .condition(gte(3))
                .build());

        assertThat(f.feed(login, 0)).isEmpty();
        assertThat(f.feed(login, 1 * M)).isEmpty();
        List<CorrelationMatch> fired = f.feed(login, 2 * M);

        assertThat(fired).hasSize(1);
        CorrelationMatch m = fired.get(0);
        assertThat(m.aggregate()).isEqualTo(3);
        assertThat(m.events()).isEqualTo(3);
        assertThat(m.windowStartMillis()).isZero();
        assertThat(m.timeMillis()).isEqualTo(2 * M);
        assertThat(m.group()).isEmpty();
        assertThat(m.rule().info().name()).isEqualTo("many");
    }

    @Test
    void doesNotFireWhenTheEventsAreSpreadWiderThanTheWindow() {
        Feeder f = feeder(correlation("many", CorrelationType.EVENT_COUNT, "failed_login")
                .condition(gte(3))
                .timespan(10 * M)
                .build());

        f.feed(login, 0);
        f.feed(login, 6 * M);
        f.feed(login, 12 * M);
        f.feed(login, 18 * M);

        assertThat(f.fired).isEmpty();
    }

    @Test
    void eventsExactlyOneTimespanApartShareAWindow() {
        Feeder f = feeder(correlation("two", CorrelationType.EVENT_COUNT, "failed_login")
                .condition(gte(2))
                .timespan(5 * M)
                .build());

        f.feed(login, 1_000_000);

        assertThat(f.feed(login, 1_000_000 + 5 * M)).hasSize(1);
    }

    @Test
    void eventsOneMillisecondMoreThanATimespanApartDoNot() {
        Feeder f = feeder(correlation("two", CorrelationType.EVENT_COUNT, "failed_login")
                .condition(gte(2))
                .timespan(5 * M)
                .build());

        f.feed(login, 1_000_000);

        assertThat(f.feed(login, 1_000_000 + 5 * M + 1)).isEmpty();
    }

    @Test
    void firingResetsTheWindowSoTheNextAlertNeedsNewEvents() {
        Feeder f = feeder(correlation("three", CorrelationType.EVENT_COUNT, "failed_login")
                .condition(gte(3))
                .build());

        for (int i = 0; i < 9; i++) {
            f.feed(login, i * S);
        }

        assertThat(f.fired).extracting(CorrelationMatch::timeMillis).containsExactly(2 * S, 5 * S, 8 * S);
        assertThat(f.fired).extracting(CorrelationMatch::windowStartMillis).containsExactly(0L, 3 * S, 6 * S);
    }

    @Test
    void groupsAreCountedSeparatelyByDottedGroupByFields() {
        Feeder f = feeder(correlation("per_user", CorrelationType.EVENT_COUNT, "failed_login")
                .groupBy("userIdentity.arn")
                .condition(gte(2))
                .build());
        String alice = "{\"userIdentity\":{\"arn\":\"alice\"}}";
        String bob = "{\"userIdentity\":{\"arn\":\"bob\"}}";

        f.feed(login, 0, alice);
        f.feed(login, S, bob);
        List<CorrelationMatch> fired = f.feed(login, 2 * S, alice);

        assertThat(fired).hasSize(1);
        assertThat(fired.get(0).group()).isEqualTo(Map.of("userIdentity.arn", "alice"));
        assertThat(fired.get(0).events()).isEqualTo(2);
    }

    @Test
    void eventsMissingAGroupByFieldAreNotCounted() {
        Feeder f = feeder(correlation("per_user", CorrelationType.EVENT_COUNT, "failed_login")
                .groupBy("user", "host")
                .condition(gte(2))
                .build());

        f.feed(login, 0, "{\"user\":\"a\",\"host\":\"h\"}");
        f.feed(login, S, "{\"user\":\"a\"}");
        f.feed(login, 2 * S, "{\"user\":\"a\",\"host\":null}");

        assertThat(f.fired).isEmpty();
        assertThat(f.engine.counters().droppedMissingGroup()).isEqualTo(2);
        assertThat(f.feed(login, 3 * S, "{\"user\":\"a\",\"host\":\"h\"}")).hasSize(1);
    }

    @Test
    void severalComparisonsMustAllHold() {
        Feeder f = feeder(correlation("between", CorrelationType.EVENT_COUNT, "failed_login")
                .condition(op(Operator.GT, 1), op(Operator.LT, 3))
                .build());

        assertThat(f.feed(login, 0)).isEmpty();
        assertThat(f.feed(login, S)).hasSize(1);
    }

    @Test
    void eachOperatorComparesTheAggregate() {
        assertThat(firstFiringCount(op(Operator.GT, 2))).isEqualTo(3);
        assertThat(firstFiringCount(op(Operator.GTE, 2))).isEqualTo(2);
        assertThat(firstFiringCount(op(Operator.EQ, 4))).isEqualTo(4);
        assertThat(firstFiringCount(op(Operator.LT, 2))).isEqualTo(1);
        assertThat(firstFiringCount(op(Operator.LTE, 1))).isEqualTo(1);
        assertThat(firstFiringCount(op(Operator.NEQ, 1))).isEqualTo(2);
    }

    private double firstFiringCount(dev.vigil.detect.rule.Comparison c) {
        Feeder f = feeder(correlation("c", CorrelationType.EVENT_COUNT, "failed_login")
                .condition(c)
                .build());
        for (int i = 0; i < 10 && f.fired.isEmpty(); i++) {
            f.feed(login, i * S);
        }
        return f.fired.get(0).aggregate();
    }

    @Test
    void observationsWithoutEventTimeAreDroppedAndCounted() {
        Feeder f = feeder(correlation("two", CorrelationType.EVENT_COUNT, "failed_login")
                .condition(gte(2))
                .build());

        f.feed(login, EventTime.UNKNOWN);
        f.feed(login, EventTime.UNKNOWN);

        assertThat(f.fired).isEmpty();
        assertThat(f.engine.counters().droppedNoTime()).isEqualTo(2);
    }

    @Test
    void slightlyOutOfOrderObservationsWithinTheWindowStillCount() {
        Feeder f = feeder(correlation("three", CorrelationType.EVENT_COUNT, "failed_login")
                .condition(gte(3))
                .timespan(10 * M)
                .build());

        f.feed(login, 9 * M);
        f.feed(login, 5 * M);
        List<CorrelationMatch> fired = f.feed(login, 1 * M);

        assertThat(fired).hasSize(1);
        assertThat(fired.get(0).windowStartMillis()).isEqualTo(1 * M);
        assertThat(f.engine.counters().droppedLate()).isZero();
    }

    @Test
    void anObservationOlderThanTheGroupsWindowIsDroppedAsLate() {
        Feeder f = feeder(correlation("two", CorrelationType.EVENT_COUNT, "failed_login")
                .condition(gte(2))
                .timespan(10 * M)
                .build());

        f.feed(login, 20 * M);
        f.feed(login, 10 * M - 1);

        assertThat(f.fired).isEmpty();
        assertThat(f.engine.counters().droppedLate()).isEqualTo(1);
        assertThat(f.feed(login, 10 * M)).hasSize(1);
    }

    @Test
    void afterFiringObservationsOlderThanTheFiringAreLate() {
        Feeder f = feeder(correlation("two", CorrelationType.EVENT_COUNT, "failed_login")
                .condition(gte(2))
                .build());

        f.feed(login, 5 * S);
        assertThat(f.feed(login, 6 * S)).hasSize(1);
        f.feed(login, 4 * S);

        assertThat(f.engine.counters().droppedLate()).isEqualTo(1);
        assertThat(f.feed(login, 6 * S)).isEmpty();
        assertThat(f.feed(login, 7 * S)).hasSize(1);
    }

    @Test
    void theFiringMatchCarriesTheOriginOfTheLastEvent() {
        Feeder f = feeder(correlation("two", CorrelationType.EVENT_COUNT, "failed_login")
                .condition(gte(2))
                .build());
        var first = new dev.vigil.detect.event.JsonTreeEvent(
                com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode(),
                dev.vigil.detect.event.LogSource.AWS_CLOUDTRAIL,
                new dev.vigil.detect.event.EventOrigin("a.jsonl", 1, -1));
        var second = new dev.vigil.detect.event.JsonTreeEvent(
                com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode(),
                dev.vigil.detect.event.LogSource.AWS_CLOUDTRAIL,
                new dev.vigil.detect.event.EventOrigin("a.jsonl", 7, 2));
        List<CorrelationMatch> out = new java.util.ArrayList<>();
        for (var ev : List.of(first, second)) {
            var rm = new dev.vigil.detect.engine.RuleMatch(login, ev, 0);
            f.engine.observe(rm, 0).forEach(o -> f.engine.accept(o, out::add));
        }

        assertThat(out)
                .singleElement()
                .satisfies(m -> assertThat(m.origin().line()).isEqualTo(7));
    }
}
