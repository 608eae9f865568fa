package dev.vigil.detect.correlation;

import static dev.vigil.detect.correlation.Fixtures.M;
import static dev.vigil.detect.correlation.Fixtures.S;
import static dev.vigil.detect.correlation.Fixtures.base;
import static dev.vigil.detect.correlation.Fixtures.correlation;
import static dev.vigil.detect.correlation.Fixtures.gte;
import static dev.vigil.detect.correlation.Fixtures.op;
import static dev.vigil.detect.correlation.Fixtures.ruleSet;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.vigil.detect.correlation.Fixtures.Feeder;
import dev.vigil.detect.rule.Comparison;
import dev.vigil.detect.rule.Comparison.Operator;
import dev.vigil.detect.rule.CorrelationType;
import dev.vigil.detect.rule.SigmaRule;
import java.util.List;
import org.junit.jupiter.api.Test;

class ValueStatsTest {
    private final SigmaRule transfer = base("transfer");

    private Feeder feeder(CorrelationType type, double percentile, long timespan, Comparison... condition) {
        return new Feeder(ruleSet(
                List.of(transfer),
                correlation("stats", type, "transfer")
                        .groupBy("host")
                        .field("bytes")
                        .percentile(percentile)
                        .timespan(timespan)
                        .condition(condition)
                        .build()));
    }

    private static String bytes(Object n) {
        return "{\"host\":\"h\",\"bytes\":" + n + "}";
    }

    @Test
    void valueSumAddsTheNumbersInTheWindow() {
        Feeder f = feeder(CorrelationType.VALUE_SUM, Double.NaN, 10 * M, gte(100));

        f.feed(transfer, 0, bytes(40));
        f.feed(transfer, S, bytes("\"30\""));
        assertThat(f.fired).isEmpty();

        assertThat(f.feed(transfer, 2 * S, bytes(30.5)))
                .singleElement()
                .satisfies(m -> assertThat(m.aggregate()).isEqualTo(100.5));
    }

    @Test
    void valueSumForgetsNumbersThatLeftTheWindow() {
        Feeder f = feeder(CorrelationType.VALUE_SUM, Double.NaN, 10 * S, gte(100));

        f.feed(transfer, 0, bytes(60));
        assertThat(f.feed(transfer, 10 * S + 1, bytes(60))).isEmpty();
        assertThat(f.feed(transfer, 11 * S, bytes(40))).hasSize(1);
    }

    @Test
    void nonNumericAndMissingValuesAreNotCounted() {
        Feeder f = feeder(CorrelationType.VALUE_SUM, Double.NaN, 10 * M, gte(2));

        f.feed(transfer, 0, bytes("\"many\""));
        f.feed(transfer, S, "{\"host\":\"h\"}");
        f.feed(transfer, 2 * S, bytes("\"1e999\""));

        assertThat(f.fired).isEmpty();
        assertThat(f.engine.counters().droppedMissingValue()).isEqualTo(3);
    }

    @Test
    void valueAvgIsTheMeanOfTheWindow() {
        Feeder f = feeder(CorrelationType.VALUE_AVG, Double.NaN, 10 * M, op(Operator.GT, 50));

        assertThat(f.feed(transfer, 0, bytes(10))).isEmpty();
        assertThat(f.feed(transfer, S, bytes(80))).isEmpty(); // mean 45
        assertThat(f.feed(transfer, 2 * S, bytes(70))) // mean 53.33
                .singleElement()
                .satisfies(m -> assertThat(m.aggregate()).isCloseTo(160.0 / 3, within(1e-9)));
    }

    @Test
    void valueAvgBelowARange() {
        Feeder f = feeder(CorrelationType.VALUE_AVG, Double.NaN, 10 * M, op(Operator.LT, 5), op(Operator.GTE, 2));

        assertThat(f.feed(transfer, 0, bytes(10))).isEmpty();
        assertThat(f.feed(transfer, S, bytes(0))).isEmpty(); // mean 5
        assertThat(f.feed(transfer, 2 * S, bytes(2))).hasSize(1); // mean 4
    }

    @Test
    void valuePercentileFiresOnTheInterpolatedValue() {
        Feeder f = feeder(CorrelationType.VALUE_PERCENTILE, 90, 10 * M, op(Operator.GTE, 36.9), op(Operator.LT, 37.1));

        f.feed(transfer, 0, bytes(10));
        f.feed(transfer, S, bytes(20)); // 10,20: rank 0.9 → 19
        f.feed(transfer, 2 * S, bytes(40)); // 10,20,40: rank 1.8 → 20 + 0.8 * 20 = 36
        assertThat(f.fired).isEmpty();

        assertThat(f.feed(transfer, 3 * S, bytes(30))) // 10,20,30,40: rank 2.7 → 30 + 0.7 * 10 = 37
                .singleElement()
                .satisfies(m -> assertThat(m.aggregate()).isCloseTo(37, within(1e-9)));
    }

    @Test
    void valuePercentileWithoutAPercentileIsTheMedian() {
        Feeder f = feeder(CorrelationType.VALUE_PERCENTILE, Double.NaN, 10 * M, op(Operator.EQ, 25));

        f.feed(transfer, 0, bytes(10));
        f.feed(transfer, S, bytes(20));
        f.feed(transfer, 2 * S, bytes(30)); // median 20
        assertThat(f.fired).isEmpty();
        assertThat(f.feed(transfer, 3 * S, bytes(40))).hasSize(1); // median 25
    }

    @Test
    void sortedDoublesPercentileEdges() {
        SortedDoubles d = new SortedDoubles();
        assertThat(d.percentile(50)).isNaN();
        for (double v : new double[] {5, 1, 3, 3, 9}) {
            d.add(v);
        }
        assertThat(d.percentile(0)).isEqualTo(1);
        assertThat(d.percentile(100)).isEqualTo(9);
        assertThat(d.percentile(50)).isEqualTo(3);
        assertThat(d.percentile(87.5)).isEqualTo(7); // rank 3.5 between 5 and 9
        d.remove(3);
        d.remove(9);
        assertThat(d.percentile(100)).isEqualTo(5);
        assertThat(d.percentile(50)).isEqualTo(3);
    }
}
