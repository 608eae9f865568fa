package dev.vigil.shield.detect.prototypepollution;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.vigil.shield.inspect.InspectedValue;
import dev.vigil.shield.inspect.Normalizer;
import dev.vigil.shield.inspect.Source;

/**
 * Whatever the input (up to 64 KB), the detector neither throws nor takes long. Runs its seeds (in
 * {@code PrototypePollutionFuzzTestInputs/}) under plain {@code mvn test}; set {@code JAZZER_FUZZ=1} to fuzz.
 */
class PrototypePollutionFuzzTest {

    private static final PrototypePollutionDetector DETECTOR = new PrototypePollutionDetector();

    @FuzzTest(maxDuration = "60s")
    void never_throws_and_stays_fast(String value) {
        if (value == null) {
            return;
        }
        check(value.length() > 65_536 ? value.substring(0, 65_536) : value);
    }

    static void check(String value) {
        InspectedValue v = new InspectedValue("body.x", "x", Source.BODY, -1, Normalizer.variants(value));
        // the fastest of three runs: the first may pay for class loading, instrumentation and a cold JIT
        long ms = Long.MAX_VALUE;
        int[] count = new int[1];
        for (int attempt = 0; attempt < 3 && ms > 250; attempt++) {
            count[0] = 0;
            long start = System.nanoTime();
            DETECTOR.inspect(v, d -> count[0]++);
            ms = Math.min(ms, (System.nanoTime() - start) / 1_000_000);
        }
        if (ms > 250) {
            throw new AssertionError("took " + ms + " ms for " + value.length() + " chars");
        }
        if (count[0] > 1) {
            throw new AssertionError("more than one detection");
        }
    }

    @org.junit.jupiter.api.Test
    void large_adversarial_inputs_stay_fast() {
        check("__proto__ ".repeat(6_500));
        check("constructor prototype".repeat(3_000));
        check(".prototype".repeat(6_500));
    }
}
