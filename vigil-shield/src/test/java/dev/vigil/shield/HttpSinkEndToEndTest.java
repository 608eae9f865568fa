package dev.vigil.shield;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.vigil.core.telemetry.FunctionInfo;
import dev.vigil.shield.detect.CanaryDetector;
import dev.vigil.shield.policy.Policy;
import dev.vigil.shield.telemetry.HttpSink;
import dev.vigil.shield.telemetry.StdoutSink;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The function must return within the flush deadline even when the collector hangs. */
class HttpSinkEndToEndTest {

    @Test
    void a_hanging_collector_delays_the_invocation_by_at_most_the_flush_timeout() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        try (HttpSink sink = new HttpSink(
                URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/api/v1/events"),
                "token",
                100,
                10,
                new StdoutSink(new PrintStream(stdout, true, "UTF-8")),
                FunctionInfo.named("orders"))) {
            Policy d = Policy.defaults();
            Shield shield = Shield.builder()
                    .policy(Policies.blocking())
                    .detector(new CanaryDetector())
                    .sink(sink)
                    .environment(Map.of())
                    .build();
            StreamHarness h = new StreamHarness();
            long flushBudgetMs = d.telemetry().flushTimeoutMs();
            for (int i = 0; i < 3; i++) {
                long t0 = System.nanoTime();
                h.invoke(shield, TestEvents.apiV2("/orders", "q=" + CanaryDetector.MARKER));
                long ms = (System.nanoTime() - t0) / 1_000_000;
                assertThat(ms).as("invocation %d took %d ms", i, ms).isLessThan(flushBudgetMs + 400);
            }
        } finally {
            release.countDown();
            server.stop(0);
        }
    }
}
