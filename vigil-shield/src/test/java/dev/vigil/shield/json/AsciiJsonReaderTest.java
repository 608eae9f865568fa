package dev.vigil.shield.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The ASCII fast path of {@link Json#parse} must build exactly what the char reader builds, and give up (so the char
 * reader decides, with its error messages) on everything else.
 */
class AsciiJsonReaderTest {

    private static final String[] DOCUMENTS = {
        "{}",
        "[]",
        " { \"a\" : 1 , \"b\" : [ true , false , null ] } ",
        "{\"a\":1,\"a\":2,\"b\":3}",
        "{\"s\":\"plain\",\"e\":\"q\\\"uote\\\\ \\/ \\b\\f\\n\\r\\t \\u0041\\u00e9\"}",
        "[0,-0,1,-1,123456789012345678,1234567890123456789,12345678901234567890,-9223372036854775808]",
        "[1.5,-0.0,1e3,1E+3,2e-2,0.000001,1.0e10]",
        "\"just a string\"",
        "true",
        "null",
        "-12",
        "{\"k1\":1,\"k2\":2,\"k3\":3,\"k4\":4,\"k5\":5,\"k6\":6,\"k7\":7,\"k8\":8,\"k9\":9,\"k10\":10,\"k11\":11,"
                + "\"k12\":12,\"k13\":13,\"k14\":14}",
        "[[[[{\"deep\":[{\"x\":\"y\"}]}]]]]",
        "{\"body\":\"{\\\"order\\\":{\\\"items\\\":[{\\\"sku\\\":\\\"A\\\"}]}}\"}",
    };

    @Test
    void ascii_documents_parse_to_the_same_tree_as_the_char_reader() {
        for (String doc : DOCUMENTS) {
            Object fast = AsciiJsonReader.parse(doc.getBytes(StandardCharsets.UTF_8));
            assertThat(fast).as(doc).isNotSameAs(AsciiJsonReader.FALLBACK);
            Object slow = new JsonReader(doc, 0).document();
            assertThat(fast).as(doc).isEqualTo(slow);
            assertThat(Json.write(fast)).as(doc).isEqualTo(Json.write(slow));
        }
    }

    @Test
    void numbers_keep_their_types() {
        Object fast = AsciiJsonReader.parse("[1,12345678901234567890,1.50,9223372036854775807]".getBytes());
        assertThat((List<?>) fast)
                .extracting(o -> o.getClass().getSimpleName())
                .containsExactly("Long", "BigInteger", "BigDecimal", "Long");
    }

    @Test
    void duplicate_names_keep_first_position_and_last_value() {
        @SuppressWarnings("unchecked")
        Map<String, Object> map = (Map<String, Object>) AsciiJsonReader.parse("{\"a\":1,\"b\":2,\"a\":3}".getBytes());
        assertThat(new ArrayList<>(map.keySet())).containsExactly("a", "b");
        assertThat(map.get("a")).isEqualTo(3L);
    }

    @Test
    void gives_up_on_non_ascii_wide_escapes_and_errors() {
        String[] others = {
            "{\"name\":\"caf\u00e9\"}",
            "\uFEFF{}",
            "\"\\u20ac\"",
            "{\"a\":}",
            "[1,]",
            "01",
            "[1.]",
            "\"unterminated",
            "{\"a\":1} x",
            "",
            "tru",
            "fals",
            "nul",
            "\"tab\there\"",
            "1e",
            "[" + "1".repeat(1001) + "]",
            "1e999999999",
        };
        for (String doc : others) {
            assertThat(AsciiJsonReader.parse(doc.getBytes(StandardCharsets.UTF_8)))
                    .as(doc)
                    .isSameAs(AsciiJsonReader.FALLBACK);
        }
    }

    @Test
    void too_deep_nesting_is_left_to_the_char_reader() {
        String deep = "[".repeat(Json.MAX_DEPTH + 1) + "]".repeat(Json.MAX_DEPTH + 1);
        assertThat(AsciiJsonReader.parse(deep.getBytes())).isSameAs(AsciiJsonReader.FALLBACK);
        assertThatThrownBy(() -> Json.parse(deep)).isInstanceOf(JsonException.class);
        String ok = "[".repeat(Json.MAX_DEPTH) + "]".repeat(Json.MAX_DEPTH);
        assertThat(AsciiJsonReader.parse(ok.getBytes())).isNotSameAs(AsciiJsonReader.FALLBACK);
    }

    @Test
    void errors_still_come_from_the_char_reader() {
        assertThatThrownBy(() -> Json.parse("{\"a\":}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(JsonException.class)
                .hasMessage("invalid JSON at offset 5: expected a value");
        assertThatThrownBy(() -> Json.parse("[1,2"))
                .isInstanceOf(JsonException.class)
                .hasMessageStartingWith("invalid JSON at offset 4");
    }

    @Test
    void non_ascii_input_still_parses_through_the_char_reader() {
        assertThat(Json.parse("{\"name\":\"caf\u00e9 \u20ac\"}".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(Map.of("name", "caf\u00e9 \u20ac"));
        assertThat(Json.parse("[\"\\u20ac\"]")).isEqualTo(List.of("\u20ac"));
    }

    @Test
    void lone_surrogates_in_text_are_not_mistaken_for_question_marks() {
        String text = "[\"a\uD800?\",\"b\\n\uDC00\"]";
        assertThat(AsciiJsonReader.parse(text)).isSameAs(AsciiJsonReader.FALLBACK);
        assertThat(Json.parse(text)).isEqualTo(List.of("a\uD800?", "b\n\uDC00"));
        assertThat(AsciiJsonReader.parse("[\"what?\",\"w\\\"hy?\"]")).isEqualTo(List.of("what?", "w\"hy?"));
    }

    @Test
    void remembered_names_never_stand_in_for_other_names() {
        // same length and same first, middle and last bytes; escaped, question-mark and long names bypass the memory
        String doc = "{\"abXcd\":1,\"abXXd\":2,\"abXcd\":3,\"a\\u0041\":4,\"why?\":5,\"\":6,"
                + "\"a-very-long-member-name-longer-than-forty-eight-characters-in-all\":7,\"aA\":8}";
        for (int round = 0; round < 3; round++) {
            @SuppressWarnings("unchecked")
            Map<String, Object> map = (Map<String, Object>) AsciiJsonReader.parse(doc.getBytes());
            assertThat(new ArrayList<>(map.keySet()))
                    .containsExactly(
                            "abXcd",
                            "abXXd",
                            "aA",
                            "why?",
                            "",
                            "a-very-long-member-name-longer-than-forty-eight-characters-in-all");
            assertThat(map.get("abXcd")).isEqualTo(3L);
            assertThat(map.get("abXXd")).isEqualTo(2L);
            assertThat(map.get("aA")).isEqualTo(8L);
            assertThat(Json.parse("{\"abXXd\":{\"abXcd\":true}}")).isEqualTo(Map.of("abXXd", Map.of("abXcd", true)));
        }
    }

    @Test
    void long_escaped_strings_grow_the_buffer() {
        String value = "x\\\"".repeat(200) + "y".repeat(300) + "\\n";
        Object parsed = AsciiJsonReader.parse(("[\"" + value + "\"]").getBytes());
        assertThat(parsed).isEqualTo(new JsonReader("[\"" + value + "\"]", 0).document());
        assertThat(((List<?>) parsed).get(0).toString()).hasSize(200 * 2 + 300 + 1);
    }

    @Test
    void random_ascii_documents_agree_with_the_char_reader() {
        Random random = new Random(42);
        for (int round = 0; round < 2000; round++) {
            String doc = randomValue(random, 0);
            if (random.nextInt(10) == 0) {
                // damage it: the fast path must then give up or agree
                int at = random.nextInt(doc.length());
                doc = doc.substring(0, at) + "\"{,]:\\x1".charAt(random.nextInt(8)) + doc.substring(at);
            }
            Object fast = AsciiJsonReader.parse(doc.getBytes(StandardCharsets.UTF_8));
            Object slow;
            try {
                slow = new JsonReader(doc, 0).document();
            } catch (JsonException e) {
                assertThat(fast).as(doc).isSameAs(AsciiJsonReader.FALLBACK);
                continue;
            }
            if (fast != AsciiJsonReader.FALLBACK) {
                assertThat(fast).as(doc).isEqualTo(slow);
            }
        }
    }

    private static String randomValue(Random r, int depth) {
        int kind = depth > 4 ? 2 + r.nextInt(4) : r.nextInt(6);
        switch (kind) {
            case 0 -> {
                StringBuilder b = new StringBuilder("{");
                int n = r.nextInt(15);
                for (int i = 0; i < n; i++) {
                    b.append(i > 0 ? "," : "").append(randomString(r)).append(':');
                    b.append(randomValue(r, depth + 1));
                }
                return b.append('}').toString();
            }
            case 1 -> {
                StringBuilder b = new StringBuilder("[ ");
                int n = r.nextInt(12);
                for (int i = 0; i < n; i++) {
                    b.append(i > 0 ? " , " : "").append(randomValue(r, depth + 1));
                }
                return b.append(']').toString();
            }
            case 2 -> {
                return randomString(r);
            }
            case 3 -> {
                String[] numbers = {"0", "-1", "42", "3.25", "-1e5", "99999999999999999999", "7E-3"};
                return numbers[r.nextInt(numbers.length)];
            }
            case 4 -> {
                return r.nextBoolean() ? "true" : "false";
            }
            default -> {
                return "null";
            }
        }
    }

    private static String randomString(Random r) {
        String[] parts = {"a", "key", "\\\"", "\\\\", "\\n", "\\u0041", "\\u00ff", "\\u0100", " ", "x-y", "%3C"};
        StringBuilder b = new StringBuilder("\"");
        int n = r.nextInt(6);
        for (int i = 0; i < n; i++) {
            b.append(parts[r.nextInt(parts.length)]);
        }
        return b.append('"').toString();
    }
}
