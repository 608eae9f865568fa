package dev.vigil.server.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a process that appends to the log with SIGKILL at a random moment, then checks that every record whose append
 * it saw acknowledged is in the log, intact, at the acknowledged offset. While the child runs, its lock keeps this
 * process out of the directory; after the kill the operating system has released it.
 */
class EventLogCrashTest {
    private static final long SEGMENT_BYTES = 256 * 1024;
    private static final int CRASHES = 4;

    @TempDir
    Path dir;

    @TempDir
    Path childOutput;

    @Test
    void everyAcknowledgedRecordSurvivesKillDashNine() throws Exception {
        Map<Long, String> acked = new HashMap<>();
        for (int crash = 0; crash < CRASHES; crash++) {
            Map<Long, String> ackedThisRun = runAndKill(crash);
            assertThat(ackedThisRun).as("acks before kill %d", crash).isNotEmpty();
            acked.putAll(ackedThisRun);

            try (EventLog log = EventLog.open(dir, EventLogOptions.defaults().withMaxSegmentBytes(SEGMENT_BYTES))) {
                Map<Long, byte[]> present = new HashMap<>();
                for (LogRecord record : Records.readAll(log, 0)) {
                    present.put(record.offset(), record.payload());
                }
                assertThat(present.keySet()).containsAll(acked.keySet());
                acked.forEach((offset, id) -> assertThat(present.get(offset))
                        .as("record %d (%s)", offset, id)
                        .isEqualTo(CrashingAppender.payloadFor(id)));
                assertThat(log.endOffset()).isEqualTo(present.size());
                System.out.printf(
                        "crash %d: %d acked so far, %d records in the log, recovery %s%n",
                        crash, acked.size(), present.size(), log.recovery());
            }
        }
    }

    /** Runs the appender in a child JVM, kills it at a random moment, and returns the acks it printed. */
    private Map<Long, String> runAndKill(int crash) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(
                        java,
                        "-Xmx128m",
                        "-XX:TieredStopAtLevel=1",
                        "-cp",
                        System.getProperty("java.class.path"),
                        CrashingAppender.class.getName(),
                        dir.toString(),
                        Long.toString(SEGMENT_BYTES))
                .redirectError(dir.resolveSibling(dir.getFileName() + "-child-" + crash + ".err")
                        .toFile())
                .start();
        Map<Long, String> acked = new ConcurrentHashMap<>();
        CountDownLatch firstAck = new CountDownLatch(1);
        Thread collector = new Thread(() -> {
            try (BufferedReader lines =
                    new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.US_ASCII))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    List<String> fields = List.of(line.split(" "));
                    if (fields.size() == 3 && fields.get(0).equals("ACK")) {
                        try {
                            acked.put(Long.parseLong(fields.get(1)), fields.get(2));
                            firstAck.countDown();
                        } catch (NumberFormatException e) {
                            // the last line, cut off by the kill
                        }
                    }
                }
            } catch (java.io.IOException e) {
                // the pipe closes when the child dies
            }
        });
        collector.start();
        try {
            assertThat(firstAck.await(10, TimeUnit.SECONDS))
                    .as("child acknowledged something")
                    .isTrue();
            // another process holds the directory: a second server must not open it
            assertThatThrownBy(() -> EventLog.open(dir))
                    .isInstanceOf(LogLockedException.class)
                    .hasMessageContaining("pid " + child.pid());
            Thread.sleep(ThreadLocalRandom.current().nextLong(50, 600));
        } finally {
            child.destroyForcibly();
            child.waitFor(10, TimeUnit.SECONDS);
            collector.join(10_000);
        }
        return acked;
    }
}
