package dev.vigil.cli.hunt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.detect.engine.CorrelationMatch;
import dev.vigil.detect.engine.SigmaEngine;
import dev.vigil.detect.rule.Level;
import dev.vigil.detect.rule.RuleSet;
import dev.vigil.detect.rule.SigmaRule;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

class PipelineTest {
    private static final SigmaRule LOGIN = Fixtures.onEvent("r-login", "Console login", Level.LOW, "ConsoleLogin");
    private static final SigmaRule DELETE = Fixtures.onEvent("r-del", "Trail deleted", Level.HIGH, "DeleteTrail");

    /** Collects what the pipeline reports, in order. */
    static final class Collect implements HuntOutput {
        final List<Hit> hits = new ArrayList<>();
        final List<CorrelationMatch> correlations = new ArrayList<>();
        boolean finished;

        @Override
        public void hit(Hit hit) {
            assertThat(correlations)
                    .as("correlations come after every single-event match")
                    .isEmpty();
            hits.add(hit);
        }

        @Override
        public void correlation(CorrelationMatch match) {
            correlations.add(match);
        }

        @Override
        public void finish() {
            finished = true;
        }
    }

    record Outcome(Collect out, HuntStats stats, String err) {}

    static Outcome hunt(
            List<String> lines,
            List<SigmaRule> rules,
            RecordParser parser,
            Correlator correlator,
            HuntFilter filter,
            int threads,
            int batch,
            int maxObservations)
            throws IOException {
        SigmaEngine engine = SigmaEngine.create(new RuleSet(rules, List.of(), List.of(), 0, 0));
        HuntPipeline p = new HuntPipeline(parser, engine::match, correlator, filter, threads, batch, maxObservations);
        StringWriter err = new StringWriter();
        PrintWriter pw = new PrintWriter(err, true);
        Collect out = new Collect();
        ProblemReporter problems = new ProblemReporter(pw, 5);
        HuntStats stats = p.run(Fixtures.lines(lines), out, problems, m -> pw.println("warning: " + m));
        problems.finish("input problems");
        assertThat(out.finished).isTrue();
        return new Outcome(out, stats, err.toString());
    }

    static String time(int minute) {
        return Instant.parse("2023-07-10T12:00:00Z").plusSeconds(60L * minute).toString();
    }

    @Test
    void output_order_is_input_order_with_many_threads_and_uneven_work() throws IOException {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            lines.add(Fixtures.cloudTrail(i % 3 == 0 ? "ConsoleLogin" : "ListBuckets", time(i % 500), "arn:u" + i));
        }
        RecordParser slowSometimes = r -> {
            if (ThreadLocalRandom.current().nextInt(50) == 0) {
                try {
                    Thread.sleep(1);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return Fixtures.PARSER.parse(r);
        };
        Outcome o = hunt(lines, List.of(LOGIN), slowSometimes, Correlator.NONE, HuntFilter.NONE, 4, 7, 1000);
        assertThat(o.out.hits).hasSize(1000);
        for (int i = 0; i < o.out.hits.size(); i++) {
            assertThat(o.out.hits.get(i).origin().line()).isEqualTo(3L * i + 1);
        }
        assertThat(o.stats.records()).isEqualTo(3000);
        assertThat(o.stats.matches()).isEqualTo(1000);
    }

    @Test
    void unreadable_records_are_reported_with_file_and_line_capped_and_counted() throws IOException {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            lines.add(i % 2 == 0 ? "{broken" : Fixtures.cloudTrail("DeleteTrail", time(i), "arn:x"));
        }
        Outcome o = hunt(lines, List.of(DELETE), Fixtures.PARSER, Correlator.NONE, HuntFilter.NONE, 2, 3, 1000);
        assertThat(o.stats.problems()).isEqualTo(10);
        assertThat(o.stats.matches()).isEqualTo(10);
        assertThat(o.err).startsWith("t.jsonl:1: not JSON\nt.jsonl:3: not JSON\n");
        assertThat(o.err.lines().filter(l -> l.endsWith("not JSON")).count()).isEqualTo(5);
        assertThat(o.err).contains("... and 5 more input problems (10 in all)");
    }

    @Test
    void time_bounds_drop_matches_outside_and_undated_ones_only_when_bounded() throws IOException {
        List<String> lines = List.of(
                Fixtures.cloudTrail("DeleteTrail", time(0), "a"),
                Fixtures.cloudTrail("DeleteTrail", time(10), "a"),
                Fixtures.cloudTrail("DeleteTrail", time(20), "a"),
                Fixtures.cloudTrail("DeleteTrail", null, "a"));
        Outcome all = hunt(lines, List.of(DELETE), Fixtures.PARSER, Correlator.NONE, HuntFilter.NONE, 2, 2, 100);
        assertThat(all.stats.matches()).isEqualTo(4);

        long from = TimeBound.from(time(5));
        long to = TimeBound.toExclusive(time(10));
        HuntFilter bounded = new HuntFilter(from, to, Level.INFORMATIONAL, false);
        Outcome some = hunt(lines, List.of(DELETE), Fixtures.PARSER, Correlator.NONE, bounded, 2, 2, 100);
        assertThat(some.out.hits).extracting(h -> h.origin().line()).containsExactly(2L);
        assertThat(some.stats.outOfRange()).isEqualTo(3);
    }

    @Test
    void min_level_hides_matches_and_reports_the_highest_printed_level() throws IOException {
        List<String> lines = List.of(
                Fixtures.cloudTrail("ConsoleLogin", time(0), "a"), Fixtures.cloudTrail("DeleteTrail", time(1), "a"));
        HuntFilter high = new HuntFilter(Long.MIN_VALUE, Long.MAX_VALUE, Level.HIGH, false);
        Outcome o = hunt(lines, List.of(LOGIN, DELETE), Fixtures.PARSER, Correlator.NONE, high, 1, 512, 100);
        assertThat(o.out.hits).extracting(h -> h.info().id()).containsExactly("r-del");
        assertThat(o.stats.hidden()).isEqualTo(1);
        assertThat(o.stats.highest()).isEqualTo(Level.HIGH);
        assertThat(o.stats.reached(Level.CRITICAL)).isFalse();
        assertThat(o.stats.reached(Level.MEDIUM)).isTrue();
    }

    @Test
    void correlations_see_observations_sorted_by_time_then_input_order_and_print_last() throws IOException {
        // input out of time order; two users; the correlation fires on every 2nd observation per user
        List<String> lines = List.of(
                Fixtures.cloudTrail("ConsoleLogin", time(30), "u1"),
                Fixtures.cloudTrail("ConsoleLogin", time(10), "u2"),
                Fixtures.cloudTrail("ConsoleLogin", time(20), "u1"),
                Fixtures.cloudTrail("ConsoleLogin", time(10), "u1"),
                Fixtures.cloudTrail("DeleteTrail", time(40), "u2"),
                Fixtures.cloudTrail("ConsoleLogin", time(5), "u2"));
        Fixtures.CountingCorrelator c = new Fixtures.CountingCorrelator(
                Fixtures.correlation("c1", Level.CRITICAL, List.of("r-login"), true), "r-login");
        Outcome o = hunt(lines, List.of(LOGIN, DELETE), Fixtures.PARSER, c, HuntFilter.NONE, 3, 1, 1000);
        assertThat(c.fed).extracting(ob -> ob.origin().line()).containsExactly(6L, 2L, 4L, 3L, 1L);
        assertThat(c.fed).extracting(ob -> ob.sequence()).containsExactly(5L, 1L, 3L, 2L, 0L);
        assertThat(o.out.hits).hasSize(6); // generate: true, so base matches are printed too
        assertThat(o.out.correlations)
                .extracting(m -> m.group().get("userIdentity.arn"))
                .containsExactly("u2", "u1");
        assertThat(o.stats.correlations()).isEqualTo(2);
        assertThat(o.stats.observations()).isEqualTo(5);
        assertThat(o.stats.highest()).isEqualTo(Level.CRITICAL);
    }

    @Test
    void generate_false_hides_base_matches_unless_all_matches() throws IOException {
        List<String> lines = List.of(
                Fixtures.cloudTrail("ConsoleLogin", time(1), "u1"),
                Fixtures.cloudTrail("ConsoleLogin", time(2), "u1"),
                Fixtures.cloudTrail("DeleteTrail", time(3), "u1"));
        Fixtures.CountingCorrelator quiet = new Fixtures.CountingCorrelator(
                Fixtures.correlation("c1", Level.MEDIUM, List.of("r-login"), false), "r-login");
        Outcome o = hunt(lines, List.of(LOGIN, DELETE), Fixtures.PARSER, quiet, HuntFilter.NONE, 2, 1, 1000);
        assertThat(o.out.hits).extracting(h -> h.info().id()).containsExactly("r-del");
        assertThat(o.out.correlations).hasSize(1);
        assertThat(o.stats.hidden()).isEqualTo(2);

        Fixtures.CountingCorrelator again = new Fixtures.CountingCorrelator(
                Fixtures.correlation("c1", Level.MEDIUM, List.of("r-login"), false), "r-login");
        HuntFilter all = new HuntFilter(Long.MIN_VALUE, Long.MAX_VALUE, Level.INFORMATIONAL, true);
        Outcome a = hunt(lines, List.of(LOGIN, DELETE), Fixtures.PARSER, again, all, 2, 1, 1000);
        assertThat(a.out.hits).extracting(h -> h.info().id()).containsExactly("r-login", "r-login", "r-del");
        assertThat(a.out.correlations).hasSize(1);
    }

    @Test
    void a_correlation_that_only_feeds_a_silent_correlation_is_hidden_too() throws IOException {
        List<String> lines = List.of(
                Fixtures.cloudTrail("ConsoleLogin", time(1), "u1"), Fixtures.cloudTrail("ConsoleLogin", time(2), "u1"));
        Fixtures.CountingCorrelator inner =
                new Fixtures.CountingCorrelator(
                        Fixtures.correlation("c-inner", Level.HIGH, List.of("r-login"), true), "r-login") {
                    @Override
                    public boolean generatesAlerts(String ruleKey) {
                        return !ruleKey.equals("c-inner"); // an outer correlation says generate: false about c-inner
                    }
                };
        Outcome o = hunt(lines, List.of(LOGIN), Fixtures.PARSER, inner, HuntFilter.NONE, 1, 1, 100);
        assertThat(o.out.correlations).isEmpty();
        assertThat(o.stats.hidden()).isEqualTo(1);
    }

    @Test
    void observation_overflow_warns_and_feeds_the_rest_in_input_order() throws IOException {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            lines.add(Fixtures.cloudTrail("ConsoleLogin", time(100 - i), "u" + i));
        }
        Fixtures.CountingCorrelator c = new Fixtures.CountingCorrelator(
                Fixtures.correlation("c1", Level.MEDIUM, List.of("r-login"), true), "r-login");
        Outcome o = hunt(lines, List.of(LOGIN), Fixtures.PARSER, c, HuntFilter.NONE, 2, 1, 3);
        assertThat(o.err).contains("warning: more than 3 correlation observations");
        // the first three sorted by time (lines 3, 2, 1), then the rest as they came
        assertThat(c.fed).extracting(ob -> ob.origin().line()).containsExactly(3L, 2L, 1L, 4L, 5L, 6L);
    }

    @Test
    void a_failing_rule_or_parser_loses_one_record_not_the_run() throws IOException {
        SigmaRule exploding = new SigmaRule(
                Fixtures.info("boom", "Boom", Level.LOW, "x"),
                dev.vigil.detect.event.LogSource.AWS_CLOUDTRAIL,
                e -> {
                    if ("bad".equals(e.text(dev.vigil.detect.event.FieldPath.of("userIdentity.arn")))) {
                        throw new IllegalStateException("kaboom");
                    }
                    return false;
                },
                List.of(),
                new dev.vigil.detect.rule.RuleOrigin("b.yml", 1));
        List<String> lines = List.of(
                Fixtures.cloudTrail("DeleteTrail", time(1), "bad"), Fixtures.cloudTrail("DeleteTrail", time(2), "ok"));
        Outcome o =
                hunt(lines, List.of(exploding, DELETE), Fixtures.PARSER, Correlator.NONE, HuntFilter.NONE, 1, 1, 10);
        assertThat(o.err).contains("t.jsonl:1: rule evaluation failed");
        assertThat(o.stats.records()).isEqualTo(2);
        assertThat(o.out.hits).extracting(h -> h.origin().line()).contains(2L);
    }

    @Test
    void a_reader_failure_is_an_io_error_after_what_was_read() {
        SigmaEngine engine = SigmaEngine.create(new RuleSet(List.of(DELETE), List.of(), List.of(), 0, 0));
        HuntPipeline p = new HuntPipeline(Fixtures.PARSER, engine::match, Correlator.NONE, HuntFilter.NONE, 2, 1, 10);
        RecordSource failing = sink -> {
            Fixtures.lines(List.of(Fixtures.cloudTrail("DeleteTrail", time(1), "a")))
                    .read(sink);
            throw new IOException("disk on fire");
        };
        Collect out = new Collect();
        PrintWriter err = new PrintWriter(new StringWriter());
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> p.run(failing, out, new ProblemReporter(err, 5), m -> {}))
                .isInstanceOf(IOException.class)
                .hasMessage("disk on fire");
        assertThat(out.hits).hasSize(1);
    }
}
