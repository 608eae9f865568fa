package dev.vigil.server.log;

import static dev.vigil.server.log.Records.payload;
import static dev.vigil.server.log.Records.readAll;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RetentionTest {
    @TempDir
    Path dir;

    private EventLog log;

    @BeforeEach
    void fill() throws Exception {
        log = EventLog.open(dir, EventLogOptions.defaults().withMaxSegmentBytes(1024));
        for (int i = 0; i < 100; i++) {
            log.append(payload("r" + i, 100)).get(5, TimeUnit.SECONDS); // 9 records a segment
        }
    }

    @org.junit.jupiter.api.AfterEach
    void close() throws Exception {
        log.close();
    }

    @Test
    void onlySegmentsBelowTheCommittedPositionAreDeleted() throws Exception {
        List<Path> deleted = log.retain(RetentionPolicy.deleteConsumed(), 40);
        assertThat(deleted).hasSize(4); // records 0..35; the segment with 36..44 holds unconsumed records
        assertThat(deleted).noneMatch(Files::exists);
        assertThat(log.startOffset()).isEqualTo(36);
        assertThat(readAll(log, 40)).hasSize(60);
        assertThatThrownBy(() -> log.reader(10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("outside the log's records 36..100");
    }

    @Test
    void theActiveSegmentIsKeptEvenWhenEverythingIsConsumed() throws Exception {
        log.retain(RetentionPolicy.deleteConsumed(), 100);
        assertThat(segmentCount()).isEqualTo(1);
        assertThat(log.startOffset()).isEqualTo(99);
        log.append(payload("more", 10)).get(5, TimeUnit.SECONDS);
        assertThat(readAll(log, 99)).hasSize(2);
    }

    @Test
    void consumedSegmentsWithinTheSizeAndAgeBoundsAreKept() throws Exception {
        assertThat(log.retain(new RetentionPolicy(1 << 20, Duration.ofDays(1)), 100))
                .isEmpty();
        long total = totalBytes();
        List<Path> deleted = log.retain(new RetentionPolicy(total - 1500, Duration.ofDays(1)), 100);
        assertThat(deleted).hasSize(2);
        assertThat(totalBytes()).isLessThanOrEqualTo(total - 1500);
    }

    @Test
    void consumedSegmentsOlderThanTheAgeBoundAreDeleted() throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> segments =
                    files.filter(f -> f.toString().endsWith(".log")).sorted().toList();
            for (Path old : segments.subList(0, 3)) {
                Files.setLastModifiedTime(old, FileTime.from(Instant.now().minus(Duration.ofDays(2))));
            }
        }
        assertThat(log.retain(new RetentionPolicy(Long.MAX_VALUE, Duration.ofDays(1)), 100))
                .hasSize(3);
        assertThat(log.startOffset()).isEqualTo(27);
    }

    @Test
    void aCommittedOffsetPastTheEndIsRefused() {
        assertThatThrownBy(() -> log.retain(RetentionPolicy.deleteConsumed(), 101))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("past the log's end 100");
    }

    private long segmentCount() throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".log")).count();
        }
    }

    private long totalBytes() throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            long total = 0;
            for (Path f : files.filter(f -> f.toString().endsWith(".log")).toList()) {
                total += Files.size(f);
            }
            return total;
        }
    }
}
