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
import java.util.List;
import org.junit.jupiter.api.Test;

class ValueCountTest {
    private final SigmaRule read = base("get_secret");

    private Feeder feeder(int atLeast, long timespan, String... fields) {
        return new Feeder(ruleSet(
                List.of(read),
                correlation("distinct_secrets", CorrelationType.VALUE_COUNT, "get_secret")
                        .groupBy("user")
                        .field(fields)
                        .condition(gte(atLeast))
                        .timespan(timespan)
                        .build()));
    }

    private static String secret(String user, String id) {
        return "{\"user\":\"" + user + "\",\"requestParameters\":{\"secretId\":\"" + id + "\"}}";
    }

    @Test
    void countsDistinctValuesNotEvents() {
        Feeder f = feeder(3, 10 * M, "requestParameters.secretId");

        f.feed(read, 0, secret("u", "a"));
        f.feed(read, S, secret("u", "a"));
        f.feed(read, 2 * S, secret("u", "b"));
        f.feed(read, 3 * S, secret("u", "b"));
        assertThat(f.fired).isEmpty();

        List<CorrelationMatch> fired = f.feed(read, 4 * S, secret("u", "c"));
        assertThat(fired).singleElement().satisfies(m -> {
            assertThat(m.aggregate()).isEqualTo(3);
            assertThat(m.events()).isEqualTo(5);
        });
    }

    @Test
    void aValueLeavesTheCountWhenItsLastOccurrenceLeavesTheWindow() {
        Feeder f = feeder(3, 10 * S, "requestParameters.secretId");

        f.feed(read, 0, secret("u", "a"));
        f.feed(read, 5 * S, secret("u", "a"));
        f.feed(read, 6 * S, secret("u", "b"));
        // At 15 s the first "a" has left but the second is still in the window: a, b, c are distinct.
        assertThat(f.feed(read, 15 * S, secret("u", "c"))).hasSize(1);

        Feeder g = feeder(3, 10 * S, "requestParameters.secretId");
        g.feed(read, 0, secret("u", "a"));
        g.feed(read, 6 * S, secret("u", "b"));
        // Here the only "a" has left at 10 s + 1 ms.
        assertThat(g.feed(read, 10 * S + 1, secret("u", "c"))).isEmpty();
        assertThat(g.feed(read, 11 * S, secret("u", "a"))).hasSize(1);
    }

    @Test
    void eventsMissingTheFieldAreNotCounted() {
        Feeder f = feeder(2, 10 * M, "requestParameters.secretId");

        f.feed(read, 0, secret("u", "a"));
        f.feed(read, S, "{\"user\":\"u\"}");
        f.feed(read, 2 * S, "{\"user\":\"u\",\"requestParameters\":{\"secretId\":null}}");

        assertThat(f.fired).isEmpty();
        assertThat(f.engine.counters().droppedMissingValue()).isEqualTo(2);
        assertThat(f.feed(read, 3 * S, secret("u", "b"))).hasSize(1);
    }

    @Test
    void severalFieldsCountDistinctTuples() {
        Feeder f = feeder(3, 10 * M, "a", "b");

        f.feed(read, 0, "{\"user\":\"u\",\"a\":\"x\",\"b\":\"y\"}");
        f.feed(read, S, "{\"user\":\"u\",\"a\":\"x\",\"b\":\"y\"}");
        f.feed(read, 2 * S, "{\"user\":\"u\",\"a\":\"x\",\"b\":\"z\"}");
        // "x:" + "y" and "x" + ":y" must not collide with an encoding that just joins the texts.
        f.feed(read, 3 * S, "{\"user\":\"u\",\"a\":\"x:\",\"b\":\"z\"}");

        assertThat(f.fired)
                .singleElement()
                .satisfies(m -> assertThat(m.aggregate()).isEqualTo(3));
    }

    @Test
    void aTupleWithAMissingPartIsNotCounted() {
        Feeder f = feeder(2, 10 * M, "a", "b");

        f.feed(read, 0, "{\"user\":\"u\",\"a\":\"x\",\"b\":\"y\"}");
        f.feed(read, S, "{\"user\":\"u\",\"a\":\"x\"}");

        assertThat(f.fired).isEmpty();
    }

    @Test
    void groupsCountTheirOwnValues() {
        Feeder f = feeder(2, 10 * M, "requestParameters.secretId");

        f.feed(read, 0, secret("u", "a"));
        f.feed(read, S, secret("v", "b"));
        assertThat(f.fired).isEmpty();
        assertThat(f.feed(read, 2 * S, secret("v", "c")))
                .singleElement()
                .satisfies(m -> assertThat(m.group()).containsEntry("user", "v"));
    }

    @Test
    void veryLongValuesAreKeptAsADigestThatStillDistinguishesThem() {
        Feeder f = feeder(2, 10 * M, "v");
        String longA = "x".repeat(5000) + "a";
        String longB = "x".repeat(5000) + "b";

        f.feed(read, 0, "{\"user\":\"u\",\"v\":\"" + longA + "\"}");
        f.feed(read, S, "{\"user\":\"u\",\"v\":\"" + longA + "\"}");
        assertThat(f.fired).isEmpty();
        assertThat(f.feed(read, 2 * S, "{\"user\":\"u\",\"v\":\"" + longB + "\"}"))
                .hasSize(1);
        assertThat(BoundedText.of(longA)).hasSizeLessThan(300);
    }

    @Test
    void outOfOrderValuesLeaveTheWindowByEventTimeNotByArrival() {
        Feeder f = feeder(4, 10 * S, "requestParameters.secretId");

        f.feed(read, 5 * S, secret("u", "a"));
        f.feed(read, 1 * S, secret("u", "b"));
        f.feed(read, 3 * S, secret("u", "c"));
        // Window [2 s, 12 s]: b (1 s) has left although it arrived after a; a, c, d remain.
        assertThat(f.feed(read, 12 * S, secret("u", "d"))).isEmpty();
        assertThat(f.feed(read, 12 * S, secret("u", "b"))).singleElement().satisfies(m -> {
            assertThat(m.aggregate()).isEqualTo(4);
            assertThat(m.windowStartMillis()).isEqualTo(3 * S);
        });
    }
}
