package dev.vigil.shield.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class StdoutSinkTest {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, false, StandardCharsets.UTF_8);

    private List<JsonNode> lines() {
        return TestEvents.parseLines(bytes.toString(StandardCharsets.UTF_8));
    }

    @Test
    void each_event_is_one_well_formed_json_line() {
        StdoutSink sink = new StdoutSink(out);

        sink.emit(TestEvents.invocation("req-1"));
        sink.emit(TestEvents.error("req-2", "line one\nline two \"quoted\""));

        List<JsonNode> lines = lines();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0).at("/vigil/kind").asText()).isEqualTo("invocation");
        assertThat(lines.get(0).at("/vigil/request_id").asText()).isEqualTo("req-1");
        assertThat(lines.get(0).at("/metadata/product/name").asText()).isEqualTo("Vigil Shield");
        assertThat(lines.get(1).at("/message").asText()).isEqualTo("line one\nline two \"quoted\"");
        assertThat(sink.dropped()).isZero();
    }

    @Test
    void concurrent_emits_never_interleave() throws Exception {
        StdoutSink sink = new StdoutSink(out);
        int threads = 8;
        int perThread = 300;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<?>> done = new java.util.ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < perThread; i++) {
                        sink.emit(
                                i % 2 == 0
                                        ? TestEvents.invocation("t" + thread + "-" + i)
                                        : TestEvents.error("t" + thread + "-" + i, "x".repeat(i)));
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }

        List<JsonNode> lines = lines();
        assertThat(lines).hasSize(threads * perThread);
        Set<String> ids = new HashSet<>();
        lines.forEach(line -> ids.add(line.at("/vigil/request_id").asText()));
        assertThat(ids).hasSize(threads * perThread);
        assertThat(sink.dropped()).isZero();
    }

    @Test
    void failing_stream_counts_drops_and_never_throws() {
        OutputStream broken = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("disk full");
            }
        };
        StdoutSink sink = new StdoutSink(new PrintStream(broken, true, StandardCharsets.UTF_8));

        sink.emit(TestEvents.invocation("req-1"));
        sink.emit(TestEvents.invocation("req-2"));
        sink.flush(System.nanoTime());
        sink.close();

        assertThat(sink.dropped()).isEqualTo(2);
    }

    @Test
    void flush_flushes_the_stream_and_close_leaves_it_open() {
        AtomicInteger flushes = new AtomicInteger();
        OutputStream counting = new OutputStream() {
            @Override
            public void write(int b) {
                bytes.write(b);
            }

            @Override
            public void flush() {
                flushes.incrementAndGet();
            }

            @Override
            public void close() {
                throw new AssertionError("standard output must not be closed");
            }
        };
        StdoutSink sink = new StdoutSink(new PrintStream(counting, false, StandardCharsets.UTF_8));
        int before = flushes.get();

        sink.flush(System.nanoTime() + 1_000_000);
        sink.close();

        assertThat(flushes.get()).isGreaterThanOrEqualTo(before + 2);
    }

    @Test
    void null_event_is_ignored() {
        StdoutSink sink = new StdoutSink(out);
        sink.emit(null);
        assertThat(bytes.size()).isZero();
        assertThat(sink.dropped()).isZero();
    }
}
