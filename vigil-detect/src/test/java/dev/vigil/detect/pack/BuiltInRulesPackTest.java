package dev.vigil.detect.pack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.detect.correlation.CorrelationEngine;
import dev.vigil.detect.correlation.InMemoryCorrelationStore;
import dev.vigil.detect.correlation.Observation;
import dev.vigil.detect.engine.CorrelationMatch;
import dev.vigil.detect.engine.RuleMatch;
import dev.vigil.detect.engine.SigmaEngine;
import dev.vigil.detect.event.JsonTreeEvent;
import dev.vigil.detect.event.LogSource;
import dev.vigil.detect.rule.RuleLoader;
import dev.vigil.detect.rule.RuleSet;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs every fixture of {@code src/test/resources/pack/<rule-id>/} through the loaded pack.
 *
 * <ul>
 *   <li>{@code positive.jsonl}: each line matches exactly {@code <rule-id>} (or, when {@code positive.expect} exists,
 *       exactly the comma-separated ids on the same line of it);
 *   <li>{@code negative.jsonl}: each line matches nothing from the pack (or exactly the ids of {@code
 *       negative.expect}, {@code -} meaning none: base rules that only feed correlations);
 *   <li>{@code sequence.jsonl}: fed in order through {@link SigmaEngine} and {@link CorrelationEngine}, the pack's
 *       correlations fire exactly as listed in {@code expected.txt} ({@code <id> field=value…}, one line per firing);
 *   <li>{@code negative-sequence.jsonl}: no correlation fires.
 * </ul>
 *
 * Shield lines get the log source the telemetry reader gives them: product {@code vigil}, service = {@code
 * vigil.kind}; the others are CloudTrail records.
 */
class BuiltInRulesPackTest {

    private static RuleSet pack;

    /** The loaded pack, shared by the tests. */
    private static synchronized RuleSet pack() {
        if (pack == null) {
            pack = BuiltInRules.load(RuleLoader.create());
        }
        return pack;
    }

    @Test
    void packLoadsWithoutProblems() {
        RuleSet rules = pack();
        assertThat(rules.problems()).isEmpty();
        assertThat(rules.skippedDeprecated()).isZero();
        assertThat(rules.skippedUnsupported()).isZero();
        assertThat(rules.detections()).hasSize(14);
        assertThat(rules.correlations()).hasSize(3);
        Set<String> ids = new TreeSet<>();
        rules.detections().forEach(r -> ids.add(r.info().id()));
        rules.correlations().forEach(r -> ids.add(r.info().id()));
        assertThat(ids).isEqualTo(BuiltInRulesIndexTest.ids());
        rules.detections().forEach(r -> assertThat(r.info().author()).isEqualTo("Vigil"));
    }

    @Test
    void correlationsReferenceTheirBaseRulesByKey() {
        RuleSet rules = pack();
        assertThat(rules.correlation("VGL-SH-004").orElseThrow().rules()).containsExactly("VGL-SH-003");
        assertThat(rules.correlation("VGL-SH-009").orElseThrow().rules()).containsExactly("VGL-SH-008");
        assertThat(rules.correlation("VGL-CT-008").orElseThrow().rules()).containsExactly("VGL-CT-006", "VGL-CT-007");
        rules.correlations().forEach(c -> assertThat(c.generate()).isFalse());
    }

    static Stream<Arguments> singleEventFixtures() {
        Path root = PackFixtures.fixturesRoot();
        List<Arguments> out = new ArrayList<>();
        for (String id : BuiltInRulesIndexTest.ids()) {
            for (String kind : List.of("positive", "negative")) {
                Path dir = root.resolve(id);
                List<String> events = PackFixtures.lines(dir.resolve(kind + ".jsonl"));
                List<String> expect = PackFixtures.lines(dir.resolve(kind + ".expect"));
                if (!expect.isEmpty()) {
                    assertThat(expect)
                            .as(id + "/" + kind + ".expect has one line per event")
                            .hasSameSizeAs(events);
                }
                for (int i = 0; i < events.size(); i++) {
                    Set<String> expected = new TreeSet<>();
                    if (!expect.isEmpty()) {
                        expected.addAll(ids(expect.get(i)));
                    } else if (kind.equals("positive")) {
                        expected.add(id);
                    }
                    out.add(Arguments.of(id + "/" + kind + ".jsonl:" + (i + 1), events.get(i), expected));
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("singleEventFixtures")
    void fixtureMatchesExactlyTheExpectedRules(String where, String line, Set<String> expected) {
        SigmaEngine engine = SigmaEngine.create(pack());
        Set<String> matched = engine.match(event(line)).stream()
                .map(m -> m.info().id())
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(matched).as(where).isEqualTo(expected);
    }

    static Stream<Arguments> sequences() {
        Path root = PackFixtures.fixturesRoot();
        List<Arguments> out = new ArrayList<>();
        for (String id : BuiltInRulesIndexTest.ids()) {
            Path dir = root.resolve(id);
            List<String> expected = PackFixtures.lines(dir.resolve("expected.txt"));
            if (expected.isEmpty()) {
                continue;
            }
            out.add(Arguments.of(id + "/sequence.jsonl", PackFixtures.lines(dir.resolve("sequence.jsonl")), expected));
            out.add(Arguments.of(
                    id + "/negative-sequence.jsonl",
                    PackFixtures.lines(dir.resolve("negative-sequence.jsonl")),
                    List.of()));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sequences")
    void sequenceFiresExactlyTheExpectedCorrelations(String where, List<String> lines, List<String> expected) {
        RuleSet rules = pack();
        SigmaEngine engine = SigmaEngine.create(rules);
        CorrelationEngine correlations = new CorrelationEngine(rules, new InMemoryCorrelationStore());
        List<CorrelationMatch> fired = new ArrayList<>();
        long sequence = 0;
        for (String line : lines) {
            for (RuleMatch match : engine.match(event(line))) {
                for (Observation o : correlations.observe(match, sequence++)) {
                    correlations.accept(o, fired::add);
                }
            }
        }
        List<String> described =
                fired.stream().map(BuiltInRulesPackTest::describe).toList();
        assertThat(described).as(where).containsExactlyElementsOf(expected);
    }

    private static String describe(CorrelationMatch m) {
        StringBuilder sb = new StringBuilder(m.info().id());
        new TreeMap<>(m.group())
                .forEach((k, v) -> sb.append(' ').append(k).append('=').append(v));
        return sb.toString();
    }

    /** The event with the log source a reader gives it: Shield lines by {@code vigil.kind}, else CloudTrail. */
    static JsonTreeEvent event(String line) {
        JsonTreeEvent probe = JsonTreeEvent.parse(line, LogSource.UNKNOWN);
        JsonNode kind = probe.root().path("vigil").path("kind");
        LogSource source = kind.isTextual() ? LogSource.of("vigil", kind.textValue()) : LogSource.AWS_CLOUDTRAIL;
        return new JsonTreeEvent(probe.root(), source, probe.origin());
    }

    private static Set<String> ids(String line) {
        if (line.strip().equals("-")) {
            return Set.of();
        }
        return Arrays.stream(line.split(",")).map(String::strip).collect(Collectors.toSet());
    }
}
