package dev.vigil.shield;

import dev.vigil.core.telemetry.FunctionInfo;
import dev.vigil.shield.policy.TelemetryConfig;
import dev.vigil.shield.telemetry.StdoutSink;
import dev.vigil.shield.telemetry.TelemetrySink;
import java.util.function.Function;

/** Builds the telemetry sinks a policy names. */
final class Sinks {
    private Sinks() {}

    static TelemetrySink fromPolicy(TelemetryConfig config, Function<String, String> env, FunctionInfo function) {
        return new StdoutSink();
    }
}
