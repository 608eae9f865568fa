package dev.vigil.shield;

import dev.vigil.core.telemetry.PolicyViolation;
import dev.vigil.core.telemetry.SecurityFinding;
import dev.vigil.core.telemetry.TelemetryEvent;
import dev.vigil.core.telemetry.VigilError;
import dev.vigil.shield.telemetry.TelemetrySink;
import java.util.ArrayList;
import java.util.List;

/** Keeps every telemetry event for assertions. */
final class RecordingSink implements TelemetrySink {
    final List<TelemetryEvent> events = new ArrayList<>();

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

    synchronized List<SecurityFinding> findings() {
        return events.stream()
                .filter(SecurityFinding.class::isInstance)
                .map(SecurityFinding.class::cast)
                .toList();
    }

    synchronized List<PolicyViolation> violations() {
        return events.stream()
                .filter(PolicyViolation.class::isInstance)
                .map(PolicyViolation.class::cast)
                .toList();
    }

    synchronized List<VigilError> errors() {
        return events.stream()
                .filter(VigilError.class::isInstance)
                .map(VigilError.class::cast)
                .toList();
    }

    synchronized <T> List<T> of(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    synchronized void clear() {
        events.clear();
    }
}
