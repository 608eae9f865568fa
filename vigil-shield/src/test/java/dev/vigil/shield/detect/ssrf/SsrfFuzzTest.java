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
        for (String unit : ADVERSARIAL) {
            StringBuilder b = new StringBuilder(66_000);
            while (b.length() < 65_536) {
                b.append(unit);
            }
            check(b.toString());
        }
    }

    private void check(String s) {
        DetectorFuzzing.check(detector, Source.QUERY, s);
    }

    private static final String[] ADVERSARIAL = {
        "${",
        "${${::-",
        "}",
        "$${",
        "%24%7b",
        "&lbrace",
        "http://",
        "a:",
        "a://@",
        "http://[",
        "1.",
        "0x",
        "<!",
        "<!ENTITY % a \"",
        "<!DOCTYPE a [",
        "%a;",
        "&a;",
        "+ADw",
        "<xs:",
        "\ud800",
        "\u0000",
        "\\\\",
        "http://a@b@c@d ",
        "localhost/",
        "①."
    };
}
