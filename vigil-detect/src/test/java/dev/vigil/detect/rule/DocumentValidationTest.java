package dev.vigil.detect.rule;

import static dev.vigil.detect.rule.Loads.rejects;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Every reason a detection rule document is rejected, with the line of the offending key. */
class DocumentValidationTest {

    /** A valid rule; line numbers: title 1, id 2, logsource 3, detection 5, sel 6, eventName 7, condition 8. */
    static final String RULE = """
            title: Test rule
            id: r1
            logsource:
              product: aws
            detection:
              sel:
                eventName: X
              condition: sel
            """;

    @Test
    void legacy_action_documents_are_rejected() {
        rejects(
                "title: g\naction: global\ndetection:\n  sel: x\n",
                2,
                "Sigma v1 rule collections are not supported (action: global)");
    }

    @Test
    void a_document_without_a_section_is_rejected() {
        rejects(
                "title: t\nlogsource: {product: aws}\n",
                1,
                "not a Sigma rule: the document has no detection, correlation or filter section");
    }

    @Test
    void a_document_with_two_sections_is_rejected() {
        rejects(
                RULE + "correlation: {type: temporal}\n",
                9,
                "a document may have only one of detection, correlation and filter (found detection and correlation)");
    }

    @Test
    void deprecated_and_unsupported_rules_are_skipped_and_counted_even_when_invalid() {
        RuleSet set = Loads.texts(
                "title: old\nstatus: deprecated\ndetection: {}\n",
                "title: legacy\nstatus: unsupported\ndetection:\n  sel: x\n  condition: sel | count() > 5\n"
                        + "  timeframe: 5m\n",
                "title: legacy2\nstatus: unsupported\ndetection: {condition: x}\n");
        assertThat(set.problems()).isEmpty();
        assertThat(set.skippedDeprecated()).isEqualTo(1);
        assertThat(set.skippedUnsupported()).isEqualTo(2);
        assertThat(set.detections()).isEmpty();
    }

    @Test
    void an_unknown_status_is_rejected() {
        rejects(
                RULE.replace("id: r1", "status: beta"),
                2,
                "unknown status 'beta' (expected stable, test, experimental, deprecated or unsupported)");
    }

    @Test
    void title_is_required() {
        rejects(RULE.replace("title: Test rule", "author: me"), 1, "missing title");
        rejects(RULE.replace("title: Test rule", "title: ''"), 1, "title is empty");
    }

    @Test
    void title_is_at_most_256_characters() {
        rejects(RULE.replace("Test rule", "x".repeat(257)), 1, "title is longer than 256 characters (257)");
    }

    @Test
    void title_must_be_a_single_value() {
        rejects(RULE.replace("title: Test rule", "title: [a, b]"), 1, "title must be a single value, not a list");
    }

    @Test
    void an_empty_id_is_rejected() {
        rejects(RULE.replace("id: r1", "id: ''"), 2, "id is empty");
    }

    @Test
    void an_unknown_level_is_rejected() {
        rejects(
                RULE.replace("id: r1", "level: severe"),
                2,
                "unknown level 'severe' (expected informational, low, medium, high or critical)");
    }

    @Test
    void tags_must_be_plain_values() {
        rejects(RULE + "tags:\n  - attack.t1\n  - [nested]\n", 11, "tags must be a list of plain values");
    }

    @Test
    void logsource_is_required_and_must_be_a_map() {
        rejects(RULE.replace("logsource:\n  product: aws\n", ""), 1, "missing logsource");
        rejects(RULE.replace("logsource:\n  product: aws\n", "logsource: aws\n"), 3, "logsource must be a map");
    }

    @Test
    void detection_must_be_a_map_with_a_condition() {
        rejects(RULE.replace("  condition: sel\n", ""), 5, "detection has no condition");
        rejects("title: t\nlogsource: {product: aws}\ndetection: [a]\n", 3, "detection must be a map");
    }

    @Test
    void legacy_timeframe_is_rejected() {
        rejects(RULE + "  timeframe: 5m\n", 9, "timeframe is v1 aggregation syntax; rewrite as a correlation rule");
    }

    @Test
    void duplicate_keys_are_rejected_with_both_lines() {
        rejects(
                RULE.replace("    eventName: X\n", "    eventName: X\n    eventName: Y\n"),
                8,
                "duplicate key 'eventName' (first at line 7)");
    }

    @Test
    void a_map_value_in_a_detection_item_is_rejected() {
        rejects(
                RULE.replace("eventName: X", "eventName: {a: b}"),
                7,
                "in 'sel', 'eventName': the value must be a plain value or a list of plain values, not a map");
        rejects(
                RULE.replace("eventName: X", "eventName: [a, [b]]"),
                7,
                "in 'sel', 'eventName': the list must hold plain values, not maps or lists");
    }

    @Test
    void malformed_search_identifiers_are_rejected() {
        rejects(
                RULE.replace("  sel:\n    eventName: X\n", "  sel: []\n"),
                6,
                "search identifier 'sel' is an empty list");
        rejects(RULE.replace("  sel:\n    eventName: X\n", "  sel:\n"), 6, "search identifier 'sel' has no value");
        rejects(
                RULE.replace("  sel:\n    eventName: X\n", "  sel: {}\n"),
                6,
                "search identifier 'sel' is an empty map");
        rejects(
                RULE.replace("  sel:\n    eventName: X\n", "  sel:\n    - {eventName: X}\n    - keyword\n"),
                8,
                "search identifier 'sel' must be a list of maps or a list of plain values, not a mix or nested lists");
    }

    @Test
    void the_condition_must_be_text() {
        rejects(
                RULE.replace("condition: sel", "condition: {a: b}"),
                8,
                "condition must be a string or a list of strings");
        rejects(RULE.replace("condition: sel", "condition: []"), 8, "condition is an empty list");
    }

    @Test
    void condition_errors_carry_the_condition_line_and_column() {
        rejects(
                RULE.replace("condition: sel", "condition: sel and not filter"),
                8,
                "condition: undefined search identifier 'filter' at column 13");
        rejects(
                RULE.replace("condition: sel", "condition: sel | count() > 5"),
                8,
                "condition: '|' at column 5 is v1 aggregation syntax; rewrite as a correlation rule");
        rejects(
                RULE.replace("condition: sel", "condition: sel and not 1 of filter_*"),
                8,
                "condition: 'filter_*' at column 18 matches no search identifier");
        rejects(
                RULE.replace("condition: sel", "condition: (sel"),
                8,
                "condition: unbalanced '(' at column 1: expected ')' but found the end of the condition");
    }

    @Test
    void an_unknown_modifier_is_reported_on_the_line_of_its_key() {
        RuleProblem p = Loads.onlyProblem(RULE.replace("eventName: X", "eventName|foo: X"));
        assertThat(p.line()).isEqualTo(7);
        assertThat(p.reason()).startsWith("in 'sel', 'eventName|foo': ").contains("foo");
    }

    @Test
    void custom_keys_are_ignored() {
        RuleSet set = Loads.texts(RULE + "x-custom:\n  anything: [1, 2]\nrelated:\n  - {id: x, type: derived}\n");
        assertThat(set.problems()).isEmpty();
        assertThat(set.detections()).hasSize(1);
    }

    @Test
    void a_duplicate_id_is_rejected_naming_the_first() {
        RuleSet set = Loads.texts(RULE, RULE.replace("Test rule", "Other"));
        assertThat(set.detections()).extracting(r -> r.info().title()).containsExactly("Test rule");
        assertThat(set.problems())
                .extracting(RuleProblem::toString)
                .containsExactly("b.yml:2: duplicate id 'r1' (first defined at a.yml:1)");
    }

    @Test
    void a_duplicate_name_is_rejected_naming_the_first() {
        String named = RULE.replace("id: r1", "name: shared");
        RuleSet set = Loads.texts(named + "---\n" + named.replace("Test rule", "Other"));
        assertThat(set.problems())
                .extracting(RuleProblem::toString)
                .containsExactly("a.yml:11: duplicate name 'shared' (first defined at a.yml:1)");
    }

    @Test
    void an_id_may_not_reuse_another_rules_name() {
        RuleSet set = Loads.texts(RULE.replace("id: r1", "name: r1"), RULE);
        assertThat(set.problems())
                .extracting(RuleProblem::toString)
                .containsExactly("b.yml:2: duplicate id 'r1' (first defined at a.yml:1)");
    }

    @Test
    void rules_without_id_or_name_may_not_share_a_title() {
        String anonymous = RULE.replace("id: r1\n", "");
        RuleSet set = Loads.texts(anonymous, anonymous);
        assertThat(set.problems())
                .extracting(RuleProblem::toString)
                .containsExactly("b.yml:1: duplicate title 'Test rule' of a rule without id or name"
                        + " (first defined at a.yml:1)");
    }
}
