package dev.vigil.shield.telemetry;

import dev.vigil.core.telemetry.TelemetryEvent;
import dev.vigil.core.telemetry.TelemetryJson;
import java.io.PrintStream;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes each event as one line of JSON to a {@link PrintStream}, by default {@link System#out}. On Lambda the runtime
 * turns every line of standard output into one CloudWatch Logs event, so an event is never split across log events
 * and two events never share one.
 *
 * <p>Each line, terminator included, is written by a single call while holding the stream's lock, so lines written
 * concurrently by several threads never interleave. The stream is checked after every line ({@link
 * PrintStream#checkError()}, which also flushes it): a line that could not be written is counted in {@link
 * #dropped()}; nothing is ever thrown.
 */
public final class StdoutSink implements TelemetrySink {

    private final PrintStream out;
    private final TelemetryJson json;
    private final AtomicLong dropped = new AtomicLong();

    /** A sink writing to {@link System#out} as it is now. */
    public StdoutSink() {
        this(System.out);
    }

    /** A sink writing to {@code out}. */
    public StdoutSink(PrintStream out) {
        this.out = Objects.requireNonNull(out, "out");
        this.json = new TelemetryJson(TelemetrySinks.PRODUCT_NAME);
    }

    @Override
    public void emit(TelemetryEvent event) {
        if (event == null) {
            return;
        }
        try {
            String line = json.toJson(event) + '\n';
            boolean failed;
            synchronized (out) {
                out.print(line);
                failed = out.checkError();
            }
            if (failed) {
                dropped.incrementAndGet();
            }
        } catch (RuntimeException e) {
            dropped.incrementAndGet();
        }
    }

    /** Flushes the stream; returns at once, as every line is already handed to it. */
    @Override
    public void flush(long deadlineNanos) {
        try {
            out.flush();
        } catch (RuntimeException ignored) {
            // A PrintStream does not throw, but a subclass might; the sink must not.
        }
    }

    @Override
    public long dropped() {
        return dropped.get();
    }

    /** Flushes the stream but leaves it open: standard output belongs to the process, not to the sink. */
    @Override
    public void close() {
        flush(System.nanoTime());
    }
}
