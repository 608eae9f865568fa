package dev.vigil.detect.condition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.detect.InvalidRuleException;
import dev.vigil.detect.match.EventPredicate;
import dev.vigil.detect.match.Predicates;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Compiles conditions over identifiers that are constantly true or false, so the result shows which identifiers a
 * condition combines and how ({@code Predicates.TRUE/FALSE} ignore the event, so {@code test(null)} is fine).
 */
class ConditionCompilerTest {

    /** Identifiers named in {@code all}, in that order; those in {@code truths} are true. */
    private static Map<String, EventPredicate> ids(List<String> all, Set<String> truths) {
        Map<String, EventPredicate> m = new LinkedHashMap<>();
        for (String name : all) {
            m.put(name, truths.contains(name) ? Predicates.TRUE : Predicates.FALSE);
        }
        return m;
    }

    private static boolean eval(String condition, List<String> all, Set<String> truths) {
        return new ConditionCompiler(ids(all, truths))
                .compile(List.of(condition))
                .test(null);
    }

    @ParameterizedTest(name = "a={0} b={1} c={2}")
    @CsvSource({
        "false,false,false",
        "false,false,true",
        "false,true,false",
        "false,true,true",
        "true,false,false",
        "true,false,true",
        "true,true,false",
        "true,true,true"
    })
    void precedence_truth_table(boolean a, boolean b, boolean c) {
        List<String> all = List.of("a", "b", "c");
        Set<String> t = new java.util.HashSet<>();
        if (a) t.add("a");
        if (b) t.add("b");
        if (c) t.add("c");
        assertThat(eval("a or b and c", all, t)).isEqualTo(a || (b && c));
        assertThat(eval("not a and b", all, t)).isEqualTo(!a && b);
        assertThat(eval("not a or b", all, t)).isEqualTo(!a || b);
        assertThat(eval("not (a or b) and c", all, t)).isEqualTo(!(a || b) && c);
        assertThat(eval("a and not b or c", all, t)).isEqualTo((a && !b) || c);
    }

    @Test
    void one_of_a_pattern_is_or_over_the_matching_identifiers() {
        List<String> all = List.of("selection", "filter_a", "filter_b");
        assertThat(eval("selection and not 1 of filter_*", all, Set.of("selection")))
                .isTrue();
        assertThat(eval("selection and not 1 of filter_*", all, Set.of("selection", "filter_b")))
                .isFalse();
        assertThat(eval("any of filter_*", all, Set.of("filter_a"))).isTrue();
    }

    @Test
    void all_of_a_pattern_is_and_over_the_matching_identifiers() {
        List<String> all = List.of("sel_a", "sel_b", "other");
        assertThat(eval("all of sel_*", all, Set.of("sel_a"))).isFalse();
        assertThat(eval("all of sel_*", all, Set.of("sel_a", "sel_b"))).isTrue();
    }

    @Test
    void the_star_matches_anywhere_in_a_pattern() {
        List<String> all = List.of("a_sel_x", "b_sel_y", "c_other");
        assertThat(eval("all of *_sel_*", all, Set.of("a_sel_x", "b_sel_y"))).isTrue();
        assertThat(eval("1 of *other", all, Set.of("c_other"))).isTrue();
        assertThat(eval("1 of *other", all, Set.of("a_sel_x", "b_sel_y"))).isFalse();
    }

    @Test
    void them_skips_identifiers_starting_with_an_underscore() {
        List<String> all = List.of("a", "b", "_helper");
        assertThat(eval("all of them", all, Set.of("a", "b"))).isTrue();
        assertThat(eval("1 of them", all, Set.of("_helper"))).isFalse();
    }

    @Test
    void patterns_skip_underscore_identifiers_unless_the_pattern_starts_with_one() {
        List<String> all = List.of("sel", "_sel_hidden");
        assertThat(eval("1 of *sel*", all, Set.of("_sel_hidden"))).isFalse();
        assertThat(eval("1 of _sel*", all, Set.of("_sel_hidden"))).isTrue();
        // An underscore identifier can still be named directly.
        assertThat(eval("_sel_hidden", all, Set.of("_sel_hidden"))).isTrue();
    }

    @Test
    void a_list_of_conditions_is_or() {
        Map<String, EventPredicate> ids = ids(List.of("a", "b"), Set.of("b"));
        assertThat(new ConditionCompiler(ids).compile(List.of("a", "b")).test(null))
                .isTrue();
        assertThat(new ConditionCompiler(ids).compile(List.of("a", "not b")).test(null))
                .isFalse();
    }

    @Test
    void reports_the_identifiers_used_in_first_use_order() {
        ConditionCompiler c = new ConditionCompiler(ids(List.of("a", "f1", "f2", "unused"), Set.of()));
        c.compile(List.of("f2 or 1 of f* or a"));
        assertThat(c.used()).containsExactly("f2", "f1", "a");
    }

    @Test
    void rejects_an_undefined_identifier_with_its_column() {
        assertThatThrownBy(() -> eval("sel and filer", List.of("sel", "filter"), Set.of()))
                .isInstanceOf(InvalidRuleException.class)
                .hasMessage("condition: undefined search identifier 'filer' at column 9");
    }

    @Test
    void hints_that_keywords_are_lower_case() {
        assertThatThrownBy(() -> eval("sel or NOT", List.of("sel"), Set.of()))
                .hasMessage("condition: undefined search identifier 'NOT' at column 8 (keywords are lower case)");
    }

    @Test
    void rejects_a_pattern_that_matches_nothing() {
        assertThatThrownBy(() -> eval("sel and not 1 of filter*", List.of("sel"), Set.of()))
                .hasMessage("condition: 'filter*' at column 18 matches no search identifier");
        assertThatThrownBy(() -> eval("1 of them", List.of("_only"), Set.of()))
                .hasMessage("condition: 'them' at column 6 matches no search identifier");
    }

    @Test
    void a_bad_entry_of_a_condition_list_is_named() {
        assertThatThrownBy(() -> new ConditionCompiler(ids(List.of("a"), Set.of())).compile(List.of("a", "b")))
                .hasMessage("condition 2 of 2: undefined search identifier 'b' at column 1");
    }

    @Test
    void rejects_an_empty_condition_list() {
        assertThatThrownBy(() -> new ConditionCompiler(ids(List.of("a"), Set.of())).compile(List.of()))
                .hasMessage("condition: empty list");
    }

    @ParameterizedTest
    @CsvSource({
        "sel*, selection, true",
        "sel*, sel, true",
        "sel*, xsel, false",
        "*sel, xsel, true",
        "*sel*, a_sel_b, true",
        "a*b*c, aXbYc, true",
        "a*b*c, aXbY, false",
        "*, anything, true",
        "exact, exact, true",
        "exact, exactly, false",
        "**a, a, true"
    })
    void glob(String pattern, String name, boolean expected) {
        assertThat(ConditionCompiler.Glob.matches(pattern, name)).isEqualTo(expected);
    }
}
