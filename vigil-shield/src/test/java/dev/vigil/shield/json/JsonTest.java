package dev.vigil.shield.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class JsonTest {

    /** Jackson as the reference reader: strict by default; trailing tokens made an error like ours. */
    private static final ObjectMapper JACKSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    @Test
    void parses_every_value_type() {
        Object tree = Json.parse("{\"s\":\"x\",\"i\":-12,\"big\":123456789012345678901234567890,"
                + "\"d\":1.50,\"e\":2E+3,\"t\":true,\"f\":false,\"n\":null,\"a\":[1,\"two\",[]],\"o\":{}}");

        assertThat(tree).isInstanceOf(LinkedHashMap.class);
        Map<?, ?> m = (Map<?, ?>) tree;
        assertThat(m.get("s")).isEqualTo("x");
        assertThat(m.get("i")).isEqualTo(-12L);
        assertThat(m.get("big")).isEqualTo(new BigInteger("123456789012345678901234567890"));
        assertThat(m.get("d")).isEqualTo(new BigDecimal("1.50"));
        assertThat(m.get("e")).isEqualTo(new BigDecimal("2E+3"));
        assertThat(m.get("t")).isEqualTo(Boolean.TRUE);
        assertThat(m.get("f")).isEqualTo(Boolean.FALSE);
        assertThat(m.containsKey("n")).isTrue();
        assertThat(m.get("n")).isNull();
        assertThat(m.get("a")).isInstanceOf(ArrayList.class).isEqualTo(List.of(1L, "two", List.of()));
        assertThat(m.get("o")).isEqualTo(Map.of());
    }

    @Test
    void top_level_scalars_and_surrounding_whitespace() {
        assertThat(Json.parse(" \t\r\n\"x\" \n")).isEqualTo("x");
        assertThat(Json.parse("0")).isEqualTo(0L);
        assertThat(Json.parse("-0")).isEqualTo(0L);
        assertThat(Json.parse("null")).isNull();
        assertThat(Json.parse("true")).isEqualTo(true);
        assertThat(Json.parse(" [ ] ")).isEqualTo(List.of());
    }

    @Test
    void integers_become_long_when_they_fit_and_big_integer_otherwise() {
        assertThat(Json.parse(String.valueOf(Long.MAX_VALUE))).isEqualTo(Long.MAX_VALUE);
        assertThat(Json.parse(String.valueOf(Long.MIN_VALUE))).isEqualTo(Long.MIN_VALUE);
        assertThat(Json.parse("999999999999999999")).isEqualTo(999_999_999_999_999_999L);
        assertThat(Json.parse("9223372036854775808")).isEqualTo(new BigInteger("9223372036854775808"));
        assertThat(Json.parse("-9223372036854775809")).isEqualTo(new BigInteger("-9223372036854775809"));
        assertThat(Json.parse("0.0")).isEqualTo(new BigDecimal("0.0"));
        assertThat(Json.parse("1e2")).isEqualTo(new BigDecimal("1e2"));
        assertThat(Json.parse("-1.25E-7")).isEqualTo(new BigDecimal("-1.25E-7"));
        assertThat(Json.parse("1e0000000000000000002")).isEqualTo(new BigDecimal("1e2"));
    }

    @Test
    void objects_keep_document_order_and_the_last_duplicate_wins() {
        Map<?, ?> m = (Map<?, ?>) Json.parse("{\"z\":1,\"a\":2,\"m\":3,\"a\":4}");
        assertThat(new ArrayList<Object>(m.keySet())).containsExactly("z", "a", "m");
        assertThat(m.get("a")).isEqualTo(4L);
    }

    @Test
    void escapes_are_decoded() {
        assertThat(Json.parse("\"\\\"\\\\\\/\\b\\f\\n\\r\\t\\u0041\\u00e9\\u4E2D\""))
                .isEqualTo("\"\\/\b\f\n\r\tAé中");
        assertThat(Json.parse("{\"k\\u0000\":\"a\\nb\",\"plain\":\"c\"}"))
                .isEqualTo(Map.of("k\u0000", "a\nb", "plain", "c"));
    }

    @Test
    void surrogate_pairs_decode_and_lone_surrogate_escapes_are_kept() {
        assertThat(Json.parse("\"\\ud83d\\ude00\"")).isEqualTo("\uD83D\uDE00");
        assertThat(Json.parse("\"\uD83D\uDE00\"")).isEqualTo("\uD83D\uDE00");
        assertThat(Json.parse("\"\\ud800x\"")).isEqualTo("\uD800x");
        assertThat(Json.parse("\"\\udc00\"")).isEqualTo("\uDC00");
    }

    @Test
    void invalid_utf8_bytes_become_replacement_characters() {
        byte[] json = {
            '[', '"', 'a', (byte) 0xFF, 'b', (byte) 0xC3, '"', ',', '"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"', ']'
        };
        List<?> list = (List<?>) Json.parse(json);
        assertThat(list.get(0)).isEqualTo("a\uFFFDb\uFFFD");
        assertThat((String) list.get(1)).doesNotContain("\uD800").contains("\uFFFD");
    }

    @Test
    void utf8_input_decodes_and_a_leading_byte_order_mark_is_skipped() {
        byte[] json = "\uFEFF{\"k\":\"é中\uD83D\uDE00\"}".getBytes(StandardCharsets.UTF_8);
        assertThat(Json.parse(json)).isEqualTo(Map.of("k", "é中\uD83D\uDE00"));
        assertThatThrownBy(() -> Json.parse("\uFEFF{}")).isInstanceOf(JsonException.class);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            value = {
                "``                |0|empty document",
                "`   `             |3|empty document",
                "{\"a\" 1}         |5|expected ':'",
                "{\"a\":1,}        |7|expected a name",
                "[1,]              |3|expected a value",
                "[1 2]             |3|expected ',' or ']'",
                "{\"a\":1 \"b\":2} |7|expected ',' or '}'",
                "{a:1}             |1|expected a name",
                "[1                |2|unexpected end of input",
                "{\"a\":1          |6|unexpected end of input",
                "// c\\n1          |0|expected a value",
                "[1]/* c */        |3|unexpected content after the document",
                "1 2               |2|unexpected content after the document",
                "{} {}             |3|unexpected content after the document",
                "NaN               |0|expected a value",
                "[-Infinity]       |2|expected a digit",
                "01                |0|leading zero",
                "[-012]            |1|leading zero",
                "+1                |0|expected a value",
                ".5                |0|expected a value",
                "1.                |2|expected a digit after the decimal point",
                "1.e5              |2|expected a digit after the decimal point",
                "1e                |2|expected a digit in the exponent",
                "[1e+]             |4|expected a digit in the exponent",
                "tru               |0|expected a value",
                "[nul]             |1|expected a value",
                "True              |0|expected a value",
                "'a'               |0|expected a value",
                "\"abc             |4|unterminated string",
                "\"a\\q\"          |2|invalid escape",
                "\"\\u12G4\"       |5|invalid hex digit",
                "\"\\u12\"         |3|unterminated unicode escape",
                "[\"\\u12\"]       |6|invalid hex digit",
                "\"\\u12           |3|unterminated unicode escape",
                "\"ab\\            |4|unterminated string",
                "\"\\x41\"         |1|invalid escape",
            })
    void strictness_errors_report_the_offset(String json, int offset, String what) {
        String input = json.replace("\\n", "\n");
        assertThatThrownBy(() -> Json.parse(input))
                .isInstanceOf(JsonException.class)
                .hasMessageStartingWith("invalid JSON at offset " + offset + ": ")
                .hasMessageContaining(what);
    }

    @ParameterizedTest
    @ValueSource(ints = {0x00, 0x01, 0x09, 0x0A, 0x0D, 0x1F})
    void unescaped_control_characters_in_strings_are_refused(int c) {
        assertThatThrownBy(() -> Json.parse("[\"ab" + (char) c + "\"]"))
                .isInstanceOf(JsonException.class)
                .hasMessage("invalid JSON at offset 4: unescaped control character in string");
        assertThatThrownBy(() -> Json.parse("[\"a\\n" + (char) c + "\"]"))
                .isInstanceOf(JsonException.class)
                .hasMessage("invalid JSON at offset 5: unescaped control character in string");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u00A0", "\u2028", "\u000B", "\u000C", "\uFEFF"})
    void only_json_whitespace_is_whitespace(String space) {
        assertThatThrownBy(() -> Json.parse("[" + space + "1]")).isInstanceOf(JsonException.class);
        assertThatThrownBy(() -> Json.parse("1" + space)).isInstanceOf(JsonException.class);
    }

    @Test
    void messages_never_quote_the_input() {
        String secret = "hunter2secret";
        for (String bad : List.of(
                "{\"" + secret + "\" 1}",
                "[\"" + secret + "\\q\"]",
                secret,
                "[1," + secret + "]",
                "{\"k\":\"" + secret,
                "[" + secret.length() + secret + "]")) {
            Throwable t = catchThrowable(() -> Json.parse(bad));
            assertThat(t).isInstanceOf(JsonException.class);
            assertThat(t.getMessage()).doesNotContain("hunter").doesNotContain("secret");
        }
    }

    @Test
    void nesting_of_128_is_accepted_and_129_refused() {
        assertThat(depthOf(Json.parse("[".repeat(128) + "]".repeat(128)))).isEqualTo(128);
        String objects = "{\"a\":".repeat(127) + "[]" + "}".repeat(127);
        assertThat(depthOf(Json.parse(objects))).isEqualTo(128);

        assertThatThrownBy(() -> Json.parse("[".repeat(129) + "]".repeat(129)))
                .isInstanceOf(JsonException.class)
                .hasMessage("invalid JSON at offset 128: nesting deeper than 128");
        assertThatThrownBy(() -> Json.parse("{\"a\":".repeat(128) + "{}" + "}".repeat(128)))
                .isInstanceOf(JsonException.class)
                .hasMessageContaining("nesting deeper than 128");
    }

    @Test
    void very_deep_input_fails_with_json_exception_not_stack_overflow() {
        assertThatThrownBy(() -> Json.parse("[".repeat(1_000_000)))
                .isInstanceOf(JsonException.class)
                .hasMessageContaining("nesting");
    }

    @Test
    void huge_exponents_are_refused_quickly() {
        long start = System.nanoTime();
        for (String n :
                List.of("1e100001", "-1.5E-100002", "1e" + "9".repeat(990), "[1E2147483648]", "0.1e-99999999")) {
            assertThatThrownBy(() -> Json.parse(n))
                    .isInstanceOf(JsonException.class)
                    .hasMessageContaining("exponent out of range");
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
        assertThat(Json.parse("1e99999")).isEqualTo(new BigDecimal("1e99999"));
        assertThat(Json.parse("1e-99999")).isEqualTo(new BigDecimal("1e-99999"));
    }

    @Test
    void numbers_longer_than_1000_characters_are_refused() {
        assertThat(Json.parse("1".repeat(1000))).isEqualTo(new BigInteger("1".repeat(1000)));
        assertThat(Json.parse("0." + "5".repeat(998))).isEqualTo(new BigDecimal("0." + "5".repeat(998)));
        assertThatThrownBy(() -> Json.parse("1".repeat(1001)))
                .isInstanceOf(JsonException.class)
                .hasMessage("invalid JSON at offset 0: number longer than 1000 characters");
        assertThatThrownBy(() -> Json.parse("[0." + "5".repeat(999) + "]"))
                .isInstanceOf(JsonException.class)
                .hasMessage("invalid JSON at offset 1: number longer than 1000 characters");
        assertThatThrownBy(() -> Json.parse("1e" + "0".repeat(999)))
                .isInstanceOf(JsonException.class)
                .hasMessageContaining("number longer than 1000");
    }

    @Test
    void strings_up_to_the_limit_are_accepted() {
        String big = "x".repeat(Json.MAX_STRING);
        assertThat(Json.parse("\"" + big + "\"")).isEqualTo(big);
        assertThatThrownBy(() -> Json.parse("\"" + big + "y\""))
                .isInstanceOf(JsonException.class)
                .hasMessage("invalid JSON at offset 1: string longer than " + Json.MAX_STRING + " characters");
        assertThatThrownBy(() -> Json.parse("\"" + big + "\\n\""))
                .isInstanceOf(JsonException.class)
                .hasMessageContaining("string longer than");
    }

    @Test
    void writes_every_value_type() {
        Map<Object, Object> m = new LinkedHashMap<>();
        m.put("s", "a\"b");
        m.put(7, 1);
        m.put("short", (short) -3);
        m.put("byte", (byte) 4);
        m.put("long", Long.MIN_VALUE);
        m.put("big", new BigInteger("-123456789012345678901234567890"));
        m.put("dec", new BigDecimal("1E+3"));
        m.put("double", 0.5);
        m.put("float", 2.0f);
        m.put("nan", Double.NaN);
        m.put("inf", Float.NEGATIVE_INFINITY);
        m.put("bool", false);
        m.put("null", null);
        m.put("list", Arrays.asList(1, null, List.of()));
        m.put("other", new StringBuilder("sb"));

        String json = Json.writeString(m);

        assertThat(json)
                .isEqualTo("{\"s\":\"a\\\"b\",\"7\":1,\"short\":-3,\"byte\":4,\"long\":-9223372036854775808,"
                        + "\"big\":-123456789012345678901234567890,\"dec\":1E+3,\"double\":0.5,\"float\":2.0,"
                        + "\"nan\":\"NaN\",\"inf\":\"-Infinity\",\"bool\":false,\"null\":null,\"list\":[1,null,[]],"
                        + "\"other\":\"sb\"}");
        assertThat(new String(Json.write(m), StandardCharsets.UTF_8)).isEqualTo(json);
    }

    @Test
    void writes_html_safe_valid_utf8() {
        String s = "</script>&\u2028é\uD83D\uDE00\uD800";
        byte[] bytes = Json.write(List.of(s));
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertThat(text).doesNotContain("<", ">", "&", "\u2028");
        assertThat(Arrays.equals(text.getBytes(StandardCharsets.UTF_8), bytes)).isTrue();
        assertThat(Json.parse(bytes)).isEqualTo(List.of(s));
    }

    @Test
    void writing_a_self_containing_map_fails_with_json_exception() {
        Map<String, Object> loop = new LinkedHashMap<>();
        loop.put("self", loop);
        assertThatThrownBy(() -> Json.write(loop)).isInstanceOf(JsonException.class);
    }

    @Test
    void round_trip_of_a_realistic_event() {
        String event = "{\"Records\":[{\"messageId\":\"059f36b4-87a3-44ab-83d2-661975830a7d\","
                + "\"body\":\"{\\\"q\\\":\\\"1' OR '1'='1\\\",\\\"n\\\":[1.5e3,-0.0,18446744073709551616]}\","
                + "\"attributes\":{\"ApproximateReceiveCount\":\"1\",\"SentTimestamp\":1545082649183},"
                + "\"eventSourceARN\":\"arn:aws:sqs:us-east-2:123456789012:my-queue\",\"flag\":true,\"x\":null}]}";
        Object tree = Json.parse(event);
        Object again = Json.parse(Json.write(tree));
        assertThat(JsonTrees.normalized(again)).isEqualTo(JsonTrees.normalized(tree));
        assertThat(again).isEqualTo(tree);
    }

    @Test
    void random_valid_documents_parse_like_jackson_and_round_trip() throws Exception {
        Random random = new Random(8259);
        for (int n = 0; n < 3000; n++) {
            String doc = new DocumentGenerator(random).document();
            Object ours = Json.parse(doc);
            Object reference = JACKSON.readValue(doc, Object.class);
            assertThat(JsonTrees.normalized(ours)).as(doc).isEqualTo(JsonTrees.normalized(reference));
            assertThat(JsonTrees.normalized(Json.parse(doc.getBytes(StandardCharsets.UTF_8))))
                    .as(doc)
                    .isEqualTo(JsonTrees.normalized(ours));
            assertThat(JsonTrees.normalized(Json.parse(Json.write(ours))))
                    .as(doc)
                    .isEqualTo(JsonTrees.normalized(ours));
        }
    }

    @Test
    void random_mutated_documents_are_accepted_or_refused_like_jackson() throws Exception {
        Random random = new Random(20261123);
        String alphabet = "{}[],:\"\\/ \t\n\r0123456789-+.eEtrufalsnxu\u0000\u001f\u00a0\u2028\uD800\uDC00'#*";
        int refused = 0;
        for (int n = 0; n < 20000; n++) {
            StringBuilder doc = new StringBuilder(new DocumentGenerator(random).document());
            int mutations = 1 + random.nextInt(3);
            for (int k = 0; k < mutations; k++) {
                int at = random.nextInt(doc.length() + 1);
                switch (random.nextInt(3)) {
                    case 0 -> doc.insert(at, alphabet.charAt(random.nextInt(alphabet.length())));
                    case 1 -> {
                        if (at < doc.length()) {
                            doc.deleteCharAt(at);
                        }
                    }
                    default -> {
                        if (at < doc.length()) {
                            doc.setCharAt(at, alphabet.charAt(random.nextInt(alphabet.length())));
                        }
                    }
                }
            }
            String text = doc.toString();
            Object reference;
            try {
                reference = JACKSON.readValue(text, Object.class);
            } catch (Exception jacksonRefused) {
                if (String.valueOf(jacksonRefused.getMessage()).contains("surrogate")) {
                    // Jackson refuses lone surrogates in names, which Json keeps, as documented; the text may
                    // still be invalid for another reason.
                    Throwable t = catchThrowable(() -> Json.parse(text));
                    if (t != null) {
                        assertThat(t).as(text).isInstanceOf(JsonException.class);
                    }
                    continue;
                }
                refused++;
                Throwable t = catchThrowable(() -> Json.parse(text));
                assertThat(t).as(text).isInstanceOf(JsonException.class);
                assertThat(t.getMessage()).startsWith("invalid JSON at offset ");
                continue;
            }
            Object ours;
            try {
                ours = Json.parse(text);
            } catch (JsonException e) {
                // Jackson accepts any exponent; Json bounds it, on purpose (a mutation can join two numbers).
                assertThat(e.getMessage()).as(text).contains("exponent out of range");
                continue;
            }
            assertThat(JsonTrees.normalized(ours)).as(text).isEqualTo(JsonTrees.normalized(reference));
        }
        assertThat(refused).isGreaterThan(10000);
    }

    private static int depthOf(Object v) {
        if (v instanceof List<?> l) {
            return 1 + l.stream().mapToInt(JsonTest::depthOf).max().orElse(0);
        }
        if (v instanceof Map<?, ?> m) {
            return 1 + m.values().stream().mapToInt(JsonTest::depthOf).max().orElse(0);
        }
        return 0;
    }

    /** Valid JSON text, written by hand so that it exercises spellings a writer would not produce. */
    private static final class DocumentGenerator {
        private final Random random;
        private final StringBuilder out = new StringBuilder();

        DocumentGenerator(Random random) {
            this.random = random;
        }

        String document() {
            space();
            value(0);
            space();
            return out.toString();
        }

        private void value(int depth) {
            int kind = random.nextInt(depth > 5 ? 6 : 8);
            switch (kind) {
                case 0 -> out.append("null");
                case 1 -> out.append(random.nextBoolean() ? "true" : "false");
                case 2, 3 -> number();
                case 4, 5 -> string();
                case 6 -> {
                    out.append('[');
                    int n = random.nextInt(5);
                    space();
                    for (int i = 0; i < n; i++) {
                        if (i > 0) {
                            out.append(',');
                            space();
                        }
                        value(depth + 1);
                        space();
                    }
                    out.append(']');
                }
                default -> {
                    out.append('{');
                    int n = random.nextInt(5);
                    space();
                    for (int i = 0; i < n; i++) {
                        if (i > 0) {
                            out.append(',');
                            space();
                        }
                        if (random.nextInt(4) == 0) {
                            out.append("\"dup\"");
                        } else {
                            string();
                        }
                        space();
                        out.append(':');
                        space();
                        value(depth + 1);
                        space();
                    }
                    out.append('}');
                }
            }
        }

        private void space() {
            while (random.nextInt(4) == 0) {
                out.append(" \t\n\r".charAt(random.nextInt(4)));
            }
        }

        private void number() {
            if (random.nextInt(3) == 0) {
                out.append('-');
            }
            if (random.nextInt(4) == 0) {
                out.append('0');
            } else {
                out.append((char) ('1' + random.nextInt(9)));
                digits(random.nextInt(4) == 0 ? 25 : 6);
            }
            if (random.nextBoolean()) {
                out.append('.');
                out.append((char) ('0' + random.nextInt(10)));
                digits(8);
            }
            if (random.nextInt(3) == 0) {
                out.append(random.nextBoolean() ? 'e' : 'E');
                int sign = random.nextInt(3);
                if (sign > 0) {
                    out.append(sign == 1 ? '+' : '-');
                }
                out.append((char) ('0' + random.nextInt(10)));
                digits(2);
            }
        }

        private void digits(int max) {
            int n = random.nextInt(max + 1);
            for (int i = 0; i < n; i++) {
                out.append((char) ('0' + random.nextInt(10)));
            }
        }

        private void string() {
            out.append('"');
            int n = random.nextInt(8);
            for (int i = 0; i < n; i++) {
                switch (random.nextInt(10)) {
                    case 0 -> out.append('\\').append("\"\\/bfnrt".charAt(random.nextInt(8)));
                    case 1 -> {
                        int code = random.nextInt(0x10000 - 0x800);
                        // Lone surrogates are covered on their own: Jackson refuses them in names.
                        String hex = String.format("%04x", code < 0xD800 ? code : code + 0x800);
                        out.append("\\u").append(random.nextBoolean() ? hex : hex.toUpperCase());
                    }
                    case 2 -> out.append("\\ud83d\\ude00");
                    case 3 -> out.append("é中\uD83D\uDE00\u2028");
                    default -> out.append(plain());
                }
            }
            out.append('"');
        }

        private char plain() {
            char c = (char) (' ' + random.nextInt(95));
            return c == '"' || c == '\\' ? 'q' : c;
        }
    }
}
