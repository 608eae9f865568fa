package dev.vigil.shield.detect.nosqli;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.vigil.shield.detect.DetectorFuzzing;
import dev.vigil.shield.inspect.Source;

/**
 * Whatever the input (up to 64 KB), the detector neither throws nor takes long. Runs its seeds (in
 * {@code NoSqlInjectionFuzzTestInputs/}) under plain {@code mvn test}; set {@code JAZZER_FUZZ=1} to fuzz.
 */
class NoSqlInjectionFuzzTest {

    private static final NoSqlInjectionDetector DETECTOR = new NoSqlInjectionDetector();

    @FuzzTest(maxDuration = "60s")
    void never_throws_and_stays_fast(FuzzedDataProvider data) {
        String name = data.consumeString(64);
        String value = data.consumeRemainingAsString();
        check(name, value);
    }

    static void check(String name, String value) {
        DetectorFuzzing.check(DETECTOR, Source.BODY, name, value);
    }

    @org.junit.jupiter.api.Test
    void large_adversarial_inputs_stay_fast() {
        check("a__b__gt", "$ne ".repeat(16_000));
        check("q", "[$".repeat(32_000));
        check("q", "a__".repeat(21_000));
        check("q", "this.".repeat(13_000));
        check("q", "db.x.".repeat(13_000));
        check("q", ";".repeat(65_000));
    }
}
