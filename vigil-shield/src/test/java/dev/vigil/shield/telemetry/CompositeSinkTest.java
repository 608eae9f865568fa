package dev.vigil.shield.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.core.telemetry.TelemetryEvent;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class CompositeSinkTest {

    /** A sink that uses all the time it is given and remembers the deadlines. */
    private static final class SlowSink implements TelemetrySink {
        final List<Long> deadlines = new ArrayList<>();
        final List<TelemetryEvent> events = new ArrayList<>();
        boolean closed;

        @Override
        public void emit(TelemetryEvent event) {
            events.add(event);
        }

        @Override
        public void flush(long deadlineNanos) {
            deadlines.add(deadlineNanos);
            while (System.nanoTime() < deadlineNanos) {
                Thread.onSpinWait();
            }
        }

        @Override
        public long dropped() {
            return 2;
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    /** A sink that breaks its contract. */
    private static final class ThrowingSink implements TelemetrySink {
        @Override
        public void emit(TelemetryEvent event) {
            throw new UncheckedIOException(new java.io.IOException("broken"));
        }

        @Override
        public void flush(long deadlineNanos) {
            throw new IllegalStateException("broken");
        }

        @Override
        public long dropped() {
            return 5;
        }

        @Override
        public void close() {
            throw new IllegalStateException("broken");
        }
    }

    @Test
    void every_sink_gets_every_event() {
        ByteArrayOutputStream a = new ByteArrayOutputStream();
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        CompositeSink sink = new CompositeSink(List.of(
                new StdoutSink(new PrintStream(a, true, StandardCharsets.UTF_8)),
                new StdoutSink(new PrintStream(b, true, StandardCharsets.UTF_8))));

        sink.emit(TestEvents.invocation("req-1"));
        sink.emit(TestEvents.error("req-2", "oops"));

        assertThat(TestEvents.parseLines(a.toString(StandardCharsets.UTF_8))).hasSize(2);
        assertThat(TestEvents.parseLines(b.toString(StandardCharsets.UTF_8)))
                .extracting(n -> n.at("/vigil/request_id").asText())
                .containsExactly("req-1", "req-2");
    }

    @Test
    void flush_shares_the_deadline_and_returns_by_it() {
        SlowSink first = new SlowSink();
        SlowSink second = new SlowSink();
        CompositeSink sink = new CompositeSink(List.of(first, second));
        long start = System.nanoTime();
        long deadline = start + TimeUnit.MILLISECONDS.toNanos(200);

        sink.flush(deadline);
        long took = System.nanoTime() - start;

        // the first sink gets half of what was left when the flush began; "now" is somewhere in [start, start + took]
        long half = TimeUnit.MILLISECONDS.toNanos(100);
        assertThat(first.deadlines)
                .singleElement()
                .satisfies(d -> assertThat(d).isBetween(start + half - 1, start + took / 2 + half + 1));
        assertThat(second.deadlines).containsExactly(deadline);
        // returns by the deadline, give or take scheduling on a loaded machine
        assertThat(took).isLessThan(TimeUnit.MILLISECONDS.toNanos(700));
    }

    @Test
    void a_throwing_sink_does_not_stop_the_others() {
        SlowSink healthy = new SlowSink();
        CompositeSink sink = new CompositeSink(List.of(new ThrowingSink(), healthy));

        sink.emit(TestEvents.invocation("req-1"));
        sink.flush(System.nanoTime());
        sink.close();

        assertThat(healthy.events).hasSize(1);
        assertThat(healthy.deadlines).hasSize(1);
        assertThat(healthy.closed).isTrue();
        assertThat(sink.dropped()).isEqualTo(7);
    }

    @Test
    void needs_at_least_one_sink() {
        assertThatThrownBy(() -> new CompositeSink(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void noop_sink_discards_without_counting() {
        NoopSink.INSTANCE.emit(TestEvents.invocation("req-1"));
        NoopSink.INSTANCE.flush(System.nanoTime());
        assertThat(NoopSink.INSTANCE.dropped()).isZero();
    }
}
