package dev.vigil.shield.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.shield.policy.TelemetryConfig;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class TelemetrySinksTest {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream stdout = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    @Test
    void defaults_give_standard_output_only() {
        TelemetrySink sink =
                TelemetrySinks.fromConfig(TelemetryConfig.defaults(), Map.of(), stdout, TestEvents.FUNCTION);

        assertThat(sink).isInstanceOf(StdoutSink.class);
        sink.emit(TestEvents.invocation("req-1"));
        assertThat(TestEvents.parseLines(bytes.toString(StandardCharsets.UTF_8)))
                .hasSize(1);
    }

    @Test
    void nothing_enabled_gives_the_noop_sink() {
        TelemetryConfig off = new TelemetryConfig(false, null, "VIGIL_TOKEN", 200, 1000, 100);

        assertThat(TelemetrySinks.fromConfig(off, Map.of(), stdout, TestEvents.FUNCTION))
                .isSameAs(NoopSink.INSTANCE);
    }

    @Test
    void endpoint_from_the_environment_wins_and_the_token_comes_from_the_named_variable() throws Exception {
        try (Collector collector = new Collector()) {
            TelemetryConfig config =
                    new TelemetryConfig(true, "https://policy.example/ignored", "MY_TOKEN", 200, 1000, 100);
            Map<String, String> env =
                    Map.of(TelemetrySinks.ENDPOINT_ENV, collector.endpoint().toString(), "MY_TOKEN", "tok-123");

            TelemetrySink sink = TelemetrySinks.fromConfig(config, env, stdout, TestEvents.FUNCTION);
            try (sink) {
                assertThat(sink).isInstanceOf(CompositeSink.class);
                assertThat(((CompositeSink) sink).sinks()).hasExactlyElementsOfTypes(StdoutSink.class, HttpSink.class);
                sink.emit(TestEvents.invocation("req-1"));
                sink.flush(System.nanoTime() + TimeUnit.SECONDS.toNanos(2));
            }

            assertThat(collector.requests()).singleElement().satisfies(r -> {
                assertThat(r.headers().getFirst("Authorization")).isEqualTo("Bearer tok-123");
                assertThat(TestEvents.parseLines(r.body())).hasSize(1);
            });
            assertThat(TestEvents.parseLines(bytes.toString(StandardCharsets.UTF_8)))
                    .hasSize(1);
        }
    }

    @Test
    void http_only_still_reports_drops_to_standard_output() throws Exception {
        try (Collector collector = new Collector()) {
            collector.answering(n -> new Collector.Answer(401, null));
            TelemetryConfig config =
                    new TelemetryConfig(false, collector.endpoint().toString(), null, 200, 1000, 100);

            TelemetrySink sink = TelemetrySinks.fromConfig(config, Map.of(), stdout, TestEvents.FUNCTION);
            try (sink) {
                assertThat(sink).isInstanceOf(HttpSink.class);
                sink.emit(TestEvents.invocation("req-1"));
                sink.flush(System.nanoTime() + TimeUnit.SECONDS.toNanos(2));
            }

            assertThat(collector.requests().get(0).headers().getFirst("Authorization"))
                    .isNull();
            List<JsonNode> lines = TestEvents.parseLines(bytes.toString(StandardCharsets.UTF_8));
            assertThat(lines).singleElement().satisfies(line -> {
                assertThat(line.at("/vigil/code").asText()).isEqualTo(HttpSink.DROPPED_CODE);
                assertThat(line.at("/vigil/count").asLong()).isEqualTo(1);
            });
        }
    }

    @Test
    void unusable_endpoint_turns_http_off_and_says_so_without_the_url() {
        TelemetryConfig config =
                new TelemetryConfig(true, "ftp://user:hunter2@collector.example/x", null, 200, 1000, 100);

        TelemetrySink sink = TelemetrySinks.fromConfig(config, Map.of(), stdout, TestEvents.FUNCTION);

        assertThat(sink).isInstanceOf(StdoutSink.class);
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertThat(out).doesNotContain("hunter2").doesNotContain("collector.example");
        assertThat(TestEvents.parseLines(out)).singleElement().satisfies(line -> {
            assertThat(line.at("/vigil/code").asText()).isEqualTo(TelemetrySinks.MISCONFIGURED_CODE);
            assertThat(line.at("/vigil/component").asText()).isEqualTo("sink:http");
        });
    }

    @Test
    void endpoint_that_is_not_a_uri_does_not_throw() {
        TelemetryConfig config = new TelemetryConfig(true, "http://bad host/ x", null, 200, 1000, 100);

        TelemetrySink sink = TelemetrySinks.fromConfig(config, Map.of(), stdout, TestEvents.FUNCTION);

        assertThat(sink).isInstanceOf(StdoutSink.class);
        assertThat(TestEvents.parseLines(bytes.toString(StandardCharsets.UTF_8)))
                .hasSize(1);
    }
}
