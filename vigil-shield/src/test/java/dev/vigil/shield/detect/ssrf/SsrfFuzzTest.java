package dev.vigil.shield.detect.ssrf;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.vigil.shield.detect.DetectorFuzzing;
import dev.vigil.shield.inspect.Source;
import org.junit.jupiter.api.Test;

/**
 * Whatever the input (up to 64 KB, any characters), {@link SsrfDetector} returns without throwing, reports at most one
 * detection with a span inside its variant, and stays fast. Runs its seeds (in {@code SsrfFuzzTestInputs/}) under
 * plain {@code mvn test}; set {@code JAZZER_FUZZ=1} to fuzz.
 */
class SsrfFuzzTest {

    private final SsrfDetector detector = new SsrfDetector();

    @FuzzTest(maxDuration = "60s")
    void never_throws_and_stays_fast(FuzzedDataProvider data) {
        check(data.consumeString(65536));
    }

    @Test
    void large_adversarial_inputs_stay_fast() {
        DetectorFuzzing.checkRepeated(detector, Source.QUERY, DetectorFuzzing.URL_LOOKUP_MARKUP_UNITS);
    }

    private void check(String s) {
        DetectorFuzzing.check(detector, Source.QUERY, s);
    }
}
