package dev.vigil.detect.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.detect.input.EventParser;
import dev.vigil.detect.input.RawRecord;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonTapeTest {

    private static TapeEvent event(String json) {
        return TapeEvent.parse(json.getBytes(StandardCharsets.UTF_8), LogSource.UNKNOWN, EventOrigin.NONE);
    }

    private static List<String> all(Event e, String path) {
        List<String> out = new ArrayList<>();
        e.anyValue(FieldPath.of(path), v -> out.add(v.kind() + ":" + v.text()) && false);
        return out;
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "''|empty record|-1",
                "'   '|empty record|-1",
                "{|unexpected end of input|1",
                "{\"a\":1,}|expected a key string|7",
                "[1,]|unexpected character ']'|3",
                "{\"a\" 1}|expected ':'|5",
                "{\"a\":01}|expected ',' or '}'|6",
                "{\"a\":1.}|no digit after '.'|7",
                "{\"a\":1e}|no digit in the exponent|7",
                "{\"a\":-}|invalid number|6",
                "{\"a\":tru}|invalid literal|5",
                "{\"a\":NaN}|unexpected character 'N'|5",
                "{\"a\":\"x}|unterminated string|8",
                "{\"a\":\"\\x\"}|invalid escape|6",
                "{\"a\":\"\\u12G4\"}|invalid|6",
                "{\"a\":1} {}|unexpected content after the JSON value|8",
                "{'a':1}|expected a key string|1",
                "{\"a\":1}//c|unexpected content|7",
            })
    void rejects_malformed_json_with_a_reason_and_offset(String json, String reason, long offset) {
        assertThatThrownBy(() -> event(json))
                .isInstanceOf(MalformedRecordException.class)
                .hasMessageContaining(reason)
                .satisfies(
                        e -> assertThat(((MalformedRecordException) e).offset()).isEqualTo(offset));
    }

    @Test
    void rejects_control_characters_inside_strings() {
        assertThatThrownBy(() -> event("{\"a\":\"x\ty\"}")).hasMessageContaining("control character");
    }

    @Test
    void nesting_is_limited() {
        String ok = "[".repeat(128) + "]".repeat(128);
        assertThat(event(ok).json()).isEqualTo(ok);
        String deep = "[".repeat(129) + "]".repeat(129);
        assertThatThrownBy(() -> event(deep)).hasMessageContaining("nesting deeper than 128");
        String veryDeep = "[".repeat(1_000_000);
        assertThatThrownBy(() -> event(veryDeep)).isInstanceOf(MalformedRecordException.class);
    }

    @Test
    void parser_limits_size_and_requires_an_object() {
        byte[] big = ("{\"a\":\"" + "x".repeat(100) + "\"}").getBytes(StandardCharsets.UTF_8);
        RawRecord record = new RawRecord(big, 0, big.length, EventOrigin.NONE, LogSource.UNKNOWN);
        assertThatThrownBy(() -> new EventParser(50, 128).event(record, null))
                .hasMessageContaining("larger than the limit of 50");
        byte[] array = "[1]".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(
                        () -> EventParser.parse(new RawRecord(array, 0, 3, EventOrigin.NONE, LogSource.UNKNOWN), null))
                .hasMessageContaining("not a JSON object");
    }

    @Test
    void parses_a_slice_of_a_shared_buffer() {
        byte[] buf = "xx{\"a\":\"b\"}yy".getBytes(StandardCharsets.UTF_8);
        TapeEvent e = EventParser.parse(new RawRecord(buf, 2, 9, EventOrigin.NONE, LogSource.UNKNOWN), null);
        assertThat(e.text(FieldPath.of("a"))).isEqualTo("b");
        assertThat(e.json()).isEqualTo("{\"a\":\"b\"}");
    }

    @Test
    void duplicate_keys_first_one_wins() {
        TapeEvent e = event("{\"a\":1,\"a\":2,\"o\":{\"k\":\"x\",\"k\":\"y\"}}");
        assertThat(all(e, "a")).containsExactly("NUMBER:1");
        assertThat(e.text(FieldPath.of("o.k"))).isEqualTo("x");
    }

    @Test
    void invalid_utf8_decodes_with_replacement_and_lone_surrogate_escapes_are_kept() {
        byte[] bytes = {
            '{',
            '"',
            'a',
            '"',
            ':',
            '"',
            'x',
            (byte) 0xC3,
            '"',
            ',',
            '"',
            'b',
            '"',
            ':',
            '"',
            '\\',
            'u',
            'D',
            '8',
            '0',
            '0',
            '"',
            '}'
        };
        TapeEvent e = TapeEvent.parse(bytes, LogSource.UNKNOWN, EventOrigin.NONE);
        assertThat(e.text(FieldPath.of("a"))).isEqualTo("x\uFFFD");
        assertThat(e.text(FieldPath.of("b"))).isEqualTo("\uD800");
    }

    @Test
    void decodes_escapes_in_values_and_keys() {
        TapeEvent e = event("{\"k\\u00e9y\":\"a\\\"b\\\\c\\/d\\n\\u00e9\\ud83d\\ude00\",\"\u00e9t\u00e9\":\"ok\"}");
        assertThat(e.text(FieldPath.of("k\u00e9y"))).isEqualTo("a\"b\\c/d\n\u00e9\uD83D\uDE00");
        assertThat(e.text(FieldPath.of("\u00e9t\u00e9"))).isEqualTo("ok");
        assertThat(e.exists(FieldPath.of("k"))).isFalse();
    }

    @Test
    void resolves_literal_dotted_key_first_then_walks_and_fans_out() {
        TapeEvent e = event("{\"a.b\":\"literal\",\"a\":{\"b\":\"nested\"},\"r\":[{\"n\":1},{\"n\":[2,3]},{\"m\":4}]}");
        assertThat(all(e, "a.b")).containsExactly("STRING:literal");
        assertThat(all(e, "r.n")).containsExactly("NUMBER:1", "ARRAY:[2,3]", "NUMBER:2", "NUMBER:3");
        assertThat(e.exists(FieldPath.of("r.m"))).isTrue();
        assertThat(e.exists(FieldPath.of("r.x"))).isFalse();
    }

    @Test
    void container_text_is_compact_json_even_when_the_record_has_whitespace() throws Exception {
        String json = "{ \"p\" : { \"policy\" : [ \"s3:GetObject\" , \"a b\" ],\n\t\"n\" : null } }";
        TapeEvent e = event(json);
        assertThat(e.text(FieldPath.of("p"))).isEqualTo("{\"policy\":[\"s3:GetObject\",\"a b\"],\"n\":null}");
        assertThat(e.json()).isEqualTo("{\"p\":{\"policy\":[\"s3:GetObject\",\"a b\"],\"n\":null}}");
        assertThat(new ObjectMapper().readTree(e.json())).isEqualTo(new ObjectMapper().readTree(json));
    }

    @Test
    void values_have_kinds_text_and_numbers() {
        TapeEvent e = event("{\"i\":42,\"d\":-1.5e2,\"s\":\"17\",\"t\":true,\"n\":null,\"x\":\"NoNumber\"}");
        List<String> kinds = new ArrayList<>();
        for (String f : List.of("i", "d", "s", "t", "n", "x")) {
            e.anyValue(FieldPath.of(f), v -> kinds.add(v.kind() + " " + v.text() + " " + v.number()) && false);
        }
        assertThat(kinds)
                .containsExactly(
                        "NUMBER 42 42.0",
                        "NUMBER -1.5e2 -150.0",
                        "STRING 17 17.0",
                        "BOOLEAN true NaN",
                        "NULL null NaN",
                        "STRING NoNumber NaN");
        assertThat(e.text(FieldPath.of("n"))).isNull();
        assertThat(e.exists(FieldPath.of("n"))).isTrue();
        List<String> leaves = new ArrayList<>();
        e.anyLeaf(v -> leaves.add(v.lowerText()) && false);
        assertThat(leaves).containsExactly("42", "-1.5e2", "17", "true", "nonumber");
    }
}
