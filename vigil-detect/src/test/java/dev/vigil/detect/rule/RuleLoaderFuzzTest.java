package dev.vigil.detect.rule;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Whatever text arrives as rule YAML, {@link RuleLoader#loadSources} returns a rule set (problems for what it cannot
 * use) and never throws, and every problem names a line. Runs its seeds (in {@code RuleLoaderFuzzTestInputs/}) under
 * plain {@code mvn test}; set {@code JAZZER_FUZZ=1} to fuzz.
 */
class RuleLoaderFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void load_returns_problems_and_never_throws(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        RuleSet set = RuleLoader.create().loadSources(List.of(new RuleSource("fuzz.yml", text)));
        for (RuleProblem p : set.problems()) {
            if (p.line() < 1
                    || p.reason() == null
                    || p.reason().isEmpty()
                    || !p.file().equals("fuzz.yml")) {
                throw new AssertionError("bad problem: " + p);
            }
            if (p.reason().startsWith("internal error")) {
                throw new AssertionError("a compiler threw: " + p);
            }
        }
    }
}
