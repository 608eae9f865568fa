package dev.vigil.detect.input;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.vigil.detect.event.FieldPath;
import java.io.ByteArrayInputStream;

/**
 * Whatever bytes a file holds, reading it (and parsing its records) produces records and problems, never an
 * exception. Small limits keep each run fast. Runs its seeds under plain {@code mvn test}; set {@code JAZZER_FUZZ=1}
 * to fuzz.
 */
class ReaderFuzzTest {
    private static final ReadOptions OPTIONS = ReadOptions.defaults()
            .withMaxLineBytes(4096)
            .withMaxDocumentBytes(64 * 1024)
            .withGzipLimits(1 << 20, 200, 16 * 1024);
    private static final FieldPath EVENT_NAME = FieldPath.of("eventName");

    @FuzzTest(maxDuration = "60s")
    void reading_arbitrary_bytes_only_reports_problems(byte[] input) {
        long[] seen = new long[2];
        ParsingRecordSink sink = new ParsingRecordSink(
                EventParser.defaults(),
                null,
                event -> {
                    event.text(EVENT_NAME);
                    event.json();
                    seen[0]++;
                },
                (where, reason) -> {
                    if (reason == null || reason.isEmpty() || where == null) {
                        throw new AssertionError("problem without a reason");
                    }
                    seen[1]++;
                });
        LogReader reader = new LogReader(OPTIONS, sink);
        reader.read("fuzz", new ByteArrayInputStream(input));
        if (reader.counters().bytesRead() != input.length) {
            throw new AssertionError("read " + reader.counters().bytesRead() + " of " + input.length + " bytes");
        }
    }
}
