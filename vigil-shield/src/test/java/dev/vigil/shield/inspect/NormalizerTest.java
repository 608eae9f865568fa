package dev.vigil.shield.inspect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class NormalizerTest {

    private static final String NUL = "\0";

    @Test
    void plain_text_yields_exactly_the_raw_variant() {
        String raw = "{\"order\":{\"id\":42,\"note\":\"Leave at the door, thanks!\"}}";

        List<Variant> variants = Normalizer.variants(raw);

        assertThat(variants).hasSize(1);
        assertThat(variants.get(0).text()).isSameAs(raw);
        assertThat(variants.get(0).decoding()).isEmpty();
        assertThat(variants.get(0).isRaw()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Tom & Jerry",
                "100% sure",
                "%zz and %4",
                "C:\\Windows\\system32",
                "caf\u00e9 \u00e0 la cr\u00e8me",
                "&unknown; &#; &#x; &#xZZ;",
                "\\u12 \\xg1 \\u{} \\u{110000} \\8",
                "%e9t%e9 latin-1 bytes",
                ""
            })
    void trigger_characters_without_a_valid_escape_yield_only_raw(String raw) {
        assertThat(Normalizer.variants(raw)).containsExactly(new Variant(raw, ""));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "%3Cscript%3Ealert(1)%3C/script%3E | <script>alert(1)</script>",
                "caf%C3%A9 | caf\u00e9",
                "%e2%82%ac5 | \u20ac5",
                "%F0%9F%98%80 | \ud83d\ude00",
                "%u003Cscript%U003E | <script>",
                "%uD83D%uDE00 | \ud83d\ude00",
                "a+b%20c | a+b c",
                "100%%20off | 100% off",
                "%C3%A9%C3 | \u00e9%C3",
                "%C3%28 | %C3(",
                "%E0%A0%80 | \u0800",
                "%ED%A0%80%41 | %ED%A0%80A",
                "%F4%90%80%80%41 | %F4%90%80%80A",
                "%%34%31 | %41",
            })
    void url_decodes_percent_escapes_as_utf8_and_keeps_invalid_ones(String raw, String expected) {
        assertThat(Normalizer.variants(raw)).startsWith(new Variant(raw, ""), new Variant(expected, "url"));
    }

    @Test
    void url2_decodes_double_encoding() {
        assertThat(Normalizer.variants("%253Cscript%253E"))
                .containsExactly(
                        new Variant("%253Cscript%253E", ""),
                        new Variant("%3Cscript%3E", "url"),
                        new Variant("<script>", "url2"));
    }

    @Test
    void url2_applies_to_escapes_revealed_by_the_first_pass() {
        assertThat(Normalizer.variants("%%34%31"))
                .containsExactly(new Variant("%%34%31", ""), new Variant("%41", "url"), new Variant("A", "url2"));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "..%c0%af..%c0%afetc/passwd | ../../etc/passwd",
                "%c0%ae%c0%ae%C0%AF | ../",
                "%e0%80%ae | .",
                "%c1%9c | \\",
                "%f0%80%80%af | /",
                "%f8%80%80%80%af | /",
                "%fc%80%80%80%80%af | /",
            })
    void overlong_decodes_overlong_utf8_of_ascii(String raw, String expected) {
        assertThat(Normalizer.variants(raw)).containsExactly(new Variant(raw, ""), new Variant(expected, "overlong"));
    }

    @Test
    void overlong_needs_continuation_bytes_not_their_decoded_form() {
        assertThat(Normalizer.variants("%c0%2e"))
                .containsExactly(new Variant("%c0%2e", ""), new Variant("%c0.", "url"));
    }

    @Test
    void overlong_decodes_bytes_held_as_latin1_chars() {
        String raw = "..\u00c0\u00af..\u00c0\u00afwin.ini";

        assertThat(Normalizer.variants(raw))
                .containsExactly(new Variant(raw, ""), new Variant("../../win.ini", "overlong"));
    }

    @Test
    void overlong_leaves_non_ascii_overlongs_and_truncated_sequences_alone() {
        assertThat(Normalizer.variants("%e0%82%80 %c0 %e0%80")).hasSize(1);
    }

    @Test
    void overlong_runs_after_url_decoding() {
        assertThat(Normalizer.variants("%25c0%25ae%2e/"))
                .containsExactly(
                        new Variant("%25c0%25ae%2e/", ""),
                        new Variant("%c0%ae./", "url"),
                        new Variant("../", "url+overlong"));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '"',
            value = {
                "&#60;script&#62; | <script>",
                "&#x3c;&#X3E; | <>",
                "&#x3C | <",
                "&#60script | <script",
                "&#0000060; | <",
                "&#x00003c; | <",
                "&#128512; | \ud83d\ude00",
                "&lt;&gt;&amp;&quot;&apos; | <>&\"'",
                "&sol;&colon;&lpar;&rpar; | /:()",
                "java&Tab;script&colon; | java\tscript:",
                "a&nbsp;b | a\u00a0b",
                "&LT;&GT;&AMP;&QUOT; | <>&\"",
                "&ltscript&gt | <script>",
                "&lpar &lt | &lpar <",
                "&#x110000; &lt; | &#x110000; <",
                "&#xD800; &lt; | &#xD800; <",
                "&#99999999999999999999; &#x3c; | &#99999999999999999999; <",
                "&Lt; &lt; | &Lt; <",
            })
    void html_decodes_character_references(String raw, String expected) {
        assertThat(Normalizer.variants(raw)).containsExactly(new Variant(raw, ""), new Variant(expected, "html"));
    }

    @Test
    void html_decodes_whitespace_and_punctuation_names_used_for_evasion() {
        String raw = "java&tab;script&newline;&NewLine;&bsol;&verbar;&grave;&commat;&lsqb;&rsqb;&lcub;&rcub;";

        assertThat(Normalizer.variants(raw))
                .containsExactly(new Variant(raw, ""), new Variant("java\tscript\n\n\\|`@[]{}", "html"));
    }

    @Test
    void url_then_html_when_both_apply() {
        assertThat(Normalizer.variants("%26lt%3Bscript%26gt%3B"))
                .containsExactly(
                        new Variant("%26lt%3Bscript%26gt%3B", ""),
                        new Variant("&lt;script&gt;", "url"),
                        new Variant("<script>", "url+html"));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "\\u003cscript\\u003E | <script>",
                "\\u{3c}\\u{00003E} | <>",
                "\\u{1F600} | \ud83d\ude00",
                "\\U0001F600 | \ud83d\ude00",
                "\\x3cimg\\x3E | <img>",
                "\\074\\057\\377 | </\u00ff",
                "\\\\x41 | \\A",
                "\\u004 \\x4 \\u{1234567} \\x41 | \\u004 \\x4 \\u{1234567} A",
                "\\400 \\18 \\101 | \\400 \\18 A",
            })
    void unicode_decodes_backslash_escapes(String raw, String expected) {
        assertThat(Normalizer.variants(raw)).containsExactly(new Variant(raw, ""), new Variant(expected, "unicode"));
    }

    @Test
    void unicode_escaped_surrogate_pair_forms_one_code_point() {
        List<Variant> variants = Normalizer.variants("smile \\ud83d\\ude00");

        String decoded = variants.get(1).text();
        assertThat(decoded).isEqualTo("smile \ud83d\ude00");
        assertThat(decoded.codePointAt(6)).isEqualTo(0x1F600);
        assertThat(decoded.codePointCount(0, decoded.length())).isEqualTo(7);
    }

    @Test
    void unicode_keeps_a_lone_surrogate() {
        assertThat(Normalizer.variants("\\ud83dx").get(1).text()).isEqualTo("\ud83dx");
    }

    @Test
    void nul_after_url_decoding_is_removed_and_truncated() {
        assertThat(Normalizer.variants("file.jsp%00.png"))
                .containsExactly(
                        new Variant("file.jsp%00.png", ""),
                        new Variant("file.jsp" + NUL + ".png", "url"),
                        new Variant("file.jsp.png", "url+nul"),
                        new Variant("file.jsp", "url+nul-trunc"));
    }

    @Test
    void raw_nul_chars_are_removed_and_truncated() {
        String raw = "a" + NUL + "b" + NUL + NUL + "c";

        assertThat(Normalizer.variants(raw))
                .containsExactly(new Variant(raw, ""), new Variant("abc", "nul"), new Variant("a", "nul-trunc"));
    }

    @Test
    void nul_trunc_equal_to_nul_is_not_repeated() {
        String raw = "abc" + NUL + NUL;

        assertThat(Normalizer.variants(raw)).containsExactly(new Variant(raw, ""), new Variant("abc", "nul"));
    }

    @Test
    void every_stage_applies_in_pipeline_order() {
        String raw = "%2526lt%253B%25c0%25ae%255cx41%2500z";

        assertThat(Normalizer.variants(raw))
                .containsExactly(
                        new Variant(raw, ""),
                        new Variant("%26lt%3B%c0%ae%5cx41%00z", "url"),
                        new Variant("&lt;%c0%ae\\x41" + NUL + "z", "url2"),
                        new Variant("&lt;.\\x41" + NUL + "z", "url2+overlong"),
                        new Variant("<.\\x41" + NUL + "z", "url2+overlong+html"),
                        new Variant("<.A" + NUL + "z", "url2+overlong+html+unicode"),
                        new Variant("<.Az", "url2+overlong+html+unicode+nul"),
                        new Variant("<.A", "url2+overlong+html+unicode+nul-trunc"))
                .hasSize(Normalizer.MAX_VARIANTS);
    }

    @Test
    void html_reference_to_a_backslash_feeds_unicode() {
        assertThat(Normalizer.variants("&#92;u003cscript"))
                .containsExactly(
                        new Variant("&#92;u003cscript", ""),
                        new Variant("\\u003cscript", "html"),
                        new Variant("<script", "html+unicode"));
    }

    @Test
    void long_values_are_decoded_on_their_prefix_only() {
        String raw = "%41" + "a".repeat(Normalizer.DEFAULT_MAX_LENGTH) + "%42";

        List<Variant> variants = Normalizer.variants(raw);

        assertThat(variants).hasSize(2);
        assertThat(variants.get(0).text()).isSameAs(raw);
        String decoded = variants.get(1).text();
        assertThat(decoded)
                .hasSize(Normalizer.DEFAULT_MAX_LENGTH - 2)
                .startsWith("Aaaa")
                .endsWith("aaa");
        assertThat(variants.get(1).decoding()).isEqualTo("url");
    }

    @Test
    void max_length_cuts_through_an_escape_which_then_stays_literal() {
        assertThat(Normalizer.variants("%41%42%43", 5))
                .containsExactly(new Variant("%41%42%43", ""), new Variant("A%4", "url"));
    }

    @Test
    void triggers_beyond_the_limit_are_not_looked_at() {
        assertThat(Normalizer.variants("abcdef%41&lt;", 6)).containsExactly(new Variant("abcdef%41&lt;", ""));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, Integer.MIN_VALUE})
    void max_length_must_be_positive(int maxLength) {
        assertThatThrownBy(() -> Normalizer.variants("x", maxLength)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void variants_list_is_immutable() {
        List<Variant> variants = Normalizer.variants("%41");

        assertThatThrownBy(() -> variants.add(new Variant("x", "y"))).isInstanceOf(UnsupportedOperationException.class);
    }

    private static final String[] PIECES = {
        "%", "%2", "%25", "%3C", "%3c", "%c0", "%C1", "%ae", "%af", "%80", "%e0", "%f0", "%00", "%u", "%uD83D", "%u00",
        "&", "&#", "&#x", ";", "lt", "amp", "Tab", "\\", "\\u", "\\U", "\\x", "{", "}", "0", "3", "7", "9", "a", "F",
        "x", "u", "\0", "\u00c0", "\u00c1", "\u00e0", "\u00ae", "\u00af", "\u0080", "\ud83d", "\ude00", " ", "+",
        "\u00e9", "<", "/", "."
    };

    private static final Set<String> STAGES = Set.of("url", "url2", "overlong", "html", "unicode", "nul", "nul-trunc");

    @ParameterizedTest
    @ValueSource(longs = {1L, 42L, 20240607L, -7L})
    void random_inputs_never_throw_and_keep_the_invariants(long seed) {
        Random random = new Random(seed);
        for (int n = 0; n < 5_000; n++) {
            StringBuilder sb = new StringBuilder();
            int pieces = random.nextInt(40);
            for (int p = 0; p < pieces; p++) {
                sb.append(
                        random.nextInt(10) == 0
                                ? (char) random.nextInt(0x10000)
                                : PIECES[random.nextInt(PIECES.length)]);
            }
            String raw = sb.toString();
            int maxLength = random.nextBoolean() ? Normalizer.DEFAULT_MAX_LENGTH : 1 + random.nextInt(64);

            List<Variant> variants = Normalizer.variants(raw, maxLength);

            assertThat(variants)
                    .as("variants of %s", raw)
                    .isNotEmpty()
                    .hasSizeLessThanOrEqualTo(Normalizer.MAX_VARIANTS);
            assertThat(variants.get(0).text()).isSameAs(raw);
            assertThat(variants.get(0).decoding()).isEmpty();
            Set<String> texts = new HashSet<>();
            for (Variant variant : variants) {
                assertThat(texts.add(variant.text()))
                        .as("duplicate variant in %s", variants)
                        .isTrue();
            }
            for (Variant variant : variants.subList(1, variants.size())) {
                assertThat(variant.text().length()).isLessThan(Math.min(raw.length(), maxLength));
                assertThat(variant.decoding().split("\\+", -1)).isSubsetOf(STAGES);
            }
            assertThat(Normalizer.variants(raw, maxLength)).isEqualTo(variants);
        }
    }
}
