package dev.vigil.core.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EvidenceTest {

    @Test
    void short_values_are_kept_whole() {
        assertThat(Evidence.of("' OR 1=1 --")).isEqualTo("' OR 1=1 --");
    }

    @Test
    void control_and_bidi_characters_are_escaped() {
        assertThat(Evidence.of("a\nb\u0000c\u202ed\u009be\\")).isEqualTo("a\\x0ab\\x00c\\u202ed\\x9be\\\\");
    }

    @Test
    void long_values_are_cut_around_the_match_and_marked() {
        String value = "x".repeat(1000) + "<script>alert(1)</script>" + "y".repeat(1000);
        int start = 1000;
        String fragment = Evidence.around(value, start, start + 25, 60);
        assertThat(fragment).startsWith("…").endsWith("…").contains("<script>alert(1)</script>");
        assertThat(fragment.length()).isLessThanOrEqualTo(62);
    }

    @Test
    void cuts_never_split_a_surrogate_pair() {
        String value = "\ud83d\ude00".repeat(200);
        String fragment = Evidence.around(value, 101, 103, 41);
        String inner = fragment.substring(1, fragment.length() - 1);
        assertThat(inner).doesNotContain("\\u");
        assertThat(inner.codePoints().allMatch(cp -> cp == 0x1F600)).isTrue();
    }

    @Test
    void lone_surrogates_are_escaped() {
        assertThat(Evidence.of("a\ud800b")).isEqualTo("a\\ud800b");
    }

    @Test
    void null_gives_empty() {
        assertThat(Evidence.of(null)).isEmpty();
    }
}
