package dev.vigil.posture.usage.activity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.posture.iam.ActionCatalog;
import dev.vigil.posture.usage.ActionMapper;
import dev.vigil.posture.usage.CallFilter;
import dev.vigil.posture.usage.Fixtures;
import dev.vigil.posture.usage.PolicySuggester;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Damaged logs (flipped, dropped, duplicated bytes; truncation) are reported, never thrown. Seeded, repeatable. */
class ActivityReaderRobustnessTest {

    @Test
    void damagedInputNeverEscapesAsAnException() throws IOException {
        byte[][] originals = {
            Files.readAllBytes(Fixtures.file("orders-trail.json")),
            Files.readAllBytes(Fixtures.file("orders-trail.jsonl")),
            Files.readAllBytes(Fixtures.file("orders-telemetry.jsonl"))
        };
        byte[] interesting = "{}[]\",:\n\\\u0000x9-".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        Random random = new Random(20261123);
        for (int run = 0; run < 600; run++) {
            byte[] src = originals[run % originals.length];
            byte[] data = mutate(src, random, interesting);
            List<String> problems = new ArrayList<>();
            ActivityReader reader = new ActivityReader(new ActivityLimits(4096, 16, 2048, 1000), problems::add);
            PolicySuggester suggester = new PolicySuggester(
                    new ActionMapper(ActionCatalog.builtIn()), CallFilter.role("orders-role"), true);
            reader.read("run" + run, new ByteArrayInputStream(data), suggester);
            String json = suggester.result().policyJson();
            assertThat(json).startsWith("{\n  \"Version\": \"2012-10-17\"");
            for (String p : problems) {
                assertThat(p).startsWith("run" + run + ":");
            }
        }
    }

    private static byte[] mutate(byte[] src, Random random, byte[] interesting) {
        byte[] out = src.clone();
        int edits = 1 + random.nextInt(8);
        for (int i = 0; i < edits; i++) {
            int at = random.nextInt(out.length);
            switch (random.nextInt(4)) {
                case 0 -> out[at] = interesting[random.nextInt(interesting.length)];
                case 1 -> out[at] = (byte) random.nextInt(256);
                case 2 -> out = java.util.Arrays.copyOf(out, Math.max(1, at));
                default -> {
                    byte[] longer = new byte[out.length + 1];
                    System.arraycopy(out, 0, longer, 0, at);
                    longer[at] = out[at];
                    System.arraycopy(out, at, longer, at + 1, out.length - at);
                    out = longer;
                }
            }
        }
        return out;
    }
}
