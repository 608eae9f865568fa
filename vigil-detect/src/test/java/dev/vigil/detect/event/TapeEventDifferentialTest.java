package dev.vigil.detect.event;

import static org.assertj.core.api.Assertions.assertThat;

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
        int resolved = 0;
        for (int doc = 0; doc < 3000; doc++) {
            String json = random.document();
            byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
            TapeEvent fast = TapeEvent.parse(bytes, LogSource.UNKNOWN, EventOrigin.NONE);
            JsonTreeEvent reference = new JsonTreeEvent(MAPPER.readTree(bytes), LogSource.UNKNOWN, EventOrigin.NONE);
            List<FieldPath> paths = new ArrayList<>();
            for (int p = 0; p < 12; p++) {
                paths.add(random.path());
            }
            try {
                EventAgreement.check(fast, reference, paths);
            } catch (AssertionError e) {
                throw new AssertionError(json + ": " + e.getMessage(), e);
            }
            for (FieldPath path : paths) {
                resolved += EventAgreement.count(reference, path) > 0 ? 1 : 0;
            }
        }
        assertThat(resolved).as("the generator must produce paths that resolve").isGreaterThan(2000);
    }
}
