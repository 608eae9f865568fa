package dev.vigil.shield.detect.pathtraversal;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.vigil.shield.detect.DetectorFuzzing;
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
        DetectorFuzzing.check(DETECTOR, Source.QUERY, data.consumeString(65536));
    }
}
