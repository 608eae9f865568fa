package dev.vigil.server.ingest;

import static dev.vigil.server.ingest.IngestFixture.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.server.log.EventLogOptions;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackpressureAndConcurrencyTest {
    @TempDir
    Path dir;

    @Test
    void aLogThatIsBehindGets429WithRetryAfterAndNothingAcceptedIsLost() throws Exception {
        EventLogOptions options = EventLogOptions.defaults()
                .withMaxRecordBytes(1024)
                .withBatch(1024, Duration.ZERO)
                .withMaxPendingBytes(16 * 1024);
        try (IngestFixture f = new IngestFixture(dir, options, IngestLimits.defaults())) {
            CountDownLatch release = new CountDownLatch(1);
            holdWriter(f, release);
            String event = "{\"pad\":\"" + "x".repeat(900) + "\"}";
            String body = String.join("\n", event, event, event, event); // about 3.9 KB of frames
            List<CompletableFuture<HttpResponse<String>>> inFlight = new ArrayList<>();
            HttpResponse<String> refused = null;
            for (int i = 0; i < 10 && refused == null; i++) {
                CompletableFuture<HttpResponse<String>> sent = f.client.sendAsync(
                        f.request(IngestApi.EVENTS_PATH, f.ingestToken)
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                try {
                    HttpResponse<String> quick = sent.get(500, TimeUnit.MILLISECONDS);
                    assertThat(quick.statusCode()).isEqualTo(429);
                    refused = quick;
                } catch (java.util.concurrent.TimeoutException stillWaitingForTheDisk) {
                    inFlight.add(sent);
                }
            }

            assertThat(refused).isNotNull();
            assertThat(inFlight).hasSize(4);
            assertThat(refused.headers().firstValue("Retry-After"))
                    .hasValueSatisfying(v -> assertThat(Long.parseLong(v)).isGreaterThanOrEqualTo(1));
            assertThat(refused.body()).contains("behind");
            assertThat(inFlight).noneMatch(CompletableFuture::isDone);

            release.countDown();
            for (CompletableFuture<HttpResponse<String>> sent : inFlight) {
                assertThat(sent.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(202);
            }
            assertThat(f.records()).filteredOn(r -> r.tenant().equals("acme")).hasSize(16);
            assertThat(f.postEvents(event).statusCode()).isEqualTo(202);
        }
    }

    @Test
    void aClosedLogAnswers503() throws Exception {
        try (IngestFixture f = new IngestFixture(dir)) {
            f.log.close();

            HttpResponse<String> response = f.postEvents("{\"a\":1}");

            assertThat(response.statusCode()).isEqualTo(503);
            assertThat(response.body()).contains("not accepting");
        }
    }

    @Test
    void concurrentClientsGetDistinctOffsetsAndEveryEventIsStoredOnce() throws Exception {
        int clients = 8;
        int requestsPerClient = 25;
        int eventsPerRequest = 20;
        try (IngestFixture f = new IngestFixture(dir)) {
            ExecutorService pool = Executors.newFixedThreadPool(clients);
            try {
                List<Future<List<Long>>> results = new ArrayList<>();
                for (int c = 0; c < clients; c++) {
                    int client = c;
                    results.add(pool.submit(() -> {
                        List<Long> offsets = new ArrayList<>();
                        for (int r = 0; r < requestsPerClient; r++) {
                            StringBuilder body = new StringBuilder();
                            for (int e = 0; e < eventsPerRequest; e++) {
                                body.append("{\"id\":\"")
                                        .append(client)
                                        .append('-')
                                        .append(r)
                                        .append('-')
                                        .append(e)
                                        .append("\"}\n");
                            }
                            HttpResponse<String> response =
                                    f.post(IngestApi.EVENTS_PATH, f.ingestToken, utf8(body.toString()));
                            assertThat(response.statusCode()).isEqualTo(202);
                            String first = response.body().replaceAll(".*\"firstOffset\":(\\d+).*", "$1");
                            offsets.add(Long.parseLong(first));
                        }
                        return offsets;
                    }));
                }
                Set<Long> firstOffsets = new HashSet<>();
                for (Future<List<Long>> result : results) {
                    firstOffsets.addAll(result.get(60, TimeUnit.SECONDS));
                }
                assertThat(firstOffsets).hasSize(clients * requestsPerClient).allMatch(o -> o % eventsPerRequest == 0);
            } finally {
                pool.shutdownNow();
            }
            List<String> events = f.eventTexts();
            assertThat(events).hasSize(clients * requestsPerClient * eventsPerRequest);
            assertThat(new HashSet<>(events)).hasSize(events.size());
        }
    }

    /**
     * Holds the log's writer thread inside an ack callback until {@code release}, so nothing more becomes durable
     * meanwhile (retried when the ack completed before the callback was attached and so ran on this thread).
     */
    private static void holdWriter(IngestFixture f, CountDownLatch release) throws InterruptedException {
        CountDownLatch held = new CountDownLatch(1);
        for (int attempt = 0; attempt < 100 && held.getCount() > 0; attempt++) {
            f.log.append(new IngestRecord(SourceKind.EVENTS, 0, "hold", null, null, utf8("{}")).encode())
                    .thenRun(() -> {
                        if (Thread.currentThread().getName().startsWith("vigil-event-log-writer")) {
                            held.countDown();
                            try {
                                release.await();
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                        }
                    });
            held.await(100, TimeUnit.MILLISECONDS);
        }
        assertThat(held.getCount()).isZero();
    }
}
