package dev.vigil.cli.demo;

import dev.vigil.core.telemetry.TelemetryEvent;
import dev.vigil.shield.telemetry.TelemetrySink;
import java.util.ArrayList;
import java.util.List;

/** Keeps telemetry in memory so the demo and the benchmark can look at it. */
public final class CollectingSink implements TelemetrySink {

    private final List<TelemetryEvent> events = new ArrayList<>();

    @Override
    public synchronized void emit(TelemetryEvent event) {
        events.add(event);
    }

    @Override
    public void flush(long deadlineNanos) {}

    @Override
    public long dropped() {
        return 0;
    }

    @Override
    public void close() {}

    /** Everything emitted so far. */
    public synchronized List<TelemetryEvent> events() {
        return List.copyOf(events);
    }

    /** Everything emitted since index {@code from}. */
    public synchronized List<TelemetryEvent> since(int from) {
        return List.copyOf(events.subList(Math.min(from, events.size()), events.size()));
    }

    /** How many events were emitted. */
    public synchronized int size() {
        return events.size();
    }
}
