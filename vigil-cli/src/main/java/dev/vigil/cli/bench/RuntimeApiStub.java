package dev.vigil.cli.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A minimal AWS Lambda Runtime API (2018-06-01) on loopback, enough for the real Lambda runtime interface client to
 * fetch one event and post its response: {@code GET /runtime/invocation/next} hands out the event once (later calls
 * wait until the stub closes), {@code POST …/response} and {@code …/error} complete {@link #result()}.
 */
final class RuntimeApiStub implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final byte[] event;
    private final CountDownLatch closed = new CountDownLatch(1);
    private final CompletableFuture<Response> responded = new CompletableFuture<>();
    private volatile boolean handedOut;

    RuntimeApiStub(byte[] event) throws IOException {
        this.event = event;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.createContext("/2018-06-01/runtime/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    /** {@code host:port}, the value of {@code AWS_LAMBDA_RUNTIME_API}. */
    String address() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    /** Completes with the function's response, or exceptionally when it reports an error. */
    CompletableFuture<Response> result() {
        return responded;
    }

    /**
     * What the function answered.
     *
     * @param nanoTime when the stub received it ({@link System#nanoTime()})
     * @param body the response payload
     */
    record Response(long nanoTime, byte[] body) {}

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (path.endsWith("/invocation/next")) {
                if (handedOut) {
                    closed.await(60, TimeUnit.SECONDS);
                    exchange.sendResponseHeaders(410, -1);
                    return;
                }
                handedOut = true;
                // the native client crashes on a /next response without a Content-Type
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.getResponseHeaders().add("Lambda-Runtime-Aws-Request-Id", "cold-start-1");
                exchange.getResponseHeaders()
                        .add("Lambda-Runtime-Deadline-Ms", Long.toString(System.currentTimeMillis() + 30_000));
                exchange.getResponseHeaders()
                        .add(
                                "Lambda-Runtime-Invoked-Function-Arn",
                                "arn:aws:lambda:us-east-1:123456789012:function:probe");
                exchange.getResponseHeaders()
                        .add("Lambda-Runtime-Trace-Id", "Root=1-00000000-000000000000000000000000");
                exchange.sendResponseHeaders(200, event.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(event);
                }
                return;
            }
            if (path.endsWith("/response")) {
                responded.complete(new Response(System.nanoTime(), body));
            } else if (path.endsWith("/error")) {
                responded.completeExceptionally(new IOException("the function reported an error: " + path));
            }
            exchange.sendResponseHeaders(202, -1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        closed.countDown();
        server.stop(0);
        executor.shutdownNow();
    }
}
