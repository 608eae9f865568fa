package dev.vigil.shield.aws.events;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DecodingAndNamesTest {

    @ParameterizedTest(name = "[{0}] -> [{1}]")
    @CsvSource(
            delimiter = '|',
            value = {
                "a+b%20c|a b c",
                "%E2%82%AC|€",
                "100%|100%",
                "%4|%4",
                "%zz%41|%zzA",
                "%C3%A9t%C3%A9|été",
                "%FF|\uFFFD"
            })
    void url_decodes_utf8_escapes_and_keeps_malformed_ones(String encoded, String decoded) {
        assertThat(Decoding.url(encoded, true)).isEqualTo(decoded);
    }

    @Test
    void url_keeps_plus_unless_asked_and_returns_the_same_string_when_nothing_to_decode() {
        String plain = "nothing-to-decode";

        assertThat(Decoding.url("a+b", false)).isEqualTo("a+b");
        assertThat(Decoding.url(plain, true)).isSameAs(plain);
    }

    @Test
    void base64_accepts_standard_and_mime_text_and_refuses_other_text() {
        assertThat(Decoding.base64("aGk=")).containsExactly('h', 'i');
        assertThat(Decoding.base64("aG\nk=")).containsExactly('h', 'i');
        assertThat(Decoding.base64("a===b")).isNull();
    }

    @Test
    void looks_like_json_needs_matching_outer_brackets() {
        assertThat(Decoding.looksLikeJson("  {\"a\":1}\n")).isTrue();
        assertThat(Decoding.looksLikeJson("[1]")).isTrue();
        assertThat(Decoding.looksLikeJson("{")).isFalse();
        assertThat(Decoding.looksLikeJson("{]")).isFalse();
        assertThat(Decoding.looksLikeJson("plain")).isFalse();
        assertThat(Decoding.jsonOrNull("{not json}")).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"q", "user_id", "Content-Type", "x1"})
    void plain_names_are_not_reported(String name) {
        assertThat(Names.isPlain(name)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"$where", "__proto__", "constructor", "prototype", "a[b]", "a.b", "", "na me", "é"})
    void unusual_names_are_reported(String name) {
        assertThat(Names.isPlain(name)).isFalse();
    }

    @Test
    void long_names_are_cut_in_locations() {
        String location = Names.child("query", "n".repeat(1000));

        assertThat(location).hasSize("query.".length() + Names.MAX_SEGMENT + 1).endsWith("n…");
    }

    @Test
    void lower_only_copies_when_needed() {
        String lower = "x-forwarded-for";

        assertThat(Names.lower(lower)).isSameAs(lower);
        assertThat(Names.lower("X-Forwarded-FOR")).isEqualTo(lower);
    }
}
