package dev.vigil.shield.telemetry;

import dev.vigil.core.telemetry.TelemetryEvent;
import java.util.List;

/**
 * Hands every event to several sinks, in the order given.
 *
 * <p>{@link #flush(long)} flushes the sinks one after the other within the one deadline: each sink gets an equal share
 * of the time left when its turn comes, and the last one gets all that is left. Time a quick sink does not use goes
 * to the sinks after it, so put slow sinks (HTTP) after quick ones (standard output). A sink that throws despite its
 * contract is skipped, never propagated.
 */
public final class CompositeSink implements TelemetrySink {

    private final TelemetrySink[] sinks;

    /** Fans out to {@code sinks} (at least one, none {@code null}). */
    public CompositeSink(List<? extends TelemetrySink> sinks) {
        if (sinks.isEmpty()) {
            throw new IllegalArgumentException("a composite sink needs at least one sink");
        }
        this.sinks = sinks.toArray(new TelemetrySink[0]);
        for (TelemetrySink sink : this.sinks) {
            if (sink == null) {
                throw new IllegalArgumentException("a composite sink cannot hold null");
            }
        }
    }

    /** The sinks, in order. */
    public List<TelemetrySink> sinks() {
        return List.of(sinks);
    }

    @Override
    public void emit(TelemetryEvent event) {
        for (TelemetrySink sink : sinks) {
            try {
                sink.emit(event);
            } catch (RuntimeException ignored) {
                // Contract says it cannot happen; one broken sink must not starve the others.
            }
        }
    }

    @Override
    public void flush(long deadlineNanos) {
        for (int i = 0; i < sinks.length; i++) {
            long now = System.nanoTime();
            long left = deadlineNanos - now;
            int sinksLeft = sinks.length - i;
            long share = left <= 0 || sinksLeft == 1 ? deadlineNanos : now + left / sinksLeft;
            try {
                sinks[i].flush(share);
            } catch (RuntimeException ignored) {
                // See emit.
            }
        }
    }

    /** The sum of the sinks' drop counts. */
    @Override
    public long dropped() {
        long total = 0;
        for (TelemetrySink sink : sinks) {
            total += sink.dropped();
        }
        return total;
    }

    /** Closes the sinks in order; each one bounds its own close. */
    @Override
    public void close() {
        for (TelemetrySink sink : sinks) {
            try {
                sink.close();
            } catch (RuntimeException ignored) {
                // See emit.
            }
        }
    }
}
