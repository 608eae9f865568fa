package dev.vigil.detect.match;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.detect.Randomized;
import dev.vigil.detect.event.Event;
import dev.vigil.detect.event.JsonTreeEvent;
import dev.vigil.detect.event.LogSource;
import dev.vigil.detect.event.Text;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Glob and escape semantics on random inputs, against a reference matcher. */
class GlobPropertiesTest {

    private static final com.fasterxml.jackson.databind.ObjectMapper MAPPER =
            new com.fasterxml.jackson.databind.ObjectMapper();

    /** Tries for the four properties below that have no count of their own. */
    private static final int TRIES = 1000;

    static String text(Random r) {
        return Randomized.string(r, "aAbB*?\\%-é .", 12);
    }

    static String pattern(Random r) {
        return Randomized.string(r, "abé*?", 10);
    }

    static String subject(Random r) {
        return Randomized.string(r, "abé", 14);
    }

    record Pair(String first, String second) {}

    static Pair texts(Random r) {
        return new Pair(text(r), text(r));
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

    @Test
    void an_escaped_literal_matches_itself_in_any_case() {
        Randomized.check(TRIES, GlobPropertiesTest::text, literal -> {
            assertThat(matches("f", escape(literal), literal)).isTrue();
            assertThat(matches("f", escape(literal), literal.toUpperCase(Locale.ROOT)))
                    .isTrue();
            assertThat(matches("f|cased", escape(literal), literal)).isTrue();
        });
    }

    @Test
    void an_escaped_literal_matches_only_itself() {
        Randomized.check(TRIES, GlobPropertiesTest::texts, in -> {
            String literal = in.first();
            String other = in.second();
            boolean same = Text.lower(literal).equals(Text.lower(other));
            assertThat(matches("f", escape(literal), other)).isEqualTo(same);
            assertThat(matches("f|cased", escape(literal), other)).isEqualTo(literal.equals(other));
        });
    }

    @Test
    void escaped_contains_is_a_substring_test() {
        Randomized.check(TRIES, GlobPropertiesTest::texts, in -> {
            String needle = in.first();
            String hay = in.second();
            assertThat(matches("f|contains", escape(needle), hay))
                    .isEqualTo(Text.lower(hay).contains(Text.lower(needle)));
            assertThat(matches("f|startswith", escape(needle), hay))
                    .isEqualTo(Text.lower(hay).startsWith(Text.lower(needle)));
            assertThat(matches("f|endswith", escape(needle), hay))
                    .isEqualTo(Text.lower(hay).endsWith(Text.lower(needle)));
        });
    }

    record Split(String text, int cut1, int cut2) {}

    @Test
    void a_star_glob_of_a_random_split_matches() {
        Randomized.check(
                TRIES,
                r -> new Split(text(r), Randomized.between(r, 0, 12), Randomized.between(r, 0, 12)),
                in -> randomSplitMatches(in.text(), in.cut1(), in.cut2()));
    }

    private static void randomSplitMatches(String text, int cut1, int cut2) {
        int a = Math.min(cut1, text.length());
        int b = Math.min(Math.max(cut2, a), text.length());
        String pattern = escape(text.substring(0, a)) + "*" + escape(text.substring(b));
        assertThat(matches("f", pattern, text)).isTrue();
        String withOne = a < text.length() ? escape(text.substring(0, a)) + "?" + escape(text.substring(a + 1)) : null;
        if (withOne != null) {
            assertThat(matches("f", withOne, text)).isTrue();
        }
    }

    record Glob2(String pattern, String subject) {}

    @Test
    void glob_agrees_with_the_reference() {
        Randomized.check(
                2000,
                r -> new Glob2(pattern(r), subject(r)),
                in -> globAgreesWithTheReference(in.pattern(), in.subject()));
    }

    private static void globAgreesWithTheReference(String pattern, String subject) {
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

    record LongSegment(int ones, String tail) {}

    @Test
    void long_question_mark_segments_agree_with_the_reference() {
        Randomized.check(300, r -> new LongSegment(Randomized.between(r, 60, 70), subject(r)), in -> {
            int ones = in.ones();
            String tail = in.tail();
            String pattern = "*a" + "?".repeat(ones) + "b*";
            String subject = "b" + "a".repeat(ones / 2) + tail + "a".repeat(ones) + "b" + tail;
            assertThat(new Glob(SigmaString.parse(pattern, false).parts(), false).matches(subject))
                    .isEqualTo(reference(pattern, 0, subject, 0));
        });
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

    /** Every star count from 1 to 50: as many checks as the 50 random tries over this range, but exhaustive. */
    @Test
    void long_adversarial_globs_stay_fast() {
        String subject = "a".repeat(20_000);
        for (int stars = 1; stars <= 50; stars++) {
            String pattern = "*a".repeat(stars) + "b";
            long start = System.nanoTime();
            assertThat(new Glob(SigmaString.parse(pattern, false).parts(), false).matches(subject))
                    .as("%d stars", stars)
                    .isFalse();
            assertThat(System.nanoTime() - start).as("%d stars", stars).isLessThan(1_000_000_000L);
        }
    }
}
