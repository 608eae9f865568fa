package dev.vigil.shield.detect.cmdi;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.vigil.shield.inspect.InspectedValue;
import dev.vigil.shield.inspect.Normalizer;
import dev.vigil.shield.inspect.Source;

/**
 * Whatever string arrives (up to 64 KB, any characters), {@link CmdiDetector} returns without an exception, reports
 * at most one detection, and stays well inside its time budget. Runs its seeds (in {@code CmdiFuzzTestInputs/}) under
 * plain {@code mvn test}; set {@code JAZZER_FUZZ=1} to fuzz.
 */
class CmdiFuzzTest {

    private final CmdiDetector detector = new CmdiDetector();

    @FuzzTest(maxDuration = "60s")
    void never_throws_and_stays_fast(FuzzedDataProvider data) {
        String s = data.consumeString(65536);
        InspectedValue value = new InspectedValue("body", "b", Source.BODY, -1, Normalizer.variants(s));
        int[] count = new int[1];
        detector.inspect(value, d -> {
            if (d.start() < 0 || d.end() > d.variant().text().length() || d.start() > d.end()) {
                throw new AssertionError("bad span " + d);
            }
            count[0]++;
        });
        if (count[0] > 1) {
            throw new AssertionError("more than one detection");
        }
        // timed on a second run, so that a cold JIT does not count against the bound
        long t0 = System.nanoTime();
        detector.inspect(value, d -> {});
        long ms = (System.nanoTime() - t0) / 1_000_000;
        if (ms > 250) {
            throw new AssertionError("took " + ms + " ms for " + s.length() + " chars");
        }
    }
}
