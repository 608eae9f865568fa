package dev.vigil.server.log;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A quick, not a rigorous, measurement of append throughput and acknowledgement latency: 1 KB records from four
 * threads, first each waiting for every ack (one record in flight per thread), then each keeping up to 64 appends in
 * flight, then each appending batches of 100 records one at a time. Run by hand: {@code java -cp target/classes:target/test-classes dev.vigil.server.log.EventLogThroughput
 * [seconds]}; writes in a temporary directory on the default file system and deletes it.
 */
public final class EventLogThroughput {
    private static final int THREADS = 4;
    private static final int RECORD_BYTES = 1024;

    private EventLogThroughput() {}

    /** {@code args[0]}: seconds per scenario (default 5). */
    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        run("warm-up, 64 in flight per thread", 64, 1, 2);
        run("1 in flight per thread (synchronous appends)", 1, 1, seconds);
        run("64 in flight per thread", 64, 1, seconds);
        run("batches of 100 records, 1 in flight per thread (an ingest request each)", 1, 100, seconds);
    }

    private static void run(String name, int inFlightPerThread, int batchSize, int seconds) throws Exception {
        Path dir = Files.createTempDirectory("vigil-log-bench");
        long[] latencies = new long[50_000_000 / 16];
        AtomicInteger latencyCount = new AtomicInteger();
        AtomicInteger behind = new AtomicInteger();
        long records;
        long commits;
        long elapsed;
        try (EventLog log = EventLog.open(dir)) {
            long deadline = System.nanoTime() + seconds * 1_000_000_000L;
            List<Thread> threads = new ArrayList<>();
            long start = System.nanoTime();
            for (int t = 0; t < THREADS; t++) {
                Thread thread = new Thread(() -> {
                    List<byte[]> batch =
                            java.util.Collections.nCopies(batchSize, Records.payload("bench", RECORD_BYTES));
                    Semaphore window = new Semaphore(inFlightPerThread);
                    while (System.nanoTime() < deadline) {
                        window.acquireUninterruptibly();
                        long sent = System.nanoTime();
                        try {
                            log.append(batch).whenComplete((result, error) -> {
                                int i = latencyCount.getAndIncrement();
                                if (i < latencies.length) {
                                    latencies[i] = System.nanoTime() - sent;
                                }
                                window.release();
                            });
                        } catch (LogBehindException e) {
                            behind.incrementAndGet();
                            window.release();
                            Thread.onSpinWait();
                        }
                    }
                    window.acquireUninterruptibly(inFlightPerThread);
                });
                threads.add(thread);
                thread.start();
            }
            for (Thread thread : threads) {
                thread.join();
            }
            elapsed = System.nanoTime() - start;
            records = log.endOffset();
            commits = log.commitCount();
        } finally {
            delete(dir);
        }
        int n = Math.min(latencyCount.get(), latencies.length);
        long[] sorted = Arrays.copyOf(latencies, n);
        Arrays.sort(sorted);
        System.out.printf(
                "%s: %d records in %.1f s = %.0f records/s (%.1f MB/s), %d fsyncs (%.1f records each), "
                        + "ack latency (per append) p50 %.2f ms p99 %.2f ms max %.2f ms, %d refused as behind%n",
                name,
                records,
                elapsed / 1e9,
                records / (elapsed / 1e9),
                records * (RECORD_BYTES + Frame.HEADER_BYTES) / (elapsed / 1e9) / 1e6,
                commits,
                (double) records / commits,
                sorted[(int) (n * 0.50)] / 1e6,
                sorted[(int) Math.min(n - 1, n * 0.99)] / 1e6,
                sorted[n - 1] / 1e6,
                behind.get());
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }
}
