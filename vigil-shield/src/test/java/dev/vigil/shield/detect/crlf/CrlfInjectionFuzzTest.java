package dev.vigil.shield.detect.crlf;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.vigil.shield.detect.DetectorFuzzing;
import dev.vigil.shield.inspect.Source;

/**
 * Whatever the input (up to 64 KB), the detector neither throws nor takes long. Runs its seeds (in
 * {@code CrlfInjectionFuzzTestInputs/}) under plain {@code mvn test}; set {@code JAZZER_FUZZ=1} to fuzz.
 */
class CrlfInjectionFuzzTest {

    private static final CrlfInjectionDetector DETECTOR = new CrlfInjectionDetector();

    @FuzzTest(maxDuration = "60s")
    void never_throws_and_stays_fast(String value) {
        check(value);
    }

    static void check(String value) {
        DetectorFuzzing.check(DETECTOR, Source.HEADER, value);
    }

    @org.junit.jupiter.api.Test
    void large_adversarial_inputs_stay_fast() {
        check("\r\n".repeat(32_000));
        check("%0d%0aX".repeat(9_000));
        check("\nA: b".repeat(13_000));
        check("\\n".repeat(32_000));
        check("\u560a".repeat(64_000));
        check("x\nHTTP/".repeat(9_000));
    }
}
