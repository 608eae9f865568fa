package dev.vigil.shield.detect.sqli;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.vigil.shield.detect.DetectorFuzzing;
import dev.vigil.shield.inspect.InspectedValue;
import dev.vigil.shield.inspect.Normalizer;
import dev.vigil.shield.inspect.Source;

/**
 * Whatever the value, {@link SqliDetector} returns without throwing, reports at most one detection with offsets inside
 * its variant, and stays fast. Runs its seeds (in {@code SqliFuzzTestInputs/}) under plain {@code mvn test}; set
 * {@code JAZZER_FUZZ=1} to fuzz.
 */
class SqliFuzzTest {

    private static final SqliDetector DETECTOR = new SqliDetector();

    static {
        // load and warm the classes once, so the time bound measures the detector, not class loading
        for (int i = 0; i < 200; i++) {
            DETECTOR.inspect(
                    new InspectedValue("body", "v", Source.BODY, -1, Normalizer.variants("x' or 'a'='a -- " + i)),
                    d -> {});
        }
    }

    @FuzzTest(maxDuration = "60s")
    void never_throws_and_stays_fast(FuzzedDataProvider data) {
        String raw = data.consumeString(65536);
        check(raw);
        // a long adversarial value built from the fuzzed text
        if (!raw.isEmpty() && raw.length() < 64) {
            StringBuilder b = new StringBuilder(65536);
            while (b.length() < 65536 - raw.length()) {
                b.append(raw);
            }
            check(b.toString());
        }
    }

    private static void check(String raw) {
        DetectorFuzzing.check(DETECTOR, raw);
    }
}
