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

    /**
     * The inspection budget for tests that are not about the budget: generous, so a loaded build machine (JIT, GC,
     * other forks) never trips the fail-open path in a test about something else. Budget tests set their own.
     */
    static final long TEST_BUDGET_MICROS = 2_000_000;

    static Policy of(Mode mode, BatchMode batch) {
        return with(mode, Map.of(), List.of(), batch, TEST_BUDGET_MICROS, List.of());
    }

    /** Block mode, drop bad batch records, everything else default except the test budget. */
    static Policy blocking() {
        return of(Mode.BLOCK, BatchMode.DROP);
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
