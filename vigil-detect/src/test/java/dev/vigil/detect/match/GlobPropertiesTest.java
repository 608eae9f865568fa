package dev.vigil.detect.match;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.detect.event.Event;
import dev.vigil.detect.event.JsonTreeEvent;
import dev.vigil.detect.event.LogSource;
import dev.vigil.detect.event.Text;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Glob and escape semantics on random inputs, against a reference matcher. */
class GlobPropertiesTest {

    private static final com.fasterxml.jackson.databind.ObjectMapper MAPPER =
            new com.fasterxml.jackson.databind.ObjectMapper();

    @Provide
    Arbitrary<String> texts() {
        return Arbitraries.strings().withChars("aAbB*?\\%-é .").ofMaxLength(12);
    }

    @Provide
    Arbitrary<String> patterns() {
        return Arbitraries.strings().withChars("abé*?").ofMaxLength(10);
    }

    @Provide
    Arbitrary<String> subjects() {
        return Arbitraries.strings().withChars("abé").ofMaxLength(14);
    }

    static String escape(String literal) {
        StringBuilder sb = new StringBuilder();
        for (char c : literal.toCharArray()) {
            if (c == '*' || c == '?' || c == '\\') {
                sb.append('\\');
            }
            sb.append(c);
        }
        return sb.toString();
    }

    static Event event(String value) {
        try {
            return JsonTreeEvent.parse(MAPPER.writeValueAsString(Map.of("f", value)), LogSource.UNKNOWN);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static boolean matches(String key, String ruleValue, String fieldValue) {
        return DetectionItems.field(key, ruleValue, MatchOptions.DEFAULTS).test(event(fieldValue));
    }

    @Property
    void an_escaped_literal_matches_itself_in_any_case(@ForAll("texts") String literal) {
        assertThat(matches("f", escape(literal), literal)).isTrue();
        assertThat(matches("f", escape(literal), literal.toUpperCase(Locale.ROOT)))
                .isTrue();
        assertThat(matches("f|cased", escape(literal), literal)).isTrue();
    }

    @Property
    void an_escaped_literal_matches_only_itself(@ForAll("texts") String literal, @ForAll("texts") String other) {
        boolean same = Text.lower(literal).equals(Text.lower(other));
        assertThat(matches("f", escape(literal), other)).isEqualTo(same);
        assertThat(matches("f|cased", escape(literal), other)).isEqualTo(literal.equals(other));
    }

    @Property
    void escaped_contains_is_a_substring_test(@ForAll("texts") String needle, @ForAll("texts") String hay) {
        assertThat(matches("f|contains", escape(needle), hay))
                .isEqualTo(Text.lower(hay).contains(Text.lower(needle)));
        assertThat(matches("f|startswith", escape(needle), hay))
                .isEqualTo(Text.lower(hay).startsWith(Text.lower(needle)));
        assertThat(matches("f|endswith", escape(needle), hay))
                .isEqualTo(Text.lower(hay).endsWith(Text.lower(needle)));
    }

    @Property
    void a_star_glob_of_a_random_split_matches(
            @ForAll("texts") String text, @ForAll @IntRange(max = 12) int cut1, @ForAll @IntRange(max = 12) int cut2) {
        int a = Math.min(cut1, text.length());
        int b = Math.min(Math.max(cut2, a), text.length());
        String pattern = escape(text.substring(0, a)) + "*" + escape(text.substring(b));
        assertThat(matches("f", pattern, text)).isTrue();
        String withOne = a < text.length() ? escape(text.substring(0, a)) + "?" + escape(text.substring(a + 1)) : null;
        if (withOne != null) {
            assertThat(matches("f", withOne, text)).isTrue();
        }
    }

    @Property(tries = 2000)
    void glob_agrees_with_the_reference(@ForAll("patterns") String pattern, @ForAll("subjects") String subject) {
        List<Object> parts = SigmaString.parse(pattern, false).parts();
        boolean expected = reference(pattern, 0, subject, 0);
        assertThat(new Glob(parts, false).matches(subject))
                .as("%s ~ %s", pattern, subject)
                .isEqualTo(expected);
        assertThat(StringTests.compile(SigmaString.parse(pattern, false), true).test(value(subject)))
                .isEqualTo(expected);
    }

    private static dev.vigil.detect.event.FieldValue value(String s) {
        dev.vigil.detect.event.FieldValue[] out = new dev.vigil.detect.event.FieldValue[1];
        event(s).anyValue(dev.vigil.detect.event.FieldPath.of("f"), v -> {
            out[0] = v;
            return true;
        });
        return out[0];
    }

    @Property(tries = 300)
    void long_question_mark_segments_agree_with_the_reference(
            @ForAll @IntRange(min = 60, max = 70) int ones, @ForAll("subjects") String tail) {
        String pattern = "*a" + "?".repeat(ones) + "b*";
        String subject = "b" + "a".repeat(ones / 2) + tail + "a".repeat(ones) + "b" + tail;
        assertThat(new Glob(SigmaString.parse(pattern, false).parts(), false).matches(subject))
                .isEqualTo(reference(pattern, 0, subject, 0));
    }

    /** Obviously correct (and exponential) glob matching, for short inputs only. */
    static boolean reference(String p, int i, String s, int j) {
        if (i == p.length()) {
            return j == s.length();
        }
        char c = p.charAt(i);
        if (c == '*') {
            for (int k = j; k <= s.length(); k++) {
                if (reference(p, i + 1, s, k)) {
                    return true;
                }
            }
            return false;
        }
        if (j == s.length()) {
            return false;
        }
        return (c == '?' || c == s.charAt(j)) && reference(p, i + 1, s, j + 1);
    }

    @Property(tries = 50)
    void long_adversarial_globs_stay_fast(@ForAll @IntRange(min = 1, max = 50) int stars) {
        String pattern = "*a".repeat(stars) + "b";
        String subject = "a".repeat(20_000);
        long start = System.nanoTime();
        assertThat(new Glob(SigmaString.parse(pattern, false).parts(), false).matches(subject))
                .isFalse();
        assertThat(System.nanoTime() - start).isLessThan(1_000_000_000L);
    }
}
