package dev.vigil.shield.policy;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;

/**
 * Whatever the text, {@link PolicyLoader#parse} returns a valid policy or throws {@link PolicyException}; any other
 * throwable (a StackOverflowError, a NullPointerException, a YAML library exception) is a finding. Runs the seeds in
 * {@code PolicyLoaderFuzzTestInputs/parse/} under plain {@code mvn test}; fuzz with {@code JAZZER_FUZZ=1}.
 */
class PolicyLoaderFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void parse(FuzzedDataProvider data) {
        String yaml = new String(data.consumeRemainingAsBytes(), StandardCharsets.UTF_8);
        Policy policy;
        try {
            policy = PolicyLoader.parse(yaml, "fuzz.yaml");
        } catch (PolicyException e) {
            assertThat(e.source()).isEqualTo("fuzz.yaml");
            assertThat(e.line()).isNotNegative();
            assertThat(e.getMessage()).startsWith("fuzz.yaml").doesNotContain("\n");
            return;
        }
        assertThat(policy.source()).isEqualTo("fuzz.yaml");
        assertThat(policy.budgetMicros()).isBetween(1L, 1_000_000L);
        for (Exclusion e : policy.exclusions()) {
            assertThat(e.functions().size()
                            + e.locations().size()
                            + e.parameters().size()
                            + e.categories().size()
                            + e.rules().size())
                    .isPositive();
        }
        for (AuthenticityConfig a : policy.authenticity()) {
            assertThat(a.type()).isIn("github", "stripe", "slack", "hmac", "jwt");
        }
        // Matching must not fail whatever the globs.
        ExclusionMatcher.excluded(policy, "fn", "body.$.x", "x", "xss", "VGL-XSS-001");
    }
}
