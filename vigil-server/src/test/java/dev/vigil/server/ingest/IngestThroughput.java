package dev.vigil.server.ingest;

import dev.vigil.server.log.EventLogOptions;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * A quick, not a rigorous, measurement of {@code POST /api/v1/events} on loopback: four client threads, each sending
 * one request at a time of 100 JSON lines of about 500 bytes, for a warm-up and then a measured period; prints
 * events/s and request latency percentiles (the latency is the acknowledgement: the events are on disk). Run by hand:
 * {@code java -cp target/classes:target/test-classes:$(cat cp.txt) dev.vigil.server.ingest.IngestThroughput
 * [seconds]}.
 */
public final class IngestThroughput {
    private static final int THREADS = 4;
    private static final int EVENTS_PER_REQUEST = 100;

    private IngestThroughput() {}

    /** {@code args[0]}: measured seconds (default 10). */
    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        Path dir = Files.createTempDirectory("vigil-ingest-bench");
        try (IngestFixture f = new IngestFixture(dir, EventLogOptions.defaults(), IngestLimits.defaults())) {
            byte[] body = body();
            run(f, body, 3, false);
            run(f, body, seconds, true);
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static void run(IngestFixture f, byte[] body, int seconds, boolean print) throws Exception {
        long[][] latencies = new long[THREADS][2_000_000];
        int[] counts = new int[THREADS];
        AtomicLong failures = new AtomicLong();
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        Thread[] threads = new Thread[THREADS];
        long start = System.nanoTime();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            threads[t] = new Thread(() -> {
                HttpRequest request = f.request(IngestApi.EVENTS_PATH, f.ingestToken)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                        .build();
                while (System.nanoTime() < deadline) {
                    long sent = System.nanoTime();
                    try {
                        HttpResponse<String> response = f.client.send(request, HttpResponse.BodyHandlers.ofString());
                        if (response.statusCode() != 202) {
                            failures.incrementAndGet();
                            continue;
                        }
                    } catch (Exception e) {
                        failures.incrementAndGet();
                        continue;
                    }
                    latencies[thread][counts[thread]++] = System.nanoTime() - sent;
                }
            });
            threads[t].start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        if (!print) {
            return;
        }
        long[] all = new long[Arrays.stream(counts).sum()];
        int at = 0;
        for (int t = 0; t < THREADS; t++) {
            System.arraycopy(latencies[t], 0, all, at, counts[t]);
            at += counts[t];
        }
        Arrays.sort(all);
        System.out.printf(
                "%d threads x %d events of %d bytes per request, %.1f s: %d requests, %.0f events/s, %.1f MB/s,"
                        + " latency p50 %.2f ms p99 %.2f ms max %.2f ms, %d failed; %d fsyncs%n",
                THREADS,
                EVENTS_PER_REQUEST,
                body.length / EVENTS_PER_REQUEST,
                elapsed,
                all.length,
                all.length * (double) EVENTS_PER_REQUEST / elapsed,
                all.length * (double) body.length / elapsed / 1e6,
                all[all.length / 2] / 1e6,
                all[(int) (all.length * 0.99)] / 1e6,
                all[all.length - 1] / 1e6,
                failures.get(),
                f.log.commitCount());
    }

    private static byte[] body() {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < EVENTS_PER_REQUEST; i++) {
            StringBuilder event =
                    new StringBuilder("{\"class_uid\":4002,\"time\":1763884800000,\"vigil\":{\"function\":"
                            + "\"orders\",\"trigger\":\"apigw-v2\",\"request_id\":\"" + i
                            + "\"},\"http_request\":{\"url\":"
                            + "{\"path\":\"/orders/42\"},\"http_method\":\"POST\"},\"pad\":\"");
            while (event.length() < 496) {
                event.append('x');
            }
            out.append(event).append("\"}\n");
        }
        return out.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
}
