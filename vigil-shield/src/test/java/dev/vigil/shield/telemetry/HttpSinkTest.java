package dev.vigil.shield.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpSinkTest {

    private static final long LONG = TimeUnit.SECONDS.toNanos(10);

    /** Quick retries; a linger long enough that only full batches and flushes trigger sends. */
    private static final HttpSink.Timing TEST_TIMING = new HttpSink.Timing(1000, 2000, LONG, ms(20), ms(2000), ms(300));

    private Collector collector;
    private ByteArrayOutputStream stdoutBytes;
    private StdoutSink stdout;
    private final List<HttpSink> sinks = new ArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        collector = new Collector();
        stdoutBytes = new ByteArrayOutputStream();
        stdout = new StdoutSink(new PrintStream(stdoutBytes, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void tearDown() {
        collector.release();
        sinks.forEach(HttpSink::close);
        collector.close();
    }

    private HttpSink sink(String token, int capacity, int batch, HttpSink.Timing timing) {
        HttpSink sink = new HttpSink(collector.endpoint(), token, capacity, batch, stdout, TestEvents.FUNCTION, timing);
        sinks.add(sink);
        return sink;
    }

    private static long ms(long millis) {
        return TimeUnit.MILLISECONDS.toNanos(millis);
    }

    private static long in(long millis) {
        return System.nanoTime() + ms(millis);
    }

    private List<JsonNode> reports() {
        return TestEvents.parseLines(stdoutBytes.toString(StandardCharsets.UTF_8));
    }

    @Test
    void events_arrive_as_json_lines_posted_to_the_endpoint() {
        HttpSink sink = sink(null, 100, 10, TEST_TIMING);
        sink.emit(TestEvents.invocation("req-1"));
        sink.emit(TestEvents.error("req-2", "detector gave up"));

        sink.flush(in(2000));

        assertThat(collector.requests()).hasSize(1);
        Collector.Request request = collector.requests().get(0);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/ingest");
        assertThat(request.headers().getFirst("Content-Type")).isEqualTo("application/x-ndjson");
        assertThat(request.headers().getFirst("Authorization")).isNull();
        List<JsonNode> lines = TestEvents.parseLines(request.body());
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0).at("/vigil/kind").asText()).isEqualTo("invocation");
        assertThat(lines.get(0).at("/vigil/request_id").asText()).isEqualTo("req-1");
        assertThat(lines.get(0).at("/vigil/function/name").asText()).isEqualTo("orders-api");
        assertThat(lines.get(0).at("/http_response/code").asInt()).isEqualTo(201);
        assertThat(lines.get(0).at("/metadata/product/name").asText()).isEqualTo("Vigil Shield");
        assertThat(lines.get(1).at("/vigil/kind").asText()).isEqualTo("vigil_error");
        assertThat(lines.get(1).at("/vigil/request_id").asText()).isEqualTo("req-2");
        assertThat(lines.get(1).at("/message").asText()).isEqualTo("detector gave up");
        assertThat(sink.dropped()).isZero();
        assertThat(stdoutBytes.size())
                .as("no drop report when nothing was dropped")
                .isZero();
    }

    @Test
    void events_are_sent_in_batches_of_at_most_batch_size() {
        HttpSink sink = sink(null, 100, 10, TEST_TIMING);
        for (int i = 0; i < 25; i++) {
            sink.emit(TestEvents.invocation("req-" + i));
        }

        sink.flush(in(3000));

        List<Collector.Request> requests = collector.requests();
        assertThat(requests).hasSize(3); // ceil(25 / 10)
        List<String> ids = new ArrayList<>();
        for (Collector.Request request : requests) {
            List<JsonNode> lines = TestEvents.parseLines(request.body());
            assertThat(lines).hasSizeLessThanOrEqualTo(10);
            lines.forEach(line -> ids.add(line.at("/vigil/request_id").asText()));
        }
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            expected.add("req-" + i);
        }
        assertThat(ids).containsExactlyElementsOf(expected);
    }

    @Test
    void a_full_batch_is_sent_without_waiting_for_a_flush() throws Exception {
        HttpSink sink = sink(null, 100, 5, TEST_TIMING);
        for (int i = 0; i < 5; i++) {
            sink.emit(TestEvents.invocation("req-" + i));
        }

        assertThat(collector.awaitFirstRequest(2000)).isTrue();
        assertThat(TestEvents.parseLines(collector.requests().get(0).body())).hasSize(5);
    }

    @Test
    void waiting_events_are_sent_after_the_linger_time_without_a_flush() throws Exception {
        HttpSink sink = sink(null, 100, 50, new HttpSink.Timing(1000, 2000, ms(100), ms(20), ms(2000), ms(300)));
        sink.emit(TestEvents.invocation("req-1"));

        assertThat(collector.awaitFirstRequest(2000)).isTrue();
        assertThat(TestEvents.parseLines(collector.requests().get(0).body())).hasSize(1);
    }

    @Test
    void large_bodies_are_gzipped_and_small_ones_are_not() {
        HttpSink sink = sink(null, 100, 50, TEST_TIMING);
        sink.emit(TestEvents.invocation("small"));
        sink.flush(in(2000));
        for (int i = 0; i < 20; i++) {
            sink.emit(TestEvents.error("req-" + i, "message " + "x".repeat(100)));
        }
        sink.flush(in(2000));

        List<Collector.Request> requests = collector.requests();
        assertThat(requests).hasSize(2);
        assertThat(requests.get(0).headers().getFirst("Content-Encoding")).isNull();
        assertThat(requests.get(0).rawBody().length).isLessThanOrEqualTo(HttpSink.GZIP_THRESHOLD_BYTES);
        Collector.Request big = requests.get(1);
        assertThat(big.headers().getFirst("Content-Encoding")).isEqualTo("gzip");
        assertThat(big.rawBody()).startsWith((byte) 0x1f, (byte) 0x8b);
        assertThat(big.body().getBytes(StandardCharsets.UTF_8).length).isGreaterThan(HttpSink.GZIP_THRESHOLD_BYTES);
        List<JsonNode> lines = TestEvents.parseLines(big.body());
        assertThat(lines).hasSize(20);
        assertThat(lines.get(19).at("/vigil/request_id").asText()).isEqualTo("req-19");
        assertThat(lines.get(19).at("/message").asText()).endsWith("x".repeat(100));
    }

    @Test
    void bearer_token_is_sent_in_the_authorization_header() {
        HttpSink sink = sink("s3cr3t-token", 100, 10, TEST_TIMING);
        sink.emit(TestEvents.invocation("req-1"));
        sink.flush(in(2000));

        assertThat(collector.requests()).hasSize(1);
        assertThat(collector.requests().get(0).headers().getFirst("Authorization"))
                .isEqualTo("Bearer s3cr3t-token");
    }

    @Test
    void full_queue_drops_and_reports_the_count_to_the_fallback() throws Exception {
        collector.hanging();
        HttpSink sink = sink(null, 4, 4, TEST_TIMING);
        for (int i = 0; i < 4; i++) {
            sink.emit(TestEvents.invocation("first-" + i));
        }
        assertThat(collector.awaitFirstRequest(2000)).isTrue(); // the sender now waits on the collector
        for (int i = 0; i < 4; i++) {
            sink.emit(TestEvents.invocation("queued-" + i));
        }
        for (int i = 0; i < 3; i++) {
            sink.emit(TestEvents.invocation("dropped-" + i));
        }
        assertThat(sink.dropped()).isEqualTo(3);

        collector.release();
        sink.flush(in(3000));

        assertThat(collector.requests()).hasSize(2);
        assertThat(TestEvents.parseLines(collector.requests().get(1).body()))
                .extracting(line -> line.at("/vigil/request_id").asText())
                .containsExactly("queued-0", "queued-1", "queued-2", "queued-3");
        List<JsonNode> reports = reports();
        assertThat(reports).hasSize(1);
        JsonNode report = reports.get(0);
        assertThat(report.at("/vigil/kind").asText()).isEqualTo("vigil_error");
        assertThat(report.at("/vigil/code").asText()).isEqualTo(HttpSink.DROPPED_CODE);
        assertThat(report.at("/vigil/component").asText()).isEqualTo("sink:http");
        assertThat(report.at("/vigil/count").asLong()).isEqualTo(3);
        assertThat(report.at("/vigil/function/name").asText()).isEqualTo("orders-api");
        assertThat(report.at("/message").asText()).contains("queue full: 3");

        sink.flush(in(500));
        assertThat(reports()).as("nothing new dropped, nothing new reported").hasSize(1);
    }

    @Test
    void drop_reports_count_only_the_drops_since_the_last_report() throws Exception {
        collector.answering(n -> new Collector.Answer(500, null));
        HttpSink sink = sink(null, 100, 10, TEST_TIMING);
        sink.emit(TestEvents.invocation("a"));
        sink.flush(in(2000));
        sink.emit(TestEvents.invocation("b"));
        sink.emit(TestEvents.invocation("c"));
        sink.flush(in(2000));

        assertThat(reports()).extracting(r -> r.at("/vigil/count").asLong()).containsExactly(1L, 2L);
        assertThat(sink.dropped()).isEqualTo(3);
    }

    @Test
    void server_error_is_retried_once_then_the_batch_is_dropped_and_counted() {
        collector.answering(n -> new Collector.Answer(500, null));
        HttpSink sink = sink(null, 100, 10, TEST_TIMING);
        sink.emit(TestEvents.invocation("req-1"));
        sink.emit(TestEvents.invocation("req-2"));

        sink.flush(in(3000));

        List<Collector.Request> requests = collector.requests();
        assertThat(requests).hasSize(2);
        assertThat(requests.get(1).body()).isEqualTo(requests.get(0).body());
        assertThat(sink.dropped()).isEqualTo(2);
        assertThat(reports()).singleElement().satisfies(r -> {
            assertThat(r.at("/vigil/count").asLong()).isEqualTo(2);
            assertThat(r.at("/message").asText()).contains("delivery failed: 2");
        });
    }

    @Test
    void server_error_then_success_delivers_on_the_retry() {
        collector.answering(n -> n == 0 ? new Collector.Answer(503, null) : Collector.Answer.ok());
        HttpSink sink = sink(null, 100, 10, TEST_TIMING);
        sink.emit(TestEvents.invocation("req-1"));

        sink.flush(in(3000));

        assertThat(collector.requests()).hasSize(2);
        assertThat(sink.dropped()).isZero();
        assertThat(reports()).isEmpty();
    }

    @Test
    void client_error_is_not_retried() {
        collector.answering(n -> new Collector.Answer(400, null));
        HttpSink sink = sink(null, 100, 10, TEST_TIMING);
        sink.emit(TestEvents.invocation("req-1"));

        sink.flush(in(3000));

        assertThat(collector.requests()).hasSize(1);
        assertThat(sink.dropped()).isEqualTo(1);
    }

    @Test
    void retry_after_is_respected() {
        collector.answering(n -> n == 0 ? new Collector.Answer(429, "1") : Collector.Answer.ok());
        HttpSink sink = sink(null, 100, 10, new HttpSink.Timing(1000, 2000, LONG, ms(20), ms(5000), ms(300)));
        sink.emit(TestEvents.invocation("req-1"));

        sink.flush(in(4000));

        List<Collector.Request> requests = collector.requests();
        assertThat(requests).hasSize(2);
        long gap = requests.get(1).receivedNanos() - requests.get(0).receivedNanos();
        assertThat(gap).isGreaterThanOrEqualTo(ms(900));
        assertThat(sink.dropped()).isZero();
    }

    @Test
    void retry_after_is_capped() {
        collector.answering(n -> n == 0 ? new Collector.Answer(503, "3600") : Collector.Answer.ok());
        HttpSink sink = sink(null, 100, 10, new HttpSink.Timing(1000, 2000, LONG, ms(20), ms(200), ms(300)));
        sink.emit(TestEvents.invocation("req-1"));

        sink.flush(in(3000));

        List<Collector.Request> requests = collector.requests();
        assertThat(requests).hasSize(2);
        long gap = requests.get(1).receivedNanos() - requests.get(0).receivedNanos();
        assertThat(gap).isBetween(ms(150), ms(1500));
        assertThat(sink.dropped()).isZero();
    }

    @Test
    void flush_returns_by_the_deadline_when_the_collector_hangs() throws Exception {
        collector.hanging();
        HttpSink sink = new HttpSink(collector.endpoint(), null, 100, 10, stdout, TestEvents.FUNCTION);
        sinks.add(sink);
        sink.emit(TestEvents.invocation("req-1"));

        long start = System.nanoTime();
        sink.flush(start + ms(100));
        long flushTook = System.nanoTime() - start;

        assertThat(flushTook).isGreaterThanOrEqualTo(ms(90)).isLessThan(ms(300));
        assertThat(collector.awaitFirstRequest(1000)).isTrue();

        start = System.nanoTime();
        sink.close();
        long closeTook = System.nanoTime() - start;

        assertThat(closeTook).isLessThan(ms(600));
        long until = in(2000);
        while (sink.dropped() == 0 && System.nanoTime() < until) {
            Thread.sleep(10);
        }
        assertThat(sink.dropped()).as("the aborted batch is counted").isEqualTo(1);
    }

    @Test
    void flush_returns_by_the_deadline_when_the_endpoint_accepts_but_never_answers() throws Exception {
        try (java.net.ServerSocket silent =
                new java.net.ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            URI endpoint = URI.create("http://127.0.0.1:" + silent.getLocalPort() + "/ingest");
            HttpSink sink = new HttpSink(endpoint, "tok", 100, 10, stdout, TestEvents.FUNCTION);
            sinks.add(sink);
            sink.emit(TestEvents.invocation("req-1"));

            long start = System.nanoTime();
            sink.flush(start + ms(100));
            assertThat(System.nanoTime() - start).isLessThan(ms(300));

            start = System.nanoTime();
            sink.close();
            assertThat(System.nanoTime() - start).isLessThan(ms(600));
        }
    }

    @Test
    void flush_with_nothing_pending_returns_at_once_and_sends_nothing() {
        HttpSink sink = sink(null, 100, 10, TEST_TIMING);
        long start = System.nanoTime();
        sink.flush(start + ms(1000));

        assertThat(System.nanoTime() - start).isLessThan(ms(100));
        assertThat(collector.requests()).isEmpty();
    }

    @Test
    void unreachable_endpoint_is_retried_then_counted_without_throwing() throws Exception {
        int port;
        try (java.net.ServerSocket probe = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        HttpSink sink = new HttpSink(
                URI.create("http://127.0.0.1:" + port + "/ingest"),
                null,
                100,
                10,
                stdout,
                TestEvents.FUNCTION,
                TEST_TIMING);
        sinks.add(sink);
        sink.emit(TestEvents.invocation("req-1"));

        sink.flush(in(3000));

        assertThat(sink.dropped()).isEqualTo(1);
        assertThat(reports())
                .singleElement()
                .satisfies(r -> assertThat(r.at("/vigil/count").asLong()).isEqualTo(1));
    }

    @Test
    void sender_is_one_daemon_thread_named_vigil_telemetry() throws Exception {
        HttpSink sink = sink(null, 100, 1, TEST_TIMING);
        sink.emit(TestEvents.invocation("req-1"));
        assertThat(collector.awaitFirstRequest(2000)).isTrue();

        List<Thread> senders = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals(HttpSink.THREAD_NAME))
                .toList();
        assertThat(senders).isNotEmpty().allMatch(Thread::isDaemon);
    }

    @Test
    void emit_after_close_is_dropped_and_counted() {
        HttpSink sink = sink(null, 100, 10, TEST_TIMING);
        sink.close();

        sink.emit(TestEvents.invocation("late"));

        assertThat(sink.dropped()).isEqualTo(1);
        sink.flush(in(500));
        assertThat(collector.requests()).isEmpty();
        assertThat(reports())
                .singleElement()
                .satisfies(r -> assertThat(r.at("/vigil/count").asLong()).isEqualTo(1));
    }

    @Test
    void close_sends_what_is_pending() {
        HttpSink sink = sink(null, 100, 10, TEST_TIMING);
        sink.emit(TestEvents.invocation("req-1"));

        sink.close();

        assertThat(collector.requests()).hasSize(1);
        assertThat(sink.dropped()).isZero();
    }

    @Test
    void endpoint_must_be_an_absolute_http_or_https_url() {
        for (String bad : List.of("ftp://collector.example/ingest", "/ingest", "file:///tmp/x", "http:///ingest")) {
            assertThatThrownBy(() -> new HttpSink(URI.create(bad), null, 10, 10, stdout, TestEvents.FUNCTION))
                    .as(bad)
                    .isInstanceOf(IllegalArgumentException.class);
        }
        new HttpSink(URI.create("HTTPS://collector.example/ingest"), null, 10, 10, null, null).close();
    }

    @Test
    void token_with_line_breaks_is_refused_without_echoing_it() {
        assertThatThrownBy(() ->
                        new HttpSink(collector.endpoint(), "abc\r\nX-Evil: 1", 10, 10, stdout, TestEvents.FUNCTION))
                .isInstanceOf(IllegalArgumentException.class)
                .message()
                .doesNotContain("abc")
                .doesNotContain("Evil");
    }

    @Test
    void sizes_must_be_positive() {
        assertThatThrownBy(() -> new HttpSink(collector.endpoint(), null, 0, 10, stdout, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new HttpSink(collector.endpoint(), null, 10, 0, stdout, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void retry_after_header_parses_delta_seconds_only() {
        assertThat(HttpSink.retryAfterNanos("2")).isEqualTo(TimeUnit.SECONDS.toNanos(2));
        assertThat(HttpSink.retryAfterNanos(" 0 ")).isZero();
        assertThat(HttpSink.retryAfterNanos("Wed, 21 Oct 2015 07:28:00 GMT")).isEqualTo(-1);
        assertThat(HttpSink.retryAfterNanos("-5")).isEqualTo(-1);
        assertThat(HttpSink.retryAfterNanos("99999999999999")).isEqualTo(-1);
        assertThat(HttpSink.retryAfterNanos(null)).isEqualTo(-1);
    }
}
