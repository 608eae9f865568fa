package dev.vigil.cli.hunt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.cli.ExitCodes;
import dev.vigil.detect.rule.Level;
import dev.vigil.detect.rule.RuleProblem;
import dev.vigil.detect.rule.RuleSet;
import dev.vigil.detect.rule.SigmaRule;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class HuntRunTest {
    private static final SigmaRule LOGIN = Fixtures.onEvent("r-login", "Console login", Level.LOW, "ConsoleLogin");
    private static final SigmaRule DELETE = Fixtures.onEvent("r-del", "Trail deleted", Level.HIGH, "DeleteTrail");
    private static final List<String> LINES = List.of(
            Fixtures.cloudTrail("ConsoleLogin", "2023-07-10T11:59:00Z", "a"),
            Fixtures.cloudTrail("DeleteTrail", "2023-07-10T12:30:00Z", "a"),
            "not json",
            Fixtures.cloudTrail("ConsoleLogin", "2023-07-11T08:00:00Z", "a"));

    record Result(int exit, String out, String err, HuntStats stats) {}

    static Result run(HuntSettings settings, RuleSet rules) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        HuntRun run = new HuntRun(settings, new PrintWriter(err, true));
        int stop = run.checkRules(rules);
        int exit = stop >= 0 ? stop : run.execute(rules, Fixtures.PARSER, Correlator.NONE, Fixtures.lines(LINES), out);
        return new Result(exit, out.toString(), err.toString(), run.stats());
    }

    private static RuleSet rules(RuleProblem... problems) {
        return new RuleSet(List.of(LOGIN, DELETE), List.of(), List.of(problems), 2, 1);
    }

    @Test
    void fail_on_exits_1_when_a_printed_match_reaches_the_level() {
        assertThat(run(HuntSettings.defaults().withFailOn(Level.HIGH), rules()).exit())
                .isEqualTo(ExitCodes.FINDINGS);
        assertThat(run(HuntSettings.defaults().withFailOn(Level.CRITICAL), rules())
                        .exit())
                .isEqualTo(ExitCodes.OK);
        assertThat(run(HuntSettings.defaults(), rules()).exit()).isEqualTo(ExitCodes.OK);
    }

    @Test
    void fail_on_only_counts_what_min_level_and_time_bounds_let_through() {
        HuntFilter before = new HuntFilter(
                Long.MIN_VALUE, TimeBound.toExclusive("2023-07-10T12:00:00Z"), Level.INFORMATIONAL, false);
        Result r = run(HuntSettings.defaults().withFailOn(Level.HIGH).withFilter(before), rules());
        assertThat(r.exit()).isEqualTo(ExitCodes.OK);
        assertThat(r.stats().matches()).isEqualTo(1);
        assertThat(r.stats().outOfRange()).isEqualTo(2);

        HuntFilter dayTwo =
                new HuntFilter(TimeBound.from("2023-07-11"), TimeBound.toExclusive("2023-07-11"), Level.LOW, false);
        Result d = run(HuntSettings.defaults().withFailOn(Level.LOW).withFilter(dayTwo), rules());
        assertThat(d.exit()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(d.stats().matches()).isEqualTo(1);

        HuntFilter onlyCritical = new HuntFilter(Long.MIN_VALUE, Long.MAX_VALUE, Level.CRITICAL, false);
        Result c = run(HuntSettings.defaults().withFailOn(Level.LOW).withFilter(onlyCritical), rules());
        assertThat(c.exit()).isEqualTo(ExitCodes.OK);
        assertThat(c.out()).isEqualTo("No matches.\n");
    }

    @Test
    void rule_problems_are_printed_with_counts_and_fatal_only_with_strict() {
        RuleProblem p = new RuleProblem("rules/bad.yml", 7, "unknown modifier 'foo'");
        Result lenient = run(HuntSettings.defaults(), rules(p));
        assertThat(lenient.exit()).isEqualTo(ExitCodes.OK);
        assertThat(lenient.err())
                .contains("rules/bad.yml:7: unknown modifier 'foo'")
                .contains("rules: 2 loaded (2 detection, 0 correlation), 3 skipped (2 deprecated, 1 unsupported),"
                        + " 1 rejected");
        Result strict = run(HuntSettings.defaults().withStrict(true), rules(p));
        assertThat(strict.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(strict.out()).isEmpty();
        assertThat(strict.err()).contains("--strict");
    }

    @Test
    void no_usable_rule_is_a_usage_error() {
        Result r = run(HuntSettings.defaults(), new RuleSet(List.of(), List.of(), List.of(), 0, 0));
        assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("no usable detection rules");
    }

    @Test
    void summary_line_counts_records_matches_and_problems() {
        Result r = run(HuntSettings.defaults().withThreads(2).withFormat(OutputFormat.JSONL), rules());
        String summary =
                r.err().lines().filter(l -> l.startsWith("hunt: ")).findFirst().orElseThrow();
        assertThat(summary)
                .startsWith("hunt: 4 records, 3 matches, 0 correlations, 1 input problems, ")
                .endsWith("records/s");
        assertThat(r.err()).contains("t.jsonl:3: not JSON");
        assertThat(r.out().lines()).hasSize(3);
    }

    @Test
    void quiet_keeps_problems_but_drops_counts_and_summary() {
        HuntSettings quiet =
                new HuntSettings(OutputFormat.TABLE, HuntFilter.NONE, null, null, 1, false, true, true, -1);
        Result r = run(quiet, rules());
        assertThat(r.err()).contains("t.jsonl:3: not JSON").doesNotContain("hunt: 4 records", "rules: ");
    }
}
