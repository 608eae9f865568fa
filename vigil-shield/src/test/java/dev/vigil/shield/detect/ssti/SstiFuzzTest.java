package dev.vigil.shield.detect.ssti;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.vigil.shield.detect.DetectorFuzzing;
import dev.vigil.shield.inspect.InspectedValue;
import dev.vigil.shield.inspect.Normalizer;
import dev.vigil.shield.inspect.Source;
import org.junit.jupiter.api.Test;

/**
 * Whatever the value, {@link SstiDetector} returns without an exception, within a time bound, with at most one
 * detection whose span lies inside its variant. Runs its seeds (in {@code SstiFuzzTestInputs/}) under plain
 * {@code mvn test}; set {@code JAZZER_FUZZ=1} to fuzz.
 */
class SstiFuzzTest {

    private static final SstiDetector DETECTOR = new SstiDetector();

    static {
        // load and warm the classes so that the bound measures the inspection, not class loading
        for (int i = 0; i < 50; i++) {
            DETECTOR.inspect(
                    new InspectedValue("w", "w", Source.BODY, -1, Normalizer.variants("{{a}} ${b} x.y.Z rO0ABQ" + i)),
                    d -> {});
        }
    }

    private static void check(String raw) {
        DetectorFuzzing.check(DETECTOR, raw);
    }

    @FuzzTest(maxDuration = "60s")
    void never_throws_and_stays_fast(FuzzedDataProvider data) {
        check(data.consumeString(65536));
    }

    @Test
    void large_adversarial_value() {
        String[] pieces = {
            "{{",
            "{%",
            "${",
            "#{",
            "<%",
            "<#",
            "[#",
            "[[",
            "#set(",
            "$a.b(",
            "@a.b@c",
            "'",
            "\"",
            "\\",
            "(",
            "[",
            "rO0AB",
            "ztAA",
            "s7QAF",
            "H4sI",
            "gAS",
            "java.lang.",
            "\"@type\":\"",
            "!!a.b",
            "O:9:\"",
            "%ac%ed",
            "\u00ac\u00ed",
            "\ud800",
            "\u0000",
            "%",
            "&#x7b;",
            "aGVsbG8gV29ybGQh"
        };
        StringBuilder sb = new StringBuilder(70_000);
        int k = 0;
        while (sb.length() < 65_536) {
            sb.append(pieces[k % pieces.length]);
            k = k * 7 + 3 & 0xFFFF;
        }
        check(sb.toString());
        StringBuilder deep = new StringBuilder(70_000);
        while (deep.length() < 65_536) {
            deep.append("{{'");
        }
        check(deep.toString());
    }
}
