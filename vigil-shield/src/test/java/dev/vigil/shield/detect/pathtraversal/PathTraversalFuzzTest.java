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

    private static final long BOUND_MILLIS = 250;

    private static int run(InspectedValue value) {
        int[] reports = new int[1];
        DETECTOR.inspect(value, d -> {
            reports[0]++;
            if (d.start() < 0 || d.end() > d.variant().text().length() || d.start() > d.end()) {
                throw new AssertionError("match outside its variant: " + d);
            }
        });
        return reports[0];
    }

    private static long elapsedMillis(InspectedValue value) {
        long t0 = System.nanoTime();
        run(value);
        return (System.nanoTime() - t0) / 1_000_000;
    }

    @FuzzTest(maxDuration = "60s")
    void inspect_never_throws_and_stays_fast(FuzzedDataProvider data) {
        String raw = data.consumeString(65536);
        InspectedValue value = new InspectedValue("query.f", "f", Source.QUERY, -1, Normalizer.variants(raw));
        int reports = run(value);
        if (reports > 1) {
            throw new AssertionError("more than one detection for one value");
        }
        long ms = elapsedMillis(value);
        if (ms > BOUND_MILLIS) {
            // a class load, a JIT compilation or a GC pause on a busy machine can hit any one run: time it again
            ms = elapsedMillis(value);
            if (ms > BOUND_MILLIS) {
                throw new AssertionError("took " + ms + " ms on " + raw.length() + " chars");
            }
        }
    }
}
