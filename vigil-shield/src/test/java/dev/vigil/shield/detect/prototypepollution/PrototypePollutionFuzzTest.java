package dev.vigil.shield.detect.prototypepollution;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.vigil.shield.detect.DetectorFuzzing;

/**
 * Whatever the input (up to 64 KB), the detector neither throws nor takes long. Runs its seeds (in
 * {@code PrototypePollutionFuzzTestInputs/}) under plain {@code mvn test}; set {@code JAZZER_FUZZ=1} to fuzz.
 */
class PrototypePollutionFuzzTest {

    private static final PrototypePollutionDetector DETECTOR = new PrototypePollutionDetector();

    @FuzzTest(maxDuration = "60s")
    void never_throws_and_stays_fast(String value) {
        check(value);
    }

    static void check(String value) {
        DetectorFuzzing.check(DETECTOR, value);
    }

    @org.junit.jupiter.api.Test
    void large_adversarial_inputs_stay_fast() {
        check("__proto__ ".repeat(6_500));
        check("constructor prototype".repeat(3_000));
        check(".prototype".repeat(6_500));
    }
}
