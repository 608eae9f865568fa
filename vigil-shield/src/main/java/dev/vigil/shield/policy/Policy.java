package dev.vigil.shield.policy;

import java.util.List;
import java.util.Map;

/**
 * The Shield's policy, as loaded from {@code vigil.yaml} by {@link PolicyLoader} (or {@link #defaults()}).
 * Immutable.
 *
 * @param mode global mode
 * @param categories per-category overrides of the mode, keyed by category id (e.g. {@code sqli})
 * @param exclusions exclusions for false positives
 * @param budgetMicros time budget for inspecting one event; over it the Shield fails open and reports
 *     {@code budget_exceeded}
 * @param batchMode how blocked records of batch triggers are handled
 * @param hygiene hygiene checks
 * @param authenticity event-authenticity requirements for HTTP triggers
 * @param telemetry telemetry sinks
 * @param source where the policy came from: a file path, {@code classpath:vigil.yaml}, or {@code defaults}
 */
public record Policy(
        Mode mode,
        Map<String, Mode> categories,
        List<Exclusion> exclusions,
        long budgetMicros,
        BatchMode batchMode,
        HygieneConfig hygiene,
        List<AuthenticityConfig> authenticity,
        TelemetryConfig telemetry,
        String source) {

    /** Default per-event budget: 5 ms. */
    public static final long DEFAULT_BUDGET_MICROS = 5_000;

    public Policy {
        categories = Map.copyOf(categories);
        exclusions = List.copyOf(exclusions);
        authenticity = List.copyOf(authenticity);
    }

    /** The policy used when there is no {@code vigil.yaml}: block, 5 ms budget, drop bad batch records. */
    public static Policy defaults() {
        return new Policy(
                Mode.BLOCK,
                Map.of(),
                List.of(),
                DEFAULT_BUDGET_MICROS,
                BatchMode.DROP,
                HygieneConfig.defaults(),
                List.of(),
                TelemetryConfig.defaults(),
                "defaults");
    }

    /** The mode for a category: its override, or the global mode. */
    public Mode modeFor(String category) {
        if (mode == Mode.OFF) {
            return Mode.OFF;
        }
        Mode m = categories.get(category);
        return m == null ? mode : m;
    }
}
