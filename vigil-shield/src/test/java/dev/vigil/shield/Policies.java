package dev.vigil.shield;

import dev.vigil.shield.policy.AuthenticityConfig;
import dev.vigil.shield.policy.BatchMode;
import dev.vigil.shield.policy.Exclusion;
import dev.vigil.shield.policy.HygieneConfig;
import dev.vigil.shield.policy.Mode;
import dev.vigil.shield.policy.Policy;
import dev.vigil.shield.policy.TmpResidueMode;
import java.util.List;
import java.util.Map;

/** Policies for tests, changed one setting at a time from the defaults. */
final class Policies {
    private Policies() {}

    static Policy of(Mode mode, BatchMode batch) {
        return with(mode, Map.of(), List.of(), batch, Policy.DEFAULT_BUDGET_MICROS, List.of());
    }

    static Policy with(
            Mode mode,
            Map<String, Mode> categories,
            List<Exclusion> exclusions,
            BatchMode batch,
            long budgetMicros,
            List<AuthenticityConfig> auth) {
        Policy d = Policy.defaults();
        return new Policy(
                mode,
                categories,
                exclusions,
                budgetMicros,
                batch,
                new HygieneConfig(false, TmpResidueMode.OFF, true),
                auth,
                d.telemetry(),
                "test");
    }
}
