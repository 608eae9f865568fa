package dev.vigil.detect.correlation;

import static dev.vigil.detect.correlation.Fixtures.base;
import static dev.vigil.detect.correlation.Fixtures.correlation;
import static dev.vigil.detect.correlation.Fixtures.ruleSet;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.detect.correlation.Fixtures.Feeder;
import dev.vigil.detect.rule.Comparison;
import dev.vigil.detect.rule.CorrelationType;
import dev.vigil.detect.rule.SigmaRule;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

/** The engine against a brute-force reference over the time-sorted observations. */
class EventCountPropertyTest {
    private final SigmaRule hit = base("hit");
    private final SigmaRule second = base("second");
    private final SigmaRule third = base("third");

    /** One base event: which group, and how far after the previous event (0 = same time). */
    record Step(int group, int gap, int rule) {}

    @Provide
    Arbitrary<List<Step>> steps() {
        Arbitrary<Step> step = net.jqwik.api.Combinators.combine(
                        Arbitraries.integers().between(0, 2),
                        Arbitraries.frequencyOf(
                                net.jqwik.api.Tuple.of(3, Arbitraries.just(0)),
                                net.jqwik.api.Tuple.of(7, Arbitraries.integers().between(1, 30))),
                        Arbitraries.integers().between(0, 2))
                .as(Step::new);
        return step.list().ofMaxSize(60);
    }

    @Provide
    Arbitrary<Comparison.Operator> operators() {
        return Arbitraries.of(Comparison.Operator.class);
    }

    @Property(tries = 300)
    void eventCountFiresExactlyWhenABruteForceWindowMeetsTheCondition(
            @ForAll("steps") List<Step> steps,
            @ForAll("operators") Comparison.Operator op,
            @ForAll @IntRange(min = 0, max = 6) int threshold,
            @ForAll @LongRange(min = 0, max = 40) long timespan) {
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

    @Property(tries = 300)
    void temporalOrderedFiresExactlyWhenABruteForceChainExists(
            @ForAll("steps") @Size(max = 40) List<Step> steps, @ForAll @LongRange(min = 0, max = 40) long timespan) {
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
