package dev.vigil.detect.rule;

import static dev.vigil.detect.rule.Loads.rejects;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Hostile or broken YAML becomes one problem with a line; it never throws and never runs away. */
class YamlSafetyTest {

    @Test
    void a_syntax_error_names_its_line() {
        RuleProblem p = Loads.onlyProblem("title: x\nlogsource: {product: aws\ndetection: [\n");
        assertThat(p.file()).isEqualTo("a.yml");
        assertThat(p.line()).isEqualTo(3);
        assertThat(p.reason()).startsWith("invalid YAML: ");
    }

    @Test
    void deep_nesting_is_rejected_before_composing() {
        String text = "title: x\ndetection:\n  sel: " + "[".repeat(10_000) + "]".repeat(10_000) + "\n";
        rejects(text, 3, "YAML nested deeper than 64 levels");
    }

    @Test
    void many_aliases_are_rejected() {
        StringBuilder sb = new StringBuilder("a: &a x\nb:\n");
        for (int i = 0; i < 51; i++) {
            sb.append("  - *a\n");
        }
        rejects(sb.toString(), 53, "more than 50 YAML aliases");
    }

    @Test
    void an_alias_bomb_within_the_alias_limit_is_rejected_by_the_value_budget() {
        StringBuilder sb = new StringBuilder("title: bomb\nlogsource: {product: aws}\n");
        sb.append("l0: &l0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (int level = 1; level <= 4; level++) {
            sb.append("l").append(level).append(": &l").append(level).append(" [");
            for (int i = 0; i < 10; i++) {
                sb.append(i == 0 ? "" : ", ").append("*l").append(level - 1);
            }
            sb.append("]\n");
        }
        sb.append("detection:\n  sel:\n    field: *l4\n  condition: sel\n");
        rejects(
                sb.toString(),
                10,
                "in 'sel', 'field': document expands to more than 100000 values (too many aliases?)");
    }

    @Test
    void a_self_referencing_anchor_is_bounded() {
        String text = "title: loop\nlogsource: {product: aws}\ndetection:\n  sel:\n    field: &a [x, *a]\n"
                + "  condition: sel\n";
        RuleProblem p = Loads.onlyProblem(text);
        assertThat(p.reason()).isEqualTo("in 'sel', 'field': YAML nested deeper than 64 levels (a recursive alias?)");
        assertThat(p.line()).isEqualTo(5);
    }

    @Test
    void a_recursive_key_is_rejected() {
        Loads.rejects("&a [*a]: x\n", 1, "map keys must be plain strings");
    }

    @Test
    void a_file_over_one_mebibyte_is_rejected() {
        String text = "title: big\ndescription: " + "x".repeat(1 << 20) + "\n";
        rejects(text, 1, "file is larger than 1048576 characters");
    }

    @Test
    void a_document_that_is_not_a_map_is_rejected() {
        rejects("---\n- just\n- a list\n", 2, "a rule document must be a map (title, logsource, detection, …)");
    }

    @Test
    void documents_before_a_syntax_error_are_still_read() {
        String text = "title: first\naction: global\n---\ntitle: second\n  bad: indentation\n";
        RuleSet set = Loads.texts(text);
        assertThat(set.problems()).extracting(RuleProblem::line).containsExactly(2, 5);
        assertThat(set.problems().get(0).reason()).startsWith("Sigma v1 rule collections");
        assertThat(set.problems().get(1).reason()).startsWith("invalid YAML");
    }

    @Test
    void empty_documents_are_ignored() {
        RuleSet set = Loads.texts("---\n---\n# only a comment\n");
        assertThat(set.problems()).isEmpty();
        assertThat(set.detections()).isEmpty();
    }

    @Test
    void a_custom_tag_is_rejected() {
        String text = "title: t\nlogsource: {product: aws}\ndetection:\n  sel: !custom x\n  condition: sel\n";
        rejects(text, 4, "unsupported YAML tag !custom (rules use plain values)");
    }
}
