package dev.vigil.detect.match;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.detect.InvalidRuleException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SigmaStringTest {

    private static List<Object> parts(String raw) {
        return SigmaString.parse(raw, false).parts();
    }

    @Test
    void digest_escape_vectors() {
        assertThat(parts("a*b")).containsExactly("a", SigmaString.Wild.MANY, "b");
        assertThat(parts("a\\*b")).containsExactly("a*b");
        assertThat(parts("C:\\Windows")).containsExactly("C:\\Windows");
        assertThat(parts("C:\\\\Windows")).containsExactly("C:\\Windows");
        assertThat(parts("x\\\\*")).containsExactly("x\\", SigmaString.Wild.MANY);
        assertThat(parts("x\\\\\\*")).containsExactly("x\\*");
    }

    @Test
    void question_mark_escapes_and_trailing_backslash() {
        assertThat(parts("a?b")).containsExactly("a", SigmaString.Wild.ONE, "b");
        assertThat(parts("a\\?b")).containsExactly("a?b");
        assertThat(parts("end\\")).containsExactly("end\\");
        assertThat(parts("**a**")).containsExactly(SigmaString.Wild.MANY, "a", SigmaString.Wild.MANY);
        assertThat(parts("")).isEmpty();
    }

    @Test
    void percent_is_literal_without_expand_and_a_placeholder_with_it() {
        assertThat(parts("%x%")).containsExactly("%x%");
        assertThat(parts("\\%x%")).containsExactly("\\%x%");
        SigmaString expanded = SigmaString.parse("\\%x% and %y%", true);
        assertThat(expanded.parts()).containsExactly("%x% and ", new SigmaString.Placeholder("y"));
        assertThat(SigmaString.parse("100%", true).parts()).containsExactly("100%");
        assertThat(SigmaString.parse("%%", true).parts()).containsExactly("%%");
    }

    @Test
    void expand_replaces_placeholders_with_every_combination() {
        SigmaString s = SigmaString.parse("%a%-%b%", true);
        List<SigmaString> out = s.expand(Map.of("a", List.of("x", "y*"), "b", List.of("1", "2")));
        assertThat(out).extracting(SigmaString::toString).containsExactly("x-1", "x-2", "y*-1", "y*-2");
        assertThat(out.get(2).hasWildcards()).isTrue();
        assertThatThrownBy(() -> s.expand(Map.of("a", List.of("x"))))
                .isInstanceOf(InvalidRuleException.class)
                .hasMessageContaining("needs a value for placeholder %b%");
    }

    @Test
    void a_null_placeholder_value_is_rejected() {
        assertThatThrownBy(() -> SigmaString.parse("%a%", true).expand(Map.of("a", java.util.Arrays.asList("x", null))))
                .isInstanceOf(InvalidRuleException.class)
                .hasMessageContaining("%a% has a null value");
    }

    @Test
    void expand_is_bounded() {
        List<String> many = java.util.stream.IntStream.range(0, 100)
                .mapToObj(Integer::toString)
                .toList();
        assertThatThrownBy(() -> SigmaString.parse("%a%%a%", true).expand(Map.of("a", many)))
                .isInstanceOf(InvalidRuleException.class)
                .hasMessageContaining("more than 4096 variants");
    }

    @Test
    void contains_startswith_endswith_do_not_double_wildcards() {
        assertThat(SigmaString.parse("*a*", false).withWildcards(true, true).toString())
                .isEqualTo("*a*");
        assertThat(SigmaString.parse("a", false).withWildcards(true, false).toString())
                .isEqualTo("*a");
        assertThat(SigmaString.parse("a", false).withWildcards(false, true).toString())
                .isEqualTo("a*");
    }

    @Test
    void base64_and_base64offset_vectors() {
        assertThat(SigmaString.literal("foobar").base64().toString()).isEqualTo("Zm9vYmFy");
        assertThat(SigmaString.literal("foo").base64().toString()).isEqualTo("Zm9v");
        assertThat(SigmaString.literal("fo").base64().toString()).isEqualTo("Zm8=");
        assertThat(SigmaString.literal("foobar").base64offset())
                .extracting(SigmaString::toString)
                .containsExactly("Zm9vYmFy", "Zvb2Jhc", "mb29iYX");
        assertThatThrownBy(() -> SigmaString.parse("a*", false).base64())
                .isInstanceOf(InvalidRuleException.class)
                .hasMessageContaining("base64 cannot encode the wildcard");
    }

    @Test
    void base64offset_fragments_occur_in_any_encoding_that_contains_the_value() {
        String value = "Invoke-Mimikatz";
        List<String> needles = SigmaString.literal(value).base64offset().stream()
                .map(SigmaString::toString)
                .toList();
        for (String prefix : List.of("", "a", "ab", "abc", "xyzw")) {
            for (String suffix : List.of("", "1", "12", "123")) {
                String encoded = java.util.Base64.getEncoder()
                        .encodeToString((prefix + value + suffix).getBytes(java.nio.charset.StandardCharsets.UTF_8));
                assertThat(needles.stream().anyMatch(encoded::contains))
                        .as("%s|%s", prefix, suffix)
                        .isTrue();
            }
        }
    }

    @Test
    void utf16_encodings() {
        assertThat(SigmaString.literal("ab").utf16(false, false, "wide").parts())
                .containsExactly("a\0b\0");
        assertThat(SigmaString.literal("ab").utf16(true, false, "utf16be").parts())
                .containsExactly("\0a\0b");
        assertThat(SigmaString.literal("ab").utf16(false, true, "utf16").parts())
                .containsExactly("\u00ff\u00fea\0b\0");
        assertThat(SigmaString.literal("ab")
                        .utf16(false, false, "wide")
                        .base64()
                        .toString())
                .isEqualTo("YQBiAA==");
        SigmaString wild = SigmaString.parse("a*", false).utf16(false, false, "wide");
        assertThat(wild.parts()).containsExactly("a\0", SigmaString.Wild.MANY);
    }

    @Test
    void windash_expands_word_initial_dashes_only() {
        List<SigmaString> out = SigmaString.literal("-param-1 -param2").windash();
        assertThat(out).hasSize(25);
        assertThat(out)
                .extracting(SigmaString::toString)
                .contains("-param-1 -param2", "/param-1 /param2", "\u2013param-1 \u2014param2")
                .allMatch(s -> s.contains("param-1"))
                .doesNotHaveDuplicates();
        assertThat(SigmaString.literal("a-b").windash()).hasSize(1);
        assertThat(SigmaString.literal("C:/Windows /s").windash()).hasSize(25);
        assertThat(SigmaString.literal("- x").windash()).hasSize(1);
    }

    @Test
    void windash_is_bounded() {
        assertThat(SigmaString.literal("-a -b -c -d -e").windash()).hasSize(3125);
        assertThatThrownBy(() -> SigmaString.literal("-a -b -c -d -e -f").windash())
                .isInstanceOf(InvalidRuleException.class)
                .hasMessageContaining("more than 4096 variants");
    }

    @Test
    void to_string_escapes_literal_specials() {
        assertThat(SigmaString.literal("a*b?c\\").toString()).isEqualTo("a\\*b\\?c\\\\");
        assertThat(SigmaString.parse(SigmaString.literal("a*b?c\\").toString(), false))
                .isEqualTo(SigmaString.literal("a*b?c\\"));
    }
}
