package dev.vigil.detect.correlation;

import static dev.vigil.detect.correlation.Fixtures.base;
import static dev.vigil.detect.correlation.Fixtures.correlation;
import static dev.vigil.detect.correlation.Fixtures.ruleSet;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.detect.Randomized;
import dev.vigil.detect.correlation.Fixtures.Feeder;
import dev.vigil.detect.rule.Comparison;
import dev.vigil.detect.rule.CorrelationType;
import dev.vigil.detect.rule.SigmaRule;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The engine against a brute-force reference over the time-sorted observations. */
class EventCountPropertyTest {
    private final SigmaRule hit = base("hit");
    private final SigmaRule second = base("second");
    private final SigmaRule third = base("third");

    /** One base event: which group, and how far after the previous event (0 = same time). */
    record Step(int group, int gap, int rule) {}

    /** A gap of 0 (same time) three times in ten, else 1 to 30. */
    static Step step(Random r) {
        int group = Randomized.between(r, 0, 2);
        int gap = r.nextInt(10) < 3 ? 0 : Randomized.between(r, 1, 30);
        return new Step(group, gap, Randomized.between(r, 0, 2));
    }

    record CountCase(List<Step> steps, Comparison.Operator op, int threshold, long timespan) {}

    record OrderedCase(List<Step> steps, long timespan) {}

    @Test
    void eventCountFiresExactlyWhenABruteForceWindowMeetsTheCondition() {
        Randomized.check(
                300,
                r -> new CountCase(
                        Randomized.list(r, 0, 60, EventCountPropertyTest::step),
                        Randomized.pick(r, Comparison.Operator.values()),
                        Randomized.between(r, 0, 6),
                        Randomized.between(r, 0L, 40L)),
                in -> eventCount(in.steps(), in.op(), in.threshold(), in.timespan()));
    }

    private void eventCount(List<Step> steps, Comparison.Operator op, int threshold, long timespan) {
        Comparison condition = new Comparison(op, threshold);
        Feeder f = new Feeder(ruleSet(
                List.of(hit),
                correlation("c", CorrelationType.EVENT_COUNT, "hit")
                        .groupBy("g")
                        .timespan(timespan)
                        .condition(condition)
                        .build()));
        List<Integer> engineFires = new ArrayList<>();
        long time = 0;
        for (int i = 0; i < steps.size(); i++) {
            time += steps.get(i).gap();
            if (!f.feed(hit, time, "{\"g\":" + steps.get(i).group() + "}").isEmpty()) {
                engineFires.add(i);
            }
        }

        // Reference: per group, the events since the group's last firing with time in [t - timespan, t].
        List<Integer> expected = new ArrayList<>();
        Map<Integer, List<Long>> sinceReset = new HashMap<>();
        time = 0;
        for (int i = 0; i < steps.size(); i++) {
            time += steps.get(i).gap();
            List<Long> mine = sinceReset.computeIfAbsent(steps.get(i).group(), g -> new ArrayList<>());
            mine.add(time);
            long t = time;
            long count = mine.stream().filter(x -> x >= t - timespan).count();
            if (condition.test(count)) {
                expected.add(i);
                mine.clear();
            }
        }

        assertThat(engineFires).isEqualTo(expected);
    }

    @Test
    void temporalOrderedFiresExactlyWhenABruteForceChainExists() {
        Randomized.check(
                300,
                r -> new OrderedCase(
                        Randomized.list(r, 0, 40, EventCountPropertyTest::step), Randomized.between(r, 0L, 40L)),
                in -> temporalOrdered(in.steps(), in.timespan()));
    }

    private void temporalOrdered(List<Step> steps, long timespan) {
        List<SigmaRule> rules = List.of(hit, second, third);
        Feeder f = new Feeder(ruleSet(
                rules,
                correlation("o", CorrelationType.TEMPORAL_ORDERED, "hit", "second", "third")
                        .groupBy("g")
                        .timespan(timespan)
                        .build()));
        List<Integer> engineFires = new ArrayList<>();
        long time = 0;
        for (int i = 0; i < steps.size(); i++) {
            time += steps.get(i).gap();
            if (!f.feed(
                            rules.get(steps.get(i).rule()),
                            time,
                            "{\"g\":" + steps.get(i).group() + "}")
                    .isEmpty()) {
                engineFires.add(i);
            }
        }

        // Reference: any (hit, second, third) triple among the window's events with non-decreasing times.
        List<Integer> expected = new ArrayList<>();
        Map<Integer, List<long[]>> sinceReset = new HashMap<>();
        time = 0;
        for (int i = 0; i < steps.size(); i++) {
            time += steps.get(i).gap();
            List<long[]> mine = sinceReset.computeIfAbsent(steps.get(i).group(), g -> new ArrayList<>());
            mine.add(new long[] {time, steps.get(i).rule()});
            long t = time;
            List<long[]> window =
                    mine.stream().filter(x -> x[0] >= t - timespan).toList();
            if (chainExists(window)) {
                expected.add(i);
                mine.clear();
            }
        }

        assertThat(engineFires).isEqualTo(expected);
    }

    private static boolean chainExists(List<long[]> window) {
        for (long[] a : window) {
            for (long[] b : window) {
                for (long[] c : window) {
                    if (a[1] == 0 && b[1] == 1 && c[1] == 2 && a[0] <= b[0] && b[0] <= c[0]) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
