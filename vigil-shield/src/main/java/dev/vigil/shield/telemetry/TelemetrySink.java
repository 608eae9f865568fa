package dev.vigil.shield.telemetry;

import dev.vigil.core.telemetry.TelemetryEvent;

/**
 * Where the Shield's telemetry goes. Implementations never throw and never block the function for longer than the
 * deadline given to {@link #flush(long)}; what they cannot deliver they count in {@link #dropped()} and report.
 */
public interface TelemetrySink extends AutoCloseable {

    /** Hands an event over. Returns at once; never throws. */
    void emit(TelemetryEvent event);

    /**
     * Delivers what is pending, returning by {@code deadlineNanos} (a {@link System#nanoTime()} value) at the latest.
     * Called before the wrapped handler's response is returned, because Lambda freezes the process after that.
     */
    void flush(long deadlineNanos);

    /** How many events were dropped since the sink was created. */
    long dropped();

    /** Flushes briefly and releases resources. */
    @Override
    void close();
}
