package dev.vigil.shield.detect.codeinjection;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.vigil.shield.detect.DetectorFuzzing;
import dev.vigil.shield.inspect.Source;

/**
 * Whatever the input (up to 64 KB), the detector neither throws nor takes long. Runs its seeds (in
 * {@code CodeInjectionFuzzTestInputs/}) under plain {@code mvn test}; set {@code JAZZER_FUZZ=1} to fuzz.
 */
class CodeInjectionFuzzTest {

    private static final CodeInjectionDetector DETECTOR = new CodeInjectionDetector();

    @FuzzTest(maxDuration = "60s")
    void never_throws_and_stays_fast(FuzzedDataProvider data) {
        String name = data.consumeString(64);
        String value = data.consumeString(65_536);
        check(name, value);
    }

    static void check(String name, String value) {
        DetectorFuzzing.check(DETECTOR, Source.BODY, name, value);
    }

    @org.junit.jupiter.api.Test
    void large_adversarial_inputs_stay_fast() {
        check("q", "a(".repeat(32_000));
        check("q", "system ".repeat(9_000) + "(");
        check("q", "$a[".repeat(16_000));
        check("q", "'x'.".repeat(16_000) + "(");
        check("q", ")(".repeat(32_000));
        check("q", "<?".repeat(32_000));
        check("q", "/*".repeat(32_000));
        check("q", "x.".repeat(32_000));
        check("q", "O:9:\"".repeat(13_000));
        check("q", "a_b=".repeat(16_000));
        check("X-Filename", "a.php.".repeat(10_000));
        check("q", "QUFB".repeat(1_000));
        check("q", "exec/*".repeat(10_000));
        check("q", "while(".repeat(10_000));
        check("q", "${".repeat(30_000));
    }
}
