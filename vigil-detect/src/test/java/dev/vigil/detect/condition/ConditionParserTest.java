package dev.vigil.detect.condition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.detect.InvalidRuleException;
import dev.vigil.detect.condition.ConditionNode.And;
import dev.vigil.detect.condition.ConditionNode.Identifier;
import dev.vigil.detect.condition.ConditionNode.Not;
import dev.vigil.detect.condition.ConditionNode.Or;
import dev.vigil.detect.condition.ConditionNode.Quantified;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConditionParserTest {

    private static Identifier id(String name, int column) {
        return new Identifier(name, column);
    }

    @Test
    void a_single_identifier() {
        assertThat(ConditionParser.parse("selection")).isEqualTo(id("selection", 1));
    }

    @Test
    void and_binds_tighter_than_or() {
        assertThat(ConditionParser.parse("a or b and c"))
                .isEqualTo(new Or(List.of(id("a", 1), new And(List.of(id("b", 6), id("c", 12))))));
    }

    @Test
    void not_binds_tighter_than_and() {
        assertThat(ConditionParser.parse("not a and b")).isEqualTo(new And(List.of(new Not(id("a", 5)), id("b", 11))));
    }

    @Test
    void not_applies_to_the_whole_quantifier() {
        assertThat(ConditionParser.parse("selection and not 1 of filter_*"))
                .isEqualTo(new And(List.of(id("selection", 1), new Not(new Quantified(false, "filter_*", 24)))));
    }

    @Test
    void parentheses_override_precedence() {
        assertThat(ConditionParser.parse("(a or b) and c"))
                .isEqualTo(new And(List.of(new Or(List.of(id("a", 2), id("b", 7))), id("c", 14))));
    }

    @Test
    void chains_of_the_same_operator_are_flat() {
        assertThat(ConditionParser.parse("a and b and c"))
                .isEqualTo(new And(List.of(id("a", 1), id("b", 7), id("c", 13))));
    }

    @Test
    void double_negation_is_kept() {
        assertThat(ConditionParser.parse("not not a")).isEqualTo(new Not(new Not(id("a", 9))));
    }

    @ParameterizedTest
    @CsvSource({
        "1 of sel*, false, sel*",
        "any of sel*, false, sel*",
        "all of sel*, true, sel*",
        "1 of them, false, them",
        "all of them, true, them",
        "all of *_x_*, true, *_x_*"
    })
    void quantifiers(String text, boolean all, String pattern) {
        assertThat(ConditionParser.parse(text)).isEqualTo(new Quantified(all, pattern, text.lastIndexOf(pattern) + 1));
    }

    @Test
    void identifiers_may_hold_dashes_dots_and_digits() {
        assertThat(ConditionParser.parse("sel-1.a and 2")).isEqualTo(new And(List.of(id("sel-1.a", 1), id("2", 13))));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '~',
            value = {
                "selection | count() > 5~ condition: '|' at column 11 is v1 aggregation syntax; rewrite as a correlation rule",
                "(a or b~ condition: unbalanced '(' at column 1: expected ')' but found the end of the condition",
                "a or b)~ condition: unbalanced ')' at column 7",
                "2 of sel*~ condition: '2 of' at column 1 is not supported (use '1 of', 'any of' or 'all of')",
                "a b~ condition: unexpected 'b' at column 3 (expected 'and', 'or' or the end)",
                "a and~ condition: unexpected end of the condition (expected an identifier, 'not' or '(')",
                "a and or b~ condition: unexpected 'or' at column 7 (expected an identifier, 'not' or '(')",
                "sel*~ condition: pattern 'sel*' at column 1 needs '1 of' or 'all of' before it",
                "1 of~ condition: expected a pattern or 'them' after '1 of' at column 1 but found the end of the condition",
                "1 of (a)~ condition: expected a pattern or 'them' after '1 of' at column 1 but found '(' at column 6",
                "a & b~ condition: unexpected character '&' at column 3",
                "()~ condition: unexpected ')' at column 2 (expected an identifier, 'not' or '(')",
                "them~ condition: unexpected 'them' at column 1 (expected an identifier, 'not' or '(')"
            })
    void rejects_with_the_offending_token_and_its_column(String text, String message) {
        assertThatThrownBy(() -> ConditionParser.parse(text))
                .isInstanceOf(InvalidRuleException.class)
                .hasMessage(message);
    }

    @Test
    void rejects_an_empty_condition() {
        assertThatThrownBy(() -> ConditionParser.parse("  ")).hasMessage("condition: empty");
    }

    @Test
    void rejects_a_condition_longer_than_the_limit() {
        String text = "a or ".repeat(2_000) + "a";
        assertThatThrownBy(() -> ConditionParser.parse(text))
                .hasMessage("condition: longer than 10000 characters (10001)");
    }

    @Test
    void accepts_nesting_up_to_the_limit() {
        String text = "(".repeat(100) + "a" + ")".repeat(100);
        assertThat(ConditionParser.parse(text)).isEqualTo(id("a", 101));
    }

    @Test
    void rejects_deep_parentheses_without_exhausting_the_stack() {
        String text = "(".repeat(4_000) + "a" + ")".repeat(4_000);
        assertThatThrownBy(() -> ConditionParser.parse(text))
                .hasMessage("condition: nested deeper than 100 levels at column 101");
    }

    @Test
    void rejects_long_chains_of_not() {
        String text = "not ".repeat(101) + "a";
        assertThatThrownBy(() -> ConditionParser.parse(text))
                .hasMessage("condition: nested deeper than 100 levels at column 401");
    }

    @Test
    void keywords_are_lower_case_only() {
        assertThatThrownBy(() -> ConditionParser.parse("a AND b"))
                .hasMessage("condition: unexpected 'AND' at column 3 (keywords are lower case)");
    }
}
