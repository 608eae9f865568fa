package dev.vigil.server.log;

import static dev.vigil.server.log.Records.payload;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConsumerPositionTest {
    @TempDir
    Path dir;

    @Test
    void aRestartResumesAfterTheCommittedPosition() throws Exception {
        Path logDir = dir.resolve("log");
        Path positionFile = dir.resolve("pipeline.position");
        try (EventLog log = EventLog.open(logDir, EventLogOptions.defaults().withMaxSegmentBytes(2048))) {
            for (int i = 0; i < 50; i++) {
                log.append(payload("e" + i, 100)).get(5, TimeUnit.SECONDS);
            }
            ConsumerPosition position = ConsumerPosition.open(positionFile);
            assertThat(position.committed()).isEmpty();
            try (LogReader reader = log.reader(position.committedOr(log.startOffset()))) {
                List<LogRecord> batch = reader.poll(20, Long.MAX_VALUE);
                assertThat(batch).hasSize(20);
                position.commit(reader.nextOffset());
                reader.poll(7, Long.MAX_VALUE); // processed but not committed when the "crash" comes
            }
        }
        try (EventLog log = EventLog.open(logDir, EventLogOptions.defaults().withMaxSegmentBytes(2048))) {
            ConsumerPosition position = ConsumerPosition.open(positionFile);
            assertThat(position.committed()).isEqualTo(OptionalLong.of(20));
            try (LogReader reader = log.reader(position.committedOr(log.startOffset()))) {
                List<LogRecord> rest = reader.poll(1000, Long.MAX_VALUE);
                assertThat(rest).hasSize(30);
                assertThat(rest.get(0).offset()).isEqualTo(20);
                assertThat(Records.text(rest.get(0))).startsWith("e20|");
            }
        }
    }

    @Test
    void pollStopsAtTheByteBudgetButReturnsAtLeastOneRecord() throws Exception {
        try (EventLog log = EventLog.open(dir)) {
            for (int i = 0; i < 10; i++) {
                log.append(payload("e" + i, 100)).get(5, TimeUnit.SECONDS);
            }
            try (LogReader reader = log.reader(0)) {
                assertThat(reader.poll(100, 1)).hasSize(1);
                assertThat(reader.poll(100, 250)).hasSize(3);
                assertThat(reader.nextOffset()).isEqualTo(4);
            }
        }
    }

    @Test
    void commitsReplaceTheFileAtomicallyAndOnlyMoveForward() throws Exception {
        Path file = dir.resolve("p.position");
        ConsumerPosition position = ConsumerPosition.open(file);
        position.commit(5);
        position.commit(9);
        position.commit(9);
        assertThat(Files.readString(file)).isEqualTo("vigil-event-log-position 1\nnext-offset 9\n");
        assertThat(Files.exists(dir.resolve("p.position.tmp"))).isFalse();
        assertThatThrownBy(() -> position.commit(8))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("behind the committed position 9");
        assertThat(ConsumerPosition.open(file).committed()).isEqualTo(OptionalLong.of(9));
    }

    @Test
    void aTemporaryFileLeftByACrashIsIgnored() throws Exception {
        Path file = dir.resolve("p.position");
        ConsumerPosition.open(file).commit(3);
        Files.writeString(dir.resolve("p.position.tmp"), "vigil-event-log-pos"); // torn write of the next commit
        ConsumerPosition position = ConsumerPosition.open(file);
        assertThat(position.committed()).isEqualTo(OptionalLong.of(3));
        position.commit(4);
        assertThat(ConsumerPosition.open(file).committed()).isEqualTo(OptionalLong.of(4));
    }

    @Test
    void aFileThatIsNotAPositionIsAClearError() throws Exception {
        Path file = dir.resolve("p.position");
        Files.writeString(file, "next-offset banana\n");
        assertThatThrownBy(() -> ConsumerPosition.open(file))
                .hasMessageContaining(file.toString())
                .hasMessageContaining("not a consumer position file");
    }
}
