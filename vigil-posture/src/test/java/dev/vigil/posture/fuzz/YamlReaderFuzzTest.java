package dev.vigil.posture.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.vigil.posture.source.SourceException;
import dev.vigil.posture.source.YamlReader;

/**
 * Whatever text a YAML file holds, reading it yields a located tree or a {@link SourceException} with a reason:
 * never another exception, never a stack overflow, in bounded time. Runs its seeds under plain {@code mvn test};
 * set {@code JAZZER_FUZZ=1} to fuzz.
 */
class YamlReaderFuzzTest {
    @FuzzTest(maxDuration = "60s")
    void reading_yaml_yields_a_tree_or_a_source_exception(byte[] input) {
        long start = System.nanoTime();
        try {
            FuzzSupport.walk(new YamlReader(FuzzSupport.LIMITS).read("fuzz.yaml", FuzzSupport.text(input)));
        } catch (SourceException e) {
            if (e.reason() == null || e.reason().isEmpty() || e.location() == null) {
                throw new AssertionError("source exception without reason or location", e);
            }
        }
        FuzzSupport.checkTime(start);
    }
}
