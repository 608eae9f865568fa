package dev.vigil.shield.json;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Whatever bytes arrive, {@link Json#parse(byte[])} either returns a tree or throws {@link JsonException} (never
 * another exception, never a stack overflow), and a tree it returns survives writing and reading back. Runs its
 * seeds (in {@code JsonFuzzTestInputs/}) under plain {@code mvn test}; set {@code JAZZER_FUZZ=1} to fuzz.
 */
class JsonFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void parse_throws_only_json_exception_and_round_trips(byte[] input) {
        Object tree;
        try {
            tree = Json.parse(input);
        } catch (JsonException e) {
            if (e.getMessage() == null || !e.getMessage().startsWith("invalid JSON at offset ")) {
                throw new AssertionError("unexpected message: " + e.getMessage());
            }
            return;
        }
        byte[] written = Json.write(tree);
        Object again = Json.parse(written);
        if (!JsonTrees.normalized(again).equals(JsonTrees.normalized(tree))) {
            throw new AssertionError("round trip changed the tree");
        }
        if (!java.util.Arrays.equals(Json.write(again), written)) {
            throw new AssertionError("writing is not stable after one round trip");
        }
    }
}
