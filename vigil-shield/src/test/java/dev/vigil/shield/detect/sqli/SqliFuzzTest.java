package dev.vigil.shield.detect.sqli;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.vigil.shield.detect.Detection;
import dev.vigil.shield.inspect.InspectedValue;
import dev.vigil.shield.inspect.Normalizer;
import dev.vigil.shield.inspect.Source;
import java.util.ArrayList;
import java.util.List;

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
        List<Detection> found = new ArrayList<>();
        long t0 = System.nanoTime();
        DETECTOR.inspect(new InspectedValue("body", "v", Source.BODY, -1, Normalizer.variants(raw)), found::add);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        if (ms > 500) {
            throw new AssertionError("slow: " + ms + " ms for " + raw.length() + " chars");
        }
        if (found.size() > 1) {
            throw new AssertionError("more than one detection");
        }
        for (Detection d : found) {
            if (d.start() < 0
                    || d.end() < d.start()
                    || d.end() > d.variant().text().length()) {
                throw new AssertionError("bad offsets " + d.start() + ".." + d.end());
            }
        }
    }
}
