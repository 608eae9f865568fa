package dev.vigil.detect.match;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import dev.vigil.detect.event.FieldPath;
import dev.vigil.detect.event.FieldValue;
import dev.vigil.detect.event.JsonTreeEvent;
import dev.vigil.detect.event.LogSource;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
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

    @Provide
    Arbitrary<String> patterns() {
        Arbitrary<String> atom = Arbitraries.of(
                "a", "b", "c", "A", ":", "/", "-", "\\.", "\\-", ".", "\\d", "\\w", "[ab]", "[^a]", "(ab)", "(?:bc)",
                "(a|b)", "^", "$", "k", "s");
        Arbitrary<String> quantifier = Arbitraries.of("", "", "", "?", "*", "+", "{2}", "{0,2}", "{1,}", "+?");
        Arbitrary<String> piece = atom.flatMap(a -> quantifier.map(q -> a + q));
        return piece.list()
                .ofMinSize(1)
                .ofMaxSize(10)
                .flatMap(parts -> Arbitraries.of("", "", "", "(?i)").map(flag -> flag + String.join("", parts)));
    }

    @Provide
    Arbitrary<String> texts() {
        return Arbitraries.strings().withChars("abcABC:/-.kKs1_\u212A\u017F ").ofMaxLength(24);
    }

    @Property(tries = 3000)
    void neverRulesOutAValueTheRegexFinds(
            @ForAll("patterns") String pattern, @ForAll("texts") String text, @ForAll boolean ignoreCase) {
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
