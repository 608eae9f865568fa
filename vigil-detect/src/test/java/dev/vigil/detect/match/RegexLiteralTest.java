package dev.vigil.detect.match;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import dev.vigil.detect.Randomized;
import dev.vigil.detect.event.FieldPath;
import dev.vigil.detect.event.FieldValue;
import dev.vigil.detect.event.JsonTreeEvent;
import dev.vigil.detect.event.LogSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RegexLiteralTest {

    @Test
    void findsTheLongestRequiredRun() {
        assertThat(RegexLiteral.of(".+:assumed-role/aws:.+", false).literal()).isEqualTo(":assumed-role/aws:");
        assertThat(RegexLiteral.of("(?i)^AKIA[0-9A-Z]{16}$", false).literal()).isEqualTo("akia");
        assertThat(RegexLiteral.of("abc\\.example\\.com", false).literal()).isEqualTo("abc.example.com");
        assertThat(RegexLiteral.of("ab(cd)?efgh", false).literal()).isEqualTo("efgh");
        assertThat(RegexLiteral.of("abcx?", false).literal()).isEqualTo("abc");
        assertThat(RegexLiteral.of("abcdx{0,3}", false).literal()).isEqualTo("abcd");
        assertThat(RegexLiteral.of("wxy{2}zz", false).literal()).isEqualTo("wxy");
        assertThat(RegexLiteral.of("xy{2}zzz", false).literal()).isEqualTo("zzz");
    }

    @Test
    void givesUpWhenItCannotBeSure() {
        assertThat(RegexLiteral.of("abc|def", false)).isNull();
        assertThat(RegexLiteral.of("(?s)abcdef", false)).isNull();
        assertThat(RegexLiteral.of("ab(?i:cdef)", false)).isNull();
        assertThat(RegexLiteral.of("\\Qabc|def\\E", false)).isNull();
        assertThat(RegexLiteral.of("a.b.c", false)).isNull();
    }

    @Test
    void caseInsensitiveLiteralsDoNotRuleOutNonAsciiText() {
        RegexLiteral k = RegexLiteral.of("(?i)kkk", false);
        // RE2 folds the Kelvin sign onto k; the prefilter must not reject such text.
        Pattern p = Pattern.compile("(?i)kkk");
        String kelvin = "\u212A\u212A\u212A";
        assertThat(p.matcher(kelvin).find()).isTrue();
        assertThat(k.mayMatch(value(kelvin))).isTrue();
        assertThat(k.mayMatch(value("xyz"))).isFalse();
    }

    private static final List<String> ATOMS = List.of(
            "a", "b", "c", "A", ":", "/", "-", "\\.", "\\-", ".", "\\d", "\\w", "[ab]", "[^a]", "(ab)", "(?:bc)",
            "(a|b)", "^", "$", "k", "s");
    private static final List<String> QUANTIFIERS = List.of("", "", "", "?", "*", "+", "{2}", "{0,2}", "{1,}", "+?");

    /** One to ten quantified atoms, with a leading (?i) one time in four. */
    static String pattern(Random r) {
        List<String> parts =
                Randomized.list(r, 1, 10, p -> Randomized.pick(p, ATOMS) + Randomized.pick(p, QUANTIFIERS));
        return Randomized.pick(r, "", "", "", "(?i)") + String.join("", parts);
    }

    record Case(String pattern, String text, boolean ignoreCase) {}

    @Test
    void neverRulesOutAValueTheRegexFinds() {
        Randomized.check(
                3000,
                r -> new Case(pattern(r), Randomized.string(r, "abcABC:/-.kKs1_\u212A\u017F ", 24), r.nextBoolean()),
                in -> neverRulesOut(in.pattern(), in.text(), in.ignoreCase()));
    }

    private static void neverRulesOut(String pattern, String text, boolean ignoreCase) {
        Pattern compiled;
        try {
            compiled = Pattern.compile(pattern, ignoreCase ? Pattern.CASE_INSENSITIVE : 0);
        } catch (PatternSyntaxException e) {
            return;
        }
        RegexLiteral literal = RegexLiteral.of(pattern, ignoreCase);
        if (literal != null && compiled.matcher(text).find()) {
            assertThat(literal.mayMatch(value(text)))
                    .as("/%s/ finds %s but the literal '%s' rules it out", pattern, text, literal.literal())
                    .isTrue();
        }
    }

    private static FieldValue value(String text) {
        String json = "{\"f\":\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}";
        List<FieldValue> out = new ArrayList<>();
        JsonTreeEvent.parse(json, LogSource.UNKNOWN).anyValue(FieldPath.of("f"), v -> out.add(v) && false);
        return out.get(0);
    }
}
