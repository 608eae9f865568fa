package dev.vigil.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonWriterTest {

    private static final ObjectMapper MAPPER =
            new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private static String string(String s) {
        return new JsonWriter().value(s).toString();
    }

    private static String readBack(String json) throws Exception {
        return MAPPER.readTree(json).textValue();
    }

    @Test
    void nested_containers_get_commas_and_colons_only_between_elements() throws Exception {
        JsonWriter w = new JsonWriter();
        w.beginObject()
                .field("a", "x")
                .field("n", 42L)
                .field("t", true)
                .name("empty")
                .beginObject()
                .endObject()
                .name("list")
                .beginArray()
                .value(1)
                .beginArray()
                .endArray()
                .beginObject()
                .field("k", false)
                .endObject()
                .nullValue()
                .value("s")
                .endArray()
                .name("last")
                .nullValue()
                .endObject();

        assertThat(w.toString())
                .isEqualTo("{\"a\":\"x\",\"n\":42,\"t\":true,\"empty\":{},\"list\":[1,[],{\"k\":false},null,\"s\"],"
                        + "\"last\":null}");
        JsonNode tree = MAPPER.readTree(w.toString());
        assertThat(tree.get("list").size()).isEqualTo(5);
        assertThat(tree.get("list").get(2).get("k").booleanValue()).isFalse();
        assertThat(w.depth()).isZero();
    }

    @Test
    void appends_to_the_given_builder() {
        StringBuilder out = new StringBuilder("prefix ");
        new JsonWriter(out).beginArray().value(-7).endArray();
        assertThat(out).hasToString("prefix [-7]");
    }

    @Test
    void quotes_backslashes_and_short_control_escapes() {
        assertThat(string("a\"b\\c\n\r\t\b\f")).isEqualTo("\"a\\\"b\\\\c\\n\\r\\t\\b\\f\"");
    }

    @Test
    void every_control_character_is_escaped_and_reads_back() throws Exception {
        StringBuilder all = new StringBuilder();
        for (char c = 0; c < 0x20; c++) {
            all.append(c);
        }
        String json = string(all.toString());
        for (int i = 0; i < json.length(); i++) {
            assertThat(json.charAt(i)).isGreaterThanOrEqualTo(' ');
        }
        assertThat(json).contains("\\u0000", "\\u001f", "\\u000b");
        assertThat(readBack(json)).isEqualTo(all.toString());
    }

    @Test
    void script_end_tag_cannot_appear_in_output() throws Exception {
        String hostile = "</script><script>alert(1)&amp;</script>";
        String json = string(hostile);
        assertThat(json).doesNotContain("<", ">", "&");
        assertThat(json).startsWith("\"\\u003c/script\\u003e").contains("\\u0026amp;");
        assertThat(readBack(json)).isEqualTo(hostile);
    }

    @Test
    void line_and_paragraph_separators_are_escaped() throws Exception {
        String s = "a\u2028b\u2029c";
        String json = string(s);
        assertThat(json).isEqualTo("\"a\\u2028b\\u2029c\"");
        assertThat(readBack(json)).isEqualTo(s);
    }

    @Test
    void lone_surrogates_are_escaped_and_pairs_kept() throws Exception {
        String pair = "\uD83D\uDE00";
        assertThat(string(pair)).isEqualTo("\"" + pair + "\"");
        assertThat(string("x\uD800y")).isEqualTo("\"x\\ud800y\"");
        assertThat(string("x\uDC00")).isEqualTo("\"x\\udc00\"");
        assertThat(string("\uD800")).isEqualTo("\"\\ud800\"");
        assertThat(string("\uDC00\uD800")).isEqualTo("\"\\udc00\\ud800\"");
        String mixed = "\uDC00" + pair + "\uD800";
        assertThat(readBack(string(mixed))).isEqualTo(mixed);
    }

    @Test
    void other_non_ascii_is_kept_verbatim() {
        String s = "é ü 中文 \u2027 \u202A \uFFFF";
        assertThat(string(s)).isEqualTo("\"" + s + "\"");
    }

    @Test
    void names_are_escaped_like_values() throws Exception {
        String json =
                new JsonWriter().beginObject().field("<k\"\n>", 1).endObject().toString();
        assertThat(json).doesNotContain("<");
        assertThat(MAPPER.readTree(json).fieldNames().next()).isEqualTo("<k\"\n>");
    }

    @Test
    void random_strings_round_trip_and_encode_as_valid_utf8() throws Exception {
        Random random = new Random(20261123);
        char[] interesting = {
            '"', '\\', '<', '>', '&', '\n', '\u0000', '\u001f', '\u2028', '\u2029', '\uD800', '\uDBFF', '\uDC00',
            '\uDFFF', 'a', 'é', '\u007f', '/', '\uFFFE'
        };
        for (int n = 0; n < 2000; n++) {
            StringBuilder s = new StringBuilder();
            int length = random.nextInt(12);
            for (int i = 0; i < length; i++) {
                s.append(
                        random.nextBoolean()
                                ? interesting[random.nextInt(interesting.length)]
                                : (char) random.nextInt(0x10000));
            }
            String json = string(s.toString());
            byte[] utf8 = json.getBytes(StandardCharsets.UTF_8);
            assertThat(new String(utf8, StandardCharsets.UTF_8)).isEqualTo(json);
            assertThat(MAPPER.readTree(utf8).textValue()).isEqualTo(s.toString());
        }
    }

    @Test
    void numbers_are_written_as_json_numbers() throws Exception {
        String json = new JsonWriter()
                .beginArray()
                .value(Long.MIN_VALUE)
                .value(new BigInteger("123456789012345678901234567890"))
                .value(new BigDecimal("1E+3"))
                .value(new BigDecimal("-0.000125"))
                .value(1.5e300)
                .value(-0.25)
                .value((BigDecimal) null)
                .endArray()
                .toString();
        JsonNode tree = MAPPER.readTree(json);
        assertThat(tree.get(0).longValue()).isEqualTo(Long.MIN_VALUE);
        assertThat(tree.get(1).bigIntegerValue()).isEqualTo(new BigInteger("123456789012345678901234567890"));
        assertThat(tree.get(2).decimalValue()).isEqualByComparingTo("1000");
        assertThat(tree.get(3).decimalValue()).isEqualByComparingTo("-0.000125");
        assertThat(tree.get(4).doubleValue()).isEqualTo(1.5e300);
        assertThat(tree.get(5).doubleValue()).isEqualTo(-0.25);
        assertThat(tree.get(6).isNull()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(doubles = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
    void non_finite_doubles_are_refused(double d) {
        JsonWriter w = new JsonWriter().beginArray();
        assertThatThrownBy(() -> w.value(d)).isInstanceOf(IllegalArgumentException.class);
        assertThat(w.endArray().toString()).isEqualTo("[]");
    }

    @Test
    void null_string_is_written_as_null() {
        assertThat(new JsonWriter()
                        .beginObject()
                        .field("a", (String) null)
                        .endObject()
                        .toString())
                .isEqualTo("{\"a\":null}");
    }

    @Test
    void misuse_is_refused() {
        assertThatThrownBy(() -> new JsonWriter().beginObject().value("no name"))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new JsonWriter().beginArray().name("x")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new JsonWriter().name("x")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new JsonWriter().beginObject().endArray()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new JsonWriter().beginArray().endObject()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new JsonWriter().beginObject().name("a").endObject())
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new JsonWriter().beginObject().name("a").name("b"))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new JsonWriter().endObject()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new JsonWriter().value(1).value(2)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void nesting_is_bounded() {
        JsonWriter w = new JsonWriter(new StringBuilder(), 3);
        w.beginArray().beginObject().name("a").beginArray();
        assertThatThrownBy(w::beginArray)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("3");
        w.endArray().endObject().endArray();
        assertThat(w.toString()).isEqualTo("[{\"a\":[]}]");

        JsonWriter deep = new JsonWriter();
        for (int i = 0; i < JsonWriter.DEFAULT_MAX_DEPTH; i++) {
            deep.beginArray();
        }
        assertThatThrownBy(deep::beginObject).isInstanceOf(IllegalStateException.class);
        for (int i = 0; i < JsonWriter.DEFAULT_MAX_DEPTH; i++) {
            deep.endArray();
        }
        assertThat(deep.toString()).hasSize(2 * JsonWriter.DEFAULT_MAX_DEPTH);
    }
}
