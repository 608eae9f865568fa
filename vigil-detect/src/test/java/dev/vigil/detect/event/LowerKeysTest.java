package dev.vigil.detect.event;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.detect.Randomized;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LowerKeysTest {

    private static FieldValue tapeValue(String text) {
        String json = "{\"f\":\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}";
        List<FieldValue> out = new ArrayList<>();
        TapeEvent.parse(json.getBytes(java.nio.charset.StandardCharsets.UTF_8), LogSource.UNKNOWN, EventOrigin.NONE)
                .anyValue(FieldPath.of("f"), v -> out.add(v) && false);
        return out.get(0);
    }

    @Test
    void findsKeysWhateverTheCaseOfTheValue() {
        LowerKeys<String> keys = new LowerKeys<>(Map.of("createuser", "a", "deletetrail", "b", "assumedrole", "c"));
        assertThat(tapeValue("CreateUser").lookupLower(keys)).isEqualTo("a");
        assertThat(tapeValue("DELETETRAIL").lookupLower(keys)).isEqualTo("b");
        assertThat(tapeValue("CreateUsers").lookupLower(keys)).isNull();
        assertThat(tapeValue("").lookupLower(keys)).isNull();
        assertThat(keys.get("assumedrole")).isEqualTo("c");
        assertThat(keys.longest()).isEqualTo(11);
    }

    @Test
    void nonAsciiAndEscapedValuesFallBackToTheirText() {
        LowerKeys<String> keys = new LowerKeys<>(Map.of("café", "x", "a\"b", "y"));
        assertThat(tapeValue("CAFÉ").lookupLower(keys)).isEqualTo("x");
        assertThat(tapeValue("A\"B").lookupLower(keys)).isEqualTo("y");
        assertThat(tapeValue("UpdateFunctionCode20150331v2").lowerStartsWith("updatefunction"))
                .isTrue();
        assertThat(tapeValue("ÜpdateFunction").lowerStartsWith("updatefunction"))
                .isFalse();
        assertThat(tapeValue("Upd").lowerStartsWith("updatefunction")).isFalse();
    }

    record Probe(String value, String key, String other) {}

    @Test
    void theByteProbeAgreesWithTheDecodedText() {
        Randomized.check(
                1000,
                r -> new Probe(
                        Randomized.stringInRanges(r, 12, 'A', 'e'),
                        Randomized.stringInRanges(r, 12, 'A', 'e'),
                        Randomized.stringInRanges(r, 12, 'a', 'e')),
                in -> {
                    String value = in.value();
                    String key = in.key();
                    Map<String, Integer> entries = new LinkedHashMap<>();
                    entries.put(Text.lower(key), 1);
                    entries.putIfAbsent(in.other(), 2);
                    LowerKeys<Integer> keys = new LowerKeys<>(entries);
                    FieldValue tape = tapeValue(value);
                    assertThat(tape.lookupLower(keys)).isEqualTo(entries.get(Text.lower(value)));
                    assertThat(tape.lowerStartsWith(Text.lower(key)))
                            .isEqualTo(Text.lower(value).startsWith(Text.lower(key)));
                });
    }
}
