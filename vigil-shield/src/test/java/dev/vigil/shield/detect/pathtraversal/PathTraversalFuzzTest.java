package dev.vigil.shield.detect.pathtraversal;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.vigil.shield.inspect.InspectedValue;
import dev.vigil.shield.inspect.Normalizer;
import dev.vigil.shield.inspect.Source;

/**
 * Whatever the text (up to 64 KB, any characters including unpaired surrogates and NULs), {@link
 * PathTraversalDetector} neither throws nor takes long, and reports at most one detection per value. Runs the seeds in
 * {@code PathTraversalFuzzTestInputs/} under plain {@code mvn test}; fuzz with {@code JAZZER_FUZZ=1}.
 */
class PathTraversalFuzzTest {

    private static final PathTraversalDetector DETECTOR = new PathTraversalDetector();

    @FuzzTest(maxDuration = "60s")
    void inspect_never_throws_and_stays_fast(FuzzedDataProvider data) {
        String raw = data.consumeString(65536);
        InspectedValue value = new InspectedValue("query.f", "f", Source.QUERY, -1, Normalizer.variants(raw));
        int[] reports = new int[1];
        long t0 = System.nanoTime();
        DETECTOR.inspect(value, d -> {
            reports[0]++;
            if (d.start() < 0 || d.end() > d.variant().text().length() || d.start() > d.end()) {
                throw new AssertionError("match outside its variant: " + d);
            }
        });
        long ms = (System.nanoTime() - t0) / 1_000_000;
        if (ms > 250) {
            throw new AssertionError("took " + ms + " ms on " + raw.length() + " chars");
        }
        if (reports[0] > 1) {
            throw new AssertionError("more than one detection for one value");
        }
    }
}
