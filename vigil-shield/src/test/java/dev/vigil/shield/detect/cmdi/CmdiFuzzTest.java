package dev.vigil.shield.detect.cmdi;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.vigil.shield.detect.DetectorFuzzing;

/**
 * Whatever string arrives (up to 64 KB, any characters), {@link CmdiDetector} returns without an exception, reports
 * at most one detection, and stays well inside its time budget. Runs its seeds (in {@code CmdiFuzzTestInputs/}) under
 * plain {@code mvn test}; set {@code JAZZER_FUZZ=1} to fuzz.
 */
class CmdiFuzzTest {

    private final CmdiDetector detector = new CmdiDetector();

    @FuzzTest(maxDuration = "60s")
    void never_throws_and_stays_fast(FuzzedDataProvider data) {
        DetectorFuzzing.check(detector, data.consumeString(65536));
    }
}
