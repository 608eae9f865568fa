package dev.vigil.shield.telemetry;

import dev.vigil.core.telemetry.TelemetryEvent;

/** Discards everything, for when telemetry is switched off. Discarded events are not counted as dropped. */
public final class NoopSink implements TelemetrySink {

    /** The one instance; it has no state. */
    public static final NoopSink INSTANCE = new NoopSink();

    private NoopSink() {}

    @Override
    public void emit(TelemetryEvent event) {}

    @Override
    public void flush(long deadlineNanos) {}

    @Override
    public long dropped() {
        return 0;
    }

    @Override
    public void close() {}
}
