package dev.vigil.posture.iam;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.posture.source.JsonReader;
import dev.vigil.posture.source.Node;
import dev.vigil.posture.source.SourceLimits;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ConditionsTest {
    private final Conditions at2025 = new Conditions(Instant.parse("2025-06-01T12:00:00Z"));

    private static Node cond(String json) throws Exception {
        return new JsonReader(SourceLimits.DEFAULT).read("c.json", json);
    }

    @Test
    void timeConditionsAreEvaluatedAgainstTheClock() throws Exception {
        assertThat(at2025.satisfiable(
                        cond("{\"DateGreaterThan\": {\"aws:TokenIssueTime\": \"2020-01-01T00:00:01Z\"}}")))
                .isTrue();
        assertThat(at2025.satisfiable(cond("{\"DateLessThan\": {\"aws:TokenIssueTime\": \"2020-01-01T00:00:01Z\"}}")))
                .isFalse();
        assertThat(at2025.satisfiable(cond("{\"DateLessThan\": {\"aws:CurrentTime\": \"2030-01-01\"}}")))
                .isTrue();
        assertThat(at2025.satisfiable(
                        cond("{\"DateLessThan\": {\"aws:CurrentTime\": [\"2019-01-01\", \"2031-01-01\"]}}")))
                .isTrue();
        assertThat(at2025.satisfiable(cond("{\"NumericLessThan\": {\"aws:EpochTime\": \"1500000000\"}}")))
                .isFalse();
        // A token can be up to 36 hours old.
        assertThat(at2025.satisfiable(cond("{\"DateLessThan\": {\"aws:TokenIssueTime\": \"2025-06-01T00:00:00Z\"}}")))
                .isTrue();
    }

    @Test
    void requestConditionsAreSatisfiableButNeverCertain() throws Exception {
        Node mfa = cond("{\"Bool\": {\"aws:MultiFactorAuthPresent\": \"true\"}}");
        assertThat(at2025.satisfiable(mfa)).isTrue();
        assertThat(at2025.alwaysTrue(mfa)).isFalse();
        assertThat(at2025.alwaysTrue(null)).isTrue();
        assertThat(at2025.alwaysTrue(cond("{\"DateGreaterThan\": {\"aws:CurrentTime\": \"2020-01-01\"}}")))
                .isTrue();
        assertThat(at2025.satisfiable(cond("{\"DateLessThanIfExists\": {\"aws:CurrentTime\": \"2000-01-01\"}}")))
                .isTrue();
    }
}
