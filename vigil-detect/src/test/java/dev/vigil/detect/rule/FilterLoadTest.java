package dev.vigil.detect.rule;

import static dev.vigil.detect.rule.Loads.rejects;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.detect.event.FieldPath;
import dev.vigil.detect.event.JsonTreeEvent;
import dev.vigil.detect.event.LogSource;
import org.junit.jupiter.api.Test;

/** Meta filters: which rules they apply to and what they do to them. */
class FilterLoadTest {

    static final String RULE = """
            title: Delete bucket
            id: r-1
            name: delete_bucket
            logsource: {product: aws, service: cloudtrail}
            detection:
              sel:
                eventName: DeleteBucket
              condition: sel
            """;

    static String filter(String rules, String logsource) {
        return "title: Not the admin\nlogsource: " + logsource + "\nfilter:\n  rules: " + rules + "\n"
                + "  sel:\n    userName: admin\n  condition: not sel\n";
    }

    private static boolean matches(RuleSet set, String json) {
        return set.detections().get(0).detection().test(JsonTreeEvent.parse(json, LogSource.AWS_CLOUDTRAIL));
    }

    private static final String BY_ADMIN = "{\"eventName\":\"DeleteBucket\",\"userName\":\"admin\"}";
    private static final String BY_BOB = "{\"eventName\":\"DeleteBucket\",\"userName\":\"bob\"}";

    @Test
    void a_filter_naming_the_rule_by_id_excludes_matching_events_and_keeps_its_identifiers_apart() {
        RuleSet set = Loads.texts(RULE, filter("[r-1]", "{product: aws}"));
        assertThat(set.problems()).isEmpty();
        assertThat(matches(set, BY_BOB)).isTrue();
        assertThat(matches(set, BY_ADMIN)).isFalse();
        assertThat(set.detections().get(0).fieldsUsed())
                .containsExactly(FieldPath.of("eventName"), FieldPath.of("userName"));
    }

    @Test
    void a_filter_may_name_the_rule_by_name_or_apply_to_any() {
        assertThat(matches(Loads.texts(filter("delete_bucket", "{product: aws}"), RULE), BY_ADMIN))
                .isFalse();
        assertThat(matches(Loads.texts(RULE, filter("any", "{service: cloudtrail}")), BY_ADMIN))
                .isFalse();
        assertThat(matches(Loads.texts(RULE, filter("[other, any]", "{product: aws}")), BY_ADMIN))
                .isFalse();
    }

    @Test
    void a_filter_applies_only_when_its_logsource_contains_the_rules() {
        assertThat(matches(Loads.texts(RULE, filter("[r-1]", "{product: azure}")), BY_ADMIN))
                .isTrue();
        assertThat(matches(Loads.texts(RULE, filter("[r-1]", "{product: aws, category: x}")), BY_ADMIN))
                .isTrue();
    }

    @Test
    void a_filter_naming_other_rules_leaves_this_one_alone() {
        RuleSet set = Loads.texts(RULE, filter("[some-other-rule]", "{product: aws}"));
        assertThat(set.problems()).isEmpty();
        assertThat(matches(set, BY_ADMIN)).isTrue();
    }

    @Test
    void a_filter_needs_rules_a_logsource_and_a_condition() {
        rejects(
                "title: f\nlogsource: {product: aws}\nfilter:\n  sel: {a: b}\n  condition: not sel\n",
                3,
                "filter has no rules (a list of rule ids or names, or any)");
        rejects(
                "title: f\nlogsource: {product: aws}\nfilter:\n  rules: []\n  condition: x\n",
                4,
                "filter rules is empty");
        rejects("title: f\nfilter:\n  rules: [x]\n  condition: x\n", 1, "missing logsource");
        rejects("title: f\nlogsource: {product: aws}\nfilter:\n  rules: [x]\n", 3, "filter has no condition");
    }
}
