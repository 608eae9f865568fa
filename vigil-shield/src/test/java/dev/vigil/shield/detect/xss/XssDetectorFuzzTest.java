package dev.vigil.shield.detect.xss;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.vigil.shield.detect.DetectorFuzzing;
import dev.vigil.shield.inspect.Source;
import java.nio.charset.StandardCharsets;

/**
 * Whatever the value (up to 64 KB, any characters, unpaired surrogates and NULs included), the XSS detector returns
 * quickly without an exception and reports at most one detection whose offsets lie inside its variant. Bytes starting
 * with a zero byte are read as UTF-16 (so lone surrogates reach the detector), others as UTF-8. Runs its seeds (in
 * {@code XssDetectorFuzzTestInputs/}) under plain {@code mvn test}; set {@code JAZZER_FUZZ=1} to fuzz.
 */
class XssDetectorFuzzTest {

    private static final XssDetector DETECTOR = new XssDetector();

    @FuzzTest(maxDuration = "60s")
    void never_throws_and_stays_fast(byte[] input) {
        int n = Math.min(input.length, 2 * 65536);
        String value = n > 1 && input[0] == 0
                ? new String(input, 1, (n - 1) & ~1, StandardCharsets.UTF_16BE)
                : new String(input, 0, n, StandardCharsets.UTF_8);
        DetectorFuzzing.check(DETECTOR, Source.QUERY, value);
    }
}
