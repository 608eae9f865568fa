package dev.vigil.detect.rule;

import static dev.vigil.detect.rule.Loads.rejects;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.detect.rule.Comparison.Operator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Correlation documents: parsing, defaults, references across documents and files, and every rejection. */
class CorrelationLoadTest {

    static String base(String id, String name) {
        return "title: Base " + name + "\nid: " + id + "\nname: " + name
                + "\nlogsource: {product: aws, service: cloudtrail}\n"
                + "detection:\n  sel:\n    eventName: " + name + "\n  condition: sel\n";
    }

    /** A correlation; line numbers: title 1, correlation 2, type 3, rules 4. */
    static String correlation(String title, String body) {
        return "title: " + title + "\ncorrelation:\n" + body;
    }

    @Test
    void an_event_count_correlation_in_the_same_file() {
        String text = base("id-1", "failed_login") + "---\n" + "title: Many failures\nid: c-1\nlevel: high\n"
                + "correlation:\n  type: event_count\n  rules: failed_login\n  group-by: userIdentity.arn\n"
                + "  timespan: 15m\n  condition:\n    gte: 10\n    lt: 100\n";
        RuleSet set = Loads.texts(text);
        assertThat(set.problems()).isEmpty();
        CorrelationRule c = set.correlation("c-1").orElseThrow();
        assertThat(c.type()).isEqualTo(CorrelationType.EVENT_COUNT);
        assertThat(c.rules()).containsExactly("id-1"); // the name as written resolves to the rule's key
        assertThat(c.groupBy()).containsExactly("userIdentity.arn");
        assertThat(c.timespanMillis()).isEqualTo(15 * 60_000L);
        assertThat(c.condition()).containsExactly(new Comparison(Operator.GTE, 10), new Comparison(Operator.LT, 100));
        assertThat(c.valueFields()).isEmpty();
        assertThat(c.percentile()).isNaN();
        assertThat(c.generate()).isFalse();
        assertThat(c.info().level()).isEqualTo(Level.HIGH);
        assertThat(c.origin()).isEqualTo(new RuleOrigin("a.yml", 10));
    }

    @Test
    void references_resolve_across_files_by_id_or_name() {
        RuleSet set = Loads.texts(
                correlation(
                        "T",
                        "  type: temporal_ordered\n  rules: [first, id-2]\n  group-by: [a, b]\n"
                                + "  timespan: 1h\n  generate: true\n"),
                base("id-1", "first"),
                base("id-2", "second"));
        assertThat(set.problems()).isEmpty();
        CorrelationRule c = set.correlations().get(0);
        assertThat(c.rules()).containsExactly("id-1", "id-2");
        assertThat(c.groupBy()).containsExactly("a", "b");
        assertThat(c.generate()).isTrue();
        // temporal types without a condition need every referenced rule
        assertThat(c.condition()).containsExactly(new Comparison(Operator.GTE, 2));
    }

    @Test
    void value_types_keep_their_field_and_percentile() {
        RuleSet set = Loads.texts(
                base("id-1", "r"),
                correlation(
                                "V",
                                "  type: value_count\n  rules: [r]\n  timespan: 10m\n"
                                        + "  condition: {field: requestParameters.secretId, gte: 10}\n")
                        + "---\n"
                        + correlation(
                                "P",
                                "  type: value_percentile\n  rules: [r]\n  timespan: 1d\n"
                                        + "  condition: {field: [bytes], percentile: 95, gt: 1000}\n"));
        assertThat(set.problems()).isEmpty();
        assertThat(set.correlation("V").orElseThrow().valueFields()).containsExactly("requestParameters.secretId");
        CorrelationRule p = set.correlation("P").orElseThrow();
        assertThat(p.valueFields()).containsExactly("bytes");
        assertThat(p.percentile()).isEqualTo(95.0);
        assertThat(p.condition()).containsExactly(new Comparison(Operator.GT, 1000));
    }

    @Test
    void aliases_map_each_rule_reference_to_its_key() {
        RuleSet set = Loads.texts(base("id-1", "one") + "---\n" + base("id-2", "two") + "---\n"
                + correlation(
                        "T",
                        "  type: temporal\n  rules: [one, two]\n  group-by: [user]\n"
                                + "  timespan: 5m\n  aliases:\n    user:\n      one: userName\n"
                                + "      two: userIdentity.arn\n"));
        assertThat(set.problems()).isEmpty();
        assertThat(set.correlations().get(0).aliases())
                .isEqualTo(Map.of("user", Map.of("id-1", "userName", "id-2", "userIdentity.arn")));
    }

    @Test
    void correlations_may_reference_correlations() {
        RuleSet set = Loads.texts(
                correlation("Outer", "  type: temporal\n  rules: [inner, id-2]\n  timespan: 1h\n"),
                "title: Inner\nname: inner\ncorrelation:\n  type: event_count\n  rules: [id-1]\n"
                        + "  timespan: 10m\n  condition: {gte: 3}\n",
                base("id-1", "one"),
                base("id-2", "two"));
        assertThat(set.problems()).isEmpty();
        assertThat(set.correlation("Outer").orElseThrow().rules()).containsExactly("inner", "id-2");
    }

    @Test
    void an_unknown_reference_is_rejected() {
        rejects(
                correlation("C", "  type: event_count\n  rules: [nope]\n  timespan: 5m\n  condition: {gt: 1}\n"),
                4,
                "correlation refers to unknown rule 'nope'");
    }

    @Test
    void a_reference_to_a_skipped_or_rejected_rule_says_so() {
        RuleSet set = Loads.texts(
                correlation("C", "  type: temporal\n  rules: [old, broken]\n  timespan: 5m\n"),
                "title: Old\nname: old\nstatus: deprecated\ndetection: {}\n",
                "title: Broken\nname: broken\naction: global\n");
        assertThat(set.problems())
                .extracting(RuleProblem::toString)
                .containsExactly(
                        "c.yml:3: Sigma v1 rule collections are not supported (action: global)",
                        "a.yml:4: correlation refers to unknown rule 'old': a rule with that id or name is skipped"
                                + " (status deprecated)");
        RuleSet broken = Loads.texts(
                correlation("C", "  type: temporal\n  rules: [broken]\n  timespan: 5m\n"),
                "title: Broken\nname: broken\naction: global\n");
        assertThat(broken.problems().get(1).toString())
                .isEqualTo("a.yml:4: correlation refers to unknown rule 'broken': a rule with that id or name was"
                        + " rejected at b.yml:1");
    }

    @Test
    void a_correlation_referring_to_a_rejected_correlation_is_rejected() {
        RuleSet set = Loads.texts(
                correlation("Outer", "  type: temporal\n  rules: [inner]\n  timespan: 1h\n"),
                "title: Inner\nname: inner\ncorrelation:\n  type: event_count\n  rules: [missing]\n"
                        + "  timespan: 10m\n  condition: {gte: 3}\n");
        assertThat(set.problems())
                .extracting(RuleProblem::toString)
                .containsExactly(
                        "b.yml:5: correlation refers to unknown rule 'missing'",
                        "a.yml:4: correlation refers to 'inner', a correlation that was rejected at b.yml:1");
        assertThat(set.correlations()).isEmpty();
    }

    @Test
    void reference_cycles_are_rejected() {
        RuleSet set = Loads.texts(
                "title: A\nname: ca\ncorrelation:\n  type: temporal\n  rules: [cb]\n  timespan: 1h\n",
                "title: B\nname: cb\ncorrelation:\n  type: temporal\n  rules: [ca]\n  timespan: 1h\n",
                "title: Self\nname: cs\ncorrelation:\n  type: temporal\n  rules: [cs]\n  timespan: 1h\n");
        assertThat(set.problems())
                .extracting(RuleProblem::toString)
                .containsExactly(
                        "a.yml:5: correlation references form a cycle (through 'ca')",
                        "b.yml:5: correlation references form a cycle (through 'cb')",
                        "c.yml:5: correlation references form a cycle (through 'cs')");
        assertThat(set.correlations()).isEmpty();
    }

    @Test
    void rejection_cascades_along_a_chain_and_past_a_cycle() {
        RuleSet set = Loads.texts(
                "title: A\nname: ca\ncorrelation:\n  type: temporal\n  rules: [cb]\n  timespan: 1h\n",
                "title: B\nname: cb\ncorrelation:\n  type: temporal\n  rules: [cc]\n  timespan: 1h\n",
                "title: C\nname: cc\ncorrelation:\n  type: temporal\n  rules: [gone]\n  timespan: 1h\n",
                "title: D\nname: cd\ncorrelation:\n  type: temporal\n  rules: [cd2]\n  timespan: 1h\n---\n"
                        + "title: D2\nname: cd2\ncorrelation:\n  type: temporal\n  rules: [cd]\n  timespan: 1h\n",
                "title: E\nname: ce\ncorrelation:\n  type: temporal\n  rules: [cd]\n  timespan: 1h\n");
        assertThat(set.problems())
                .extracting(RuleProblem::toString)
                .containsExactly(
                        "c.yml:5: correlation refers to unknown rule 'gone'",
                        "a.yml:5: correlation refers to 'cb', a correlation that was rejected at b.yml:1",
                        "b.yml:5: correlation refers to 'cc', a correlation that was rejected at c.yml:1",
                        "d.yml:5: correlation references form a cycle (through 'cd')",
                        "d.yml:12: correlation references form a cycle (through 'cd2')",
                        "e.yml:5: correlation refers to 'cd', which is on or behind a reference cycle");
        assertThat(set.correlations()).isEmpty();
    }

    @Test
    void a_duplicate_correlation_id_is_rejected() {
        String c = "title: X\nid: same\ncorrelation:\n  type: temporal\n  rules: [a]\n  timespan: 1h\n";
        RuleSet set = Loads.texts(c, c);
        assertThat(set.problems())
                .extracting(RuleProblem::toString)
                .contains("b.yml:2: duplicate id 'same' (first defined at a.yml:1)");
    }

    @Test
    void invalid_correlation_fields_are_rejected_on_their_line() {
        rejects(
                correlation("C", "  type: sum\n  rules: [r]\n  timespan: 5m\n"),
                3,
                "unknown correlation type 'sum' (expected event_count, value_count, temporal, temporal_ordered,"
                        + " value_sum, value_avg or value_percentile)");
        rejects(correlation("C", "  rules: [r]\n  timespan: 5m\n"), 3, "missing correlation type");
        rejects(correlation("C", "  type: temporal\n  timespan: 5m\n"), 2, "missing correlation rules");
        rejects(correlation("C", "  type: temporal\n  rules: []\n  timespan: 5m\n"), 4, "correlation rules is empty");
        rejects(
                correlation("C", "  type: temporal\n  rules: [r]\n  timespan: 5x\n"),
                5,
                "invalid timespan '5x' (expected a positive whole number followed by s, m, h, d, w, M or y, e.g. 15m)");
        rejects(correlation("C", "  type: temporal\n  rules: [r]\n"), 3, "missing correlation timespan");
        rejects(
                correlation("C", "  type: event_count\n  rules: [r]\n  timespan: 5m\n"),
                3,
                "event_count needs a condition with gt, gte, lt, lte, eq or neq");
        rejects(
                correlation("C", "  type: value_count\n  rules: [r]\n  timespan: 5m\n  condition: {gte: 2}\n"),
                6,
                "value_count needs condition.field");
        rejects(
                correlation("C", "  type: event_count\n  rules: [r]\n  timespan: 5m\n  condition:\n    above: 2\n"),
                7,
                "unknown correlation condition 'above' (expected gt, gte, lt, lte, eq, neq, field or percentile)");
        rejects(
                correlation("C", "  type: event_count\n  rules: [r]\n  timespan: 5m\n  condition:\n    gt: lots\n"),
                7,
                "gt must be a number");
        rejects(
                correlation("C", "  type: temporal\n  rules: [r]\n  timespan: 5m\n  condition: a and b\n"),
                6,
                "correlation condition must be a map such as {gte: 10} (extended string conditions are not"
                        + " supported)");
        rejects(
                correlation(
                        "C",
                        "  type: value_percentile\n  rules: [r]\n  timespan: 5m\n"
                                + "  condition: {field: x, percentile: 101, gt: 1}\n"),
                6,
                "percentile must be between 0 and 100");
        rejects(
                correlation("C", "  type: temporal\n  rules: [r]\n  timespan: 5m\n  generate: yes\n"),
                6,
                "generate must be true or false");
        rejects(
                correlation("C", "  type: temporal\n  rules: [r]\n  timespan: 5m\n  aliases: [x]\n"),
                6,
                "aliases must be a map");
    }

    @Test
    void alias_references_must_resolve() {
        RuleSet set = Loads.texts(base("id-1", "r") + "---\n"
                + correlation(
                        "C", "  type: temporal\n  rules: [r]\n  timespan: 5m\n  aliases:\n    u:\n      nope: f\n"));
        assertThat(set.problems())
                .extracting(RuleProblem::toString)
                .containsExactly("a.yml:15: alias 'u' refers to unknown rule 'nope'");
    }

    @Test
    void correlations_do_not_need_a_logsource_or_an_id() {
        // The title is then the key other rules could use; the reference here is unknown, so it is rejected,
        // but not for lacking a logsource.
        RuleProblem p = Loads.onlyProblem(correlation("No id", "  type: temporal\n  rules: [x]\n  timespan: 5m\n"));
        assertThat(p.reason()).isEqualTo("correlation refers to unknown rule 'x'");
        assertThat(List.of(p.line())).containsExactly(4);
    }
}
