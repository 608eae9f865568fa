package dev.vigil.shield.telemetry;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.zip.GZIPInputStream;

/** A real collector on 127.0.0.1 that records every request and answers as told. */
final class Collector implements AutoCloseable {

    /** One request as received, body decoded from gzip when so encoded. */
    record Request(String method, String path, Headers headers, byte[] rawBody, String body, long receivedNanos) {}

    /** How to answer the n-th request (0-based). */
    record Answer(int status, String retryAfter) {
        static Answer ok() {
            return new Answer(204, null);
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "test-collector");
        t.setDaemon(true);
        return t;
    });
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final CountDownLatch released = new CountDownLatch(1);
    private final CountDownLatch firstArrived = new CountDownLatch(1);
    private volatile boolean hang;
    private volatile IntFunction<Answer> answers = n -> Answer.ok();

    Collector() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/ingest", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/ingest");
    }

    /** Answers requests with {@code answers.apply(index)}. */
    Collector answering(IntFunction<Answer> answers) {
        this.answers = answers;
        return this;
    }

    /** Records requests but answers none until {@link #release()} (or close). */
    Collector hanging() {
        this.hang = true;
        return this;
    }

    void release() {
        released.countDown();
    }

    boolean awaitFirstRequest(long millis) throws InterruptedException {
        return firstArrived.await(millis, TimeUnit.MILLISECONDS);
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] raw = exchange.getRequestBody().readAllBytes();
            String encoding = exchange.getRequestHeaders().getFirst("Content-Encoding");
            byte[] decoded = raw;
            if ("gzip".equalsIgnoreCase(encoding)) {
                try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(raw))) {
                    decoded = in.readAllBytes();
                }
            }
            int index = requests.size();
            requests.add(new Request(
                    exchange.getRequestMethod(),
                    exchange.getRequestURI().getPath(),
                    exchange.getRequestHeaders(),
                    raw,
                    new String(decoded, StandardCharsets.UTF_8),
                    System.nanoTime()));
            firstArrived.countDown();
            if (hang) {
                released.await();
            }
            Answer answer = answers.apply(index);
            if (answer.retryAfter() != null) {
                exchange.getResponseHeaders().add("Retry-After", answer.retryAfter());
            }
            exchange.sendResponseHeaders(answer.status(), -1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        release();
        server.stop(0);
        executor.shutdownNow();
    }
}
