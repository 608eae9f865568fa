package dev.vigil.server.log;

import static dev.vigil.server.log.Records.payload;
import static dev.vigil.server.log.Records.readAll;
import static dev.vigil.server.log.Records.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventLogTest {
    @TempDir
    Path dir;

    private static final EventLogOptions SMALL_SEGMENTS =
            EventLogOptions.defaults().withMaxSegmentBytes(1024);

    @Test
    void recordsComeBackInOrderWithConsecutiveOffsets() throws Exception {
        try (EventLog log = EventLog.open(dir)) {
            assertThat(log.recovery().clean()).isTrue();
            AppendResult first = log.append(List.of(payload("a", 10), payload("b", 0), payload("c", 300)))
                    .get(5, TimeUnit.SECONDS);
            AppendResult second = log.append(payload("d", 5)).get(5, TimeUnit.SECONDS);
            assertThat(first).isEqualTo(new AppendResult(0, 3));
            assertThat(second).isEqualTo(new AppendResult(3, 1));
            assertThat(log.endOffset()).isEqualTo(4);

            List<LogRecord> records = readAll(log, 0);
            assertThat(records).extracting(LogRecord::offset).containsExactly(0L, 1L, 2L, 3L);
            assertThat(records.get(2).payload()).isEqualTo(payload("c", 300));
            assertThat(readAll(log, 3)).extracting(Records::text).containsExactly(text(records.get(3)));
            assertThat(readAll(log, 4)).isEmpty();
        }
        try (EventLog log = EventLog.open(dir)) {
            assertThat(log.recovery().clean()).isTrue();
            assertThat(log.endOffset()).isEqualTo(4);
            assertThat(log.append(payload("e", 1)).get(5, TimeUnit.SECONDS).firstOffset())
                    .isEqualTo(4);
            assertThat(readAll(log, 0)).hasSize(5);
        }
    }

    @Test
    void recordsOfMixedSizesSurviveReadBufferBoundaries() throws Exception {
        int[] sizes = {1, 65_000, 70_000, 3, 65_528, 65_536, 200_000, 12, 40_000, 40_000, 40_000};
        try (EventLog log = EventLog.open(dir)) {
            for (int i = 0; i < sizes.length; i++) {
                log.append(payload("m" + i, sizes[i])).get(5, TimeUnit.SECONDS);
            }
        }
        try (EventLog log = EventLog.open(dir)) {
            assertThat(log.recovery().clean()).isTrue();
            assertThat(log.endOffset()).isEqualTo(sizes.length);
            List<LogRecord> records = readAll(log, 0);
            for (int i = 0; i < sizes.length; i++) {
                assertThat(records.get(i).payload()).isEqualTo(payload("m" + i, sizes[i]));
            }
            assertThat(readAll(log, 7))
                    .first()
                    .satisfies(r -> assertThat(text(r)).startsWith("m7|"));
        }
    }

    @Test
    void emptyRecordAndEmptyBatchAreAllowed() throws Exception {
        try (EventLog log = EventLog.open(dir)) {
            assertThat(log.append(new byte[0]).get(5, TimeUnit.SECONDS)).isEqualTo(new AppendResult(0, 1));
            assertThat(log.append(List.of()).get(5, TimeUnit.SECONDS).recordCount())
                    .isZero();
            assertThat(readAll(log, 0))
                    .singleElement()
                    .satisfies(r -> assertThat(r.payload()).isEmpty());
        }
    }

    @Test
    void segmentsRollAtTheSizeLimitAndReadersCrossThem() throws Exception {
        try (EventLog log = EventLog.open(dir, SMALL_SEGMENTS)) {
            for (int i = 0; i < 100; i++) {
                log.append(payload("r" + i, 100)).get(5, TimeUnit.SECONDS);
            }
            // a record larger than a segment still gets one of its own
            log.append(payload("big", 3000)).get(5, TimeUnit.SECONDS);
            assertThat(segmentFiles())
                    .hasSizeGreaterThan(10)
                    .allSatisfy(file -> assertThat(Files.size(file))
                            .isLessThanOrEqualTo(Math.max(1024, Segment.HEADER_BYTES + Frame.size(3001))));
            assertThat(readAll(log, 0)).extracting(Records::text).hasSize(101).startsWith(text(payload("r0", 100)));
            assertThat(readAll(log, 57))
                    .first()
                    .satisfies(r -> assertThat(text(r)).startsWith("r57|"));
        }
        try (EventLog log = EventLog.open(dir, SMALL_SEGMENTS)) {
            assertThat(log.endOffset()).isEqualTo(101);
            assertThat(log.append(payload("after", 10)).get(5, TimeUnit.SECONDS).firstOffset())
                    .isEqualTo(101);
            assertThat(readAll(log, 0)).hasSize(102);
        }
    }

    @Test
    void concurrentAppendersShareFsyncsAndAreAckedOnlyWhenDurable() throws Exception {
        int threads = 8;
        int appendsPerThread = 200;
        EventLogOptions options = EventLogOptions.defaults().withMaxSegmentBytes(64 * 1024);
        try (EventLog log = EventLog.open(dir, options)) {
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            AtomicInteger ackedBeforeDurable = new AtomicInteger();
            List<CompletableFuture<AppendResult>> futures = new ArrayList<>();
            CountDownLatch start = new CountDownLatch(1);
            List<java.util.concurrent.Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                workers.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < appendsPerThread; i++) {
                        CompletableFuture<AppendResult> ack = log.append(payload("t" + thread + "-" + i, 200));
                        ack.thenAccept(result -> {
                            if (log.endOffset() <= result.lastOffset()) {
                                ackedBeforeDurable.incrementAndGet();
                            }
                        });
                        synchronized (futures) {
                            futures.add(ack);
                        }
                        if (i % 10 == 9) {
                            ack.join(); // keep a bounded number in flight, as ingest would
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (var worker : workers) {
                worker.get(20, TimeUnit.SECONDS);
            }
            CompletableFuture.allOf(futures.toArray(new CompletableFuture<?>[0]))
                    .get(20, TimeUnit.SECONDS);
            pool.shutdown();

            int appends = threads * appendsPerThread;
            assertThat(ackedBeforeDurable).hasValue(0);
            assertThat(log.endOffset()).isEqualTo(appends);
            assertThat(log.commitCount()).isLessThan(appends);
            List<LogRecord> records = readAll(log, 0);
            assertThat(records).hasSize(appends);
            assertThat(records.stream().map(r -> text(r).substring(0, text(r).indexOf('|'))))
                    .doesNotHaveDuplicates();
            // each thread's records appear in the order it appended them
            for (int t = 0; t < threads; t++) {
                String prefix = "t" + t + "-";
                List<Integer> order = records.stream()
                        .map(Records::text)
                        .filter(s -> s.startsWith(prefix))
                        .map(s -> Integer.parseInt(s.substring(prefix.length(), s.indexOf('|'))))
                        .toList();
                assertThat(order).isSorted().hasSize(appendsPerThread);
            }
        }
    }

    @Test
    void aLingeringWriterCommitsABurstWithOneFsync() throws Exception {
        try (EventLog log = EventLog.open(dir, EventLogOptions.defaults().withBatch(1 << 20, Duration.ofMillis(200)))) {
            List<CompletableFuture<AppendResult>> acks = IntStream.range(0, 20)
                    .mapToObj(i -> log.append(payload("b" + i, 100)))
                    .toList();
            CompletableFuture.allOf(acks.toArray(new CompletableFuture<?>[0])).get(5, TimeUnit.SECONDS);
            assertThat(log.commitCount()).isLessThanOrEqualTo(2);
        }
    }

    @Test
    void aTruncatedTailIsDroppedAndTheLogGoesOn() throws Exception {
        writeRecords(10, 50);
        Path segment = onlySegment();
        long size = Files.size(segment);
        try (FileChannel channel = FileChannel.open(segment, StandardOpenOption.WRITE)) {
            channel.truncate(size - 20); // mid-payload of the last frame
        }
        try (EventLog log = EventLog.open(dir)) {
            RecoveryReport recovery = log.recovery();
            assertThat(recovery.clean()).isFalse();
            assertThat(recovery.droppedBytes()).isEqualTo(Frame.size(50) - 20);
            assertThat(recovery.reason()).contains("torn frame");
            assertThat(log.endOffset()).isEqualTo(9);
            assertThat(log.append(payload("new", 50)).get(5, TimeUnit.SECONDS).firstOffset())
                    .isEqualTo(9);
            assertThat(readAll(log, 0))
                    .extracting(Records::text)
                    .hasSize(10)
                    .last()
                    .asString()
                    .startsWith("new|");
        }
    }

    @Test
    void aZeroFilledTailIsDropped() throws Exception {
        writeRecords(3, 50);
        Path segment = onlySegment();
        try (FileChannel channel = FileChannel.open(segment, StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.allocate(4096), channel.size()); // blocks allocated, data never written
        }
        try (EventLog log = EventLog.open(dir)) {
            assertThat(log.recovery().droppedBytes()).isEqualTo(4096);
            assertThat(log.recovery().reason()).contains("checksum mismatch in a frame of 0 bytes");
            assertThat(log.endOffset()).isEqualTo(3);
        }
    }

    @Test
    void aReaderFollowsTheWriterAcrossSegmentRolls() throws Exception {
        int count = 3000;
        try (EventLog log = EventLog.open(dir, EventLogOptions.defaults().withMaxSegmentBytes(8 * 1024))) {
            CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
                for (int i = 0; i < count; i += 3) {
                    log.append(List.of(payload("f" + i, 90), payload("f" + (i + 1), 900), payload("f" + (i + 2), 9)))
                            .join();
                }
            });
            List<String> seen = new ArrayList<>();
            try (LogReader reader = log.reader(0)) {
                while (seen.size() < count) {
                    if (!log.awaitRecord(reader.nextOffset(), Duration.ofSeconds(10))) {
                        break;
                    }
                    for (LogRecord record : reader.poll(7, 4096)) {
                        String text = text(record);
                        seen.add(text.substring(0, text.indexOf('|')));
                    }
                }
            }
            writer.get(10, TimeUnit.SECONDS);
            assertThat(seen)
                    .containsExactlyElementsOf(
                            IntStream.range(0, count).mapToObj(i -> "f" + i).toList());
        }
    }

    @Test
    void aTornFrameHeaderIsDropped() throws Exception {
        writeRecords(3, 50);
        Path segment = onlySegment();
        try (FileChannel channel = FileChannel.open(segment, StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.wrap(new byte[] {0, 0, 1}), channel.size());
        }
        try (EventLog log = EventLog.open(dir)) {
            assertThat(log.recovery().droppedBytes()).isEqualTo(3);
            assertThat(log.endOffset()).isEqualTo(3);
        }
    }

    @Test
    void aFlippedPayloadByteFailsTheChecksumAndIsDropped() throws Exception {
        writeRecords(5, 50);
        Path segment = onlySegment();
        flipByte(segment, Files.size(segment) - 10);
        try (EventLog log = EventLog.open(dir)) {
            assertThat(log.recovery().reason()).contains("checksum mismatch").contains("at byte");
            assertThat(log.recovery().droppedBytes()).isEqualTo(Frame.size(50));
            assertThat(readAll(log, 0)).hasSize(4);
        }
    }

    @Test
    void aFlippedLengthByteIsDropped() throws Exception {
        writeRecords(5, 50);
        Path segment = onlySegment();
        flipByte(segment, Files.size(segment) - Frame.size(50) + 3);
        try (EventLog log = EventLog.open(dir)) {
            assertThat(log.recovery().droppedBytes()).isEqualTo(Frame.size(50));
            assertThat(log.endOffset()).isEqualTo(4);
        }
    }

    @Test
    void aSegmentCreatedButNeverWrittenIsReinitialised() throws Exception {
        writeRecords(3, 50);
        Files.write(dir.resolve(Segment.fileName(3)), new byte[7]);
        try (EventLog log = EventLog.open(dir)) {
            assertThat(log.recovery().segment()).endsWith(Path.of(Segment.fileName(3)));
            assertThat(log.recovery().droppedBytes()).isEqualTo(7);
            assertThat(log.append(payload("x", 5)).get(5, TimeUnit.SECONDS).firstOffset())
                    .isEqualTo(3);
            assertThat(readAll(log, 0)).hasSize(4);
        }
    }

    @Test
    void corruptionInASealedSegmentFailsTheReaderNamingFileAndPosition() throws Exception {
        try (EventLog log = EventLog.open(dir, SMALL_SEGMENTS)) {
            for (int i = 0; i < 30; i++) {
                log.append(payload("r" + i, 100)).get(5, TimeUnit.SECONDS);
            }
        }
        Path first = segmentFiles().get(0);
        flipByte(first, Segment.HEADER_BYTES + Frame.HEADER_BYTES + 5);
        try (EventLog log = EventLog.open(dir, SMALL_SEGMENTS);
                LogReader reader = log.reader(0)) {
            assertThatThrownBy(() -> reader.poll(10, 1 << 20))
                    .isInstanceOf(LogCorruptedException.class)
                    .hasMessageContaining(first.toString())
                    .hasMessageContaining("at byte " + Segment.HEADER_BYTES)
                    .hasMessageContaining("checksum mismatch")
                    .hasMessageContaining("(record offset 0)");
        }
    }

    @Test
    void aForeignFileInPlaceOfTheLastSegmentIsRefused() throws Exception {
        Files.writeString(dir.resolve(Segment.fileName(0)), "this is not a log segment at all");
        assertThatThrownBy(() -> EventLog.open(dir))
                .isInstanceOf(LogCorruptedException.class)
                .hasMessageContaining(Segment.fileName(0))
                .hasMessageContaining("not a Vigil log segment");
        // the failed open released the lock
        Files.delete(dir.resolve(Segment.fileName(0)));
        EventLog.open(dir).close();
    }

    @Test
    void oversizedRecordsAreRejectedWholeBatch() throws Exception {
        try (EventLog log = EventLog.open(dir, EventLogOptions.defaults().withMaxRecordBytes(100))) {
            assertThatThrownBy(() -> log.append(List.of(payload("ok", 10), new byte[101])))
                    .isInstanceOf(RecordTooLargeException.class)
                    .hasMessageContaining("record 1 of the batch is 101 bytes, over the limit of 100 bytes");
            log.append(new byte[100]).get(5, TimeUnit.SECONDS);
            assertThat(readAll(log, 0)).hasSize(1);
        }
    }

    @Test
    void aFullQueueRefusesAppendsWithARetryHintInsteadOfGrowing() throws Exception {
        EventLogOptions options = EventLogOptions.defaults()
                .withMaxRecordBytes(1024)
                .withBatch(1024, Duration.ZERO)
                .withMaxPendingBytes(16 * 1024);
        try (EventLog log = EventLog.open(dir, options)) {
            CountDownLatch release = new CountDownLatch(1);
            CountDownLatch writerHeld = new CountDownLatch(1);
            // holds the writer thread inside an ack callback, so nothing else becomes durable meanwhile (retried
            // when the ack completed before the callback was attached and so ran on this thread)
            for (int attempt = 0; attempt < 100 && writerHeld.getCount() > 0; attempt++) {
                log.append(payload("hold", 10)).thenRun(() -> {
                    if (Thread.currentThread().getName().startsWith("vigil-event-log-writer")) {
                        writerHeld.countDown();
                        awaitQuietly(release);
                    }
                });
                writerHeld.await(100, TimeUnit.MILLISECONDS);
            }
            assertThat(writerHeld.getCount()).isZero();
            List<CompletableFuture<AppendResult>> accepted = new ArrayList<>();
            LogBehindException refused = null;
            for (int i = 0; i < 100 && refused == null; i++) {
                try {
                    accepted.add(log.append(payload("p" + i, 1000)));
                } catch (LogBehindException e) {
                    refused = e;
                }
            }
            assertThat(refused).isNotNull();
            assertThat(accepted).hasSize((int) (16 * 1024 / Frame.size(1000)));
            assertThat(refused.retryAfter()).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
            assertThat(refused.pendingBytes()).isLessThanOrEqualTo(16 * 1024);
            assertThat(refused).hasMessageContaining("event log is behind");
            assertThat(log.isBehind()).isTrue();
            assertThat(log.pendingBytes()).isEqualTo(accepted.size() * Frame.size(1000));

            release.countDown();
            CompletableFuture.allOf(accepted.toArray(new CompletableFuture<?>[0]))
                    .get(5, TimeUnit.SECONDS);
            assertThat(log.pendingBytes()).isZero();
            assertThat(log.isBehind()).isFalse();
            log.append(payload("again", 1000)).get(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void aSecondOpenOfTheSameDirectoryIsRefused() throws Exception {
        try (EventLog log = EventLog.open(dir)) {
            assertThat(log.directory()).isEqualTo(dir);
            assertThatThrownBy(() -> EventLog.open(dir))
                    .isInstanceOf(LogLockedException.class)
                    .hasMessageContaining(dir.resolve(".lock").toString())
                    .hasMessageContaining("pid " + ProcessHandle.current().pid());
        }
        EventLog.open(dir).close();
    }

    @Test
    void closeMakesEverythingAcceptedDurableAndThenRefusesAppends() throws Exception {
        EventLog log = EventLog.open(dir, EventLogOptions.defaults().withBatch(1 << 20, Duration.ofMillis(50)));
        List<CompletableFuture<AppendResult>> acks = IntStream.range(0, 50)
                .mapToObj(i -> log.append(payload("c" + i, 20)))
                .toList();
        log.close();
        log.close();
        assertThat(acks).allSatisfy(ack -> assertThat(ack).isCompleted());
        assertThatThrownBy(() -> log.append(new byte[1])).isInstanceOf(IllegalStateException.class);
        try (EventLog reopened = EventLog.open(dir)) {
            assertThat(reopened.endOffset()).isEqualTo(50);
        }
    }

    @Test
    void awaitRecordWakesWhenTheRecordIsDurable() throws Exception {
        try (EventLog log = EventLog.open(dir)) {
            assertThat(log.awaitRecord(0, Duration.ofMillis(20))).isFalse();
            CompletableFuture<Boolean> waiter = CompletableFuture.supplyAsync(() -> {
                try {
                    return log.awaitRecord(0, Duration.ofSeconds(5));
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });
            log.append(payload("x", 1));
            assertThat(waiter.get(5, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void readerOffsetsOutsideTheLogAreRefused() throws Exception {
        writeRecords(3, 10);
        try (EventLog log = EventLog.open(dir)) {
            assertThatThrownBy(() -> log.reader(4))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("offset 4 is outside the log's records 0..3");
        }
    }

    private void writeRecords(int count, int size) throws Exception {
        try (EventLog log = EventLog.open(dir)) {
            for (int i = 0; i < count; i++) {
                log.append(payload("r" + i, size)).get(5, TimeUnit.SECONDS);
            }
        }
    }

    private Path onlySegment() throws IOException {
        return segmentFiles().get(0);
    }

    private List<Path> segmentFiles() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".log"))
                    .sorted()
                    .toList();
        }
    }

    static void flipByte(Path file, long position) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            ByteBuffer one = ByteBuffer.allocate(1);
            channel.read(one, position);
            one.put(0, (byte) (one.get(0) ^ 0x40)).rewind();
            channel.write(one, position);
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
