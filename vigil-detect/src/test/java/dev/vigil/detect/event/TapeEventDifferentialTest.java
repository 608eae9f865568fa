package dev.vigil.detect.event;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link TapeEvent} resolves every path exactly like the reference {@link JsonTreeEvent}, on random documents. */
class TapeEventDifferentialTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void agrees_with_the_tree_event_on_random_documents_and_paths() throws Exception {
        RandomJson random = new RandomJson(4242);
        int resolvedSomething = 0;
        for (int doc = 0; doc < 3000; doc++) {
            String json = random.document();
            byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
            TapeEvent fast = TapeEvent.parse(bytes, LogSource.UNKNOWN, EventOrigin.NONE);
            JsonTreeEvent reference = new JsonTreeEvent(MAPPER.readTree(bytes), LogSource.UNKNOWN, EventOrigin.NONE);

            assertThat(tree(fast.json())).as(json).isEqualTo(reference.root());
            assertThat(values(fast, null)).as(json).isEqualTo(values(reference, null));
            for (int p = 0; p < 12; p++) {
                FieldPath path = random.path();
                List<Object> expected = values(reference, path);
                assertThat(values(fast, path)).as(json + " @ " + path).isEqualTo(expected);
                assertThat(fast.exists(path)).as(json + " @ " + path).isEqualTo(reference.exists(path));
                assertThat(normal(fast.text(path))).as(json + " @ " + path).isEqualTo(normal(reference.text(path)));
                if (!expected.isEmpty()) {
                    resolvedSomething++;
                }
            }
        }
        assertThat(resolvedSomething)
                .as("the generator must produce paths that resolve")
                .isGreaterThan(2000);
    }

    /** Every value visited by anyValue (path) or anyLeaf (null), in order, in a comparable form. */
    private static List<Object> values(Event event, FieldPath path) {
        List<Object> seen = new ArrayList<>();
        if (path == null) {
            event.anyLeaf(v -> seen.add(comparable(v)) && false);
        } else {
            event.anyValue(path, v -> seen.add(comparable(v)) && false);
        }
        return seen;
    }

    private static Object comparable(FieldValue v) {
        assertThat(v.lowerText()).isEqualTo(Text.lower(v.text()));
        return switch (v.kind()) {
            case NUMBER -> List.of(v.kind(), v.number() == 0 ? 0.0 : v.number());
            case OBJECT, ARRAY -> List.of(v.kind(), tree(v.text()));
            default -> List.of(v.kind(), v.text(), String.valueOf(v.number()));
        };
    }

    /** Text of a value found by {@code text(path)}: containers and numbers compared as parsed JSON. */
    private static Object normal(String text) {
        if (text == null) {
            return "<null>";
        }
        try {
            return tree(text);
        } catch (RuntimeException notJson) {
            return text;
        }
    }

    private static JsonNode tree(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }
}
