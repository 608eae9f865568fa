package dev.vigil.shield.detect.deserialization;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.vigil.shield.detect.DetectorFuzzing;
import org.junit.jupiter.api.Test;

/**
 * Whatever the value, {@link DeserializationDetector} returns without an exception, within a time bound, with at most one
 * detection whose span lies inside its variant. Runs its seeds (in {@code DeserializationFuzzTestInputs/}) under plain
 * {@code mvn test}; set {@code JAZZER_FUZZ=1} to fuzz.
 */
class DeserializationFuzzTest {

    private static final DeserializationDetector DETECTOR = new DeserializationDetector();

    private static void check(String raw) {
        DetectorFuzzing.check(DETECTOR, raw);
    }

    @FuzzTest(maxDuration = "60s")
    void never_throws_and_stays_fast(FuzzedDataProvider data) {
        check(data.consumeString(65536));
    }

    @Test
    void large_adversarial_value() {
        check(DetectorFuzzing.interleaved(DetectorFuzzing.TEMPLATE_AND_SERIALIZED_PIECES));
        check(DetectorFuzzing.repeated("{{'"));
    }
}
