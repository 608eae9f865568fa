package dev.vigil.server.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class IngestRecordTest {

    @Test
    void roundTripsEveryField() {
        IngestRecord record = new IngestRecord(
                SourceKind.CLOUDWATCH, 1_763_884_800_123L, "acme", "payments", "/aws/lambda/é", utf8("{\"a\":1}"));

        byte[] bytes = record.encode();

        assertThat(bytes).hasSize(IngestRecord.envelopeBytes("acme", "payments", "/aws/lambda/é") + 7);
        assertThat(bytes[0]).isEqualTo(IngestRecord.MAGIC);
        assertThat(IngestRecord.decode(bytes)).isEqualTo(record);
    }

    @Test
    void absentGroupAndOriginAreEmptyOnDiskAndNullDecoded() {
        IngestRecord record = new IngestRecord(SourceKind.EVENTS, 5, "default", null, "", utf8("{}"));

        IngestRecord decoded = IngestRecord.decode(record.encode());

        assertThat(decoded.functionGroup()).isNull();
        assertThat(decoded.origin()).isNull();
        assertThat(decoded.eventText()).isEqualTo("{}");
        assertThat(record.encode()).hasSize(IngestRecord.FIXED_ENVELOPE_BYTES + 7 + 2);
    }

    @Test
    void refusesForeignNewerAndTruncatedRecords() {
        byte[] good = new IngestRecord(SourceKind.EVENTS, 5, "t", "g", null, utf8("{}")).encode();
        byte[] newer = good.clone();
        newer[1] = 2;
        byte[] truncated = java.util.Arrays.copyOf(good, IngestRecord.FIXED_ENVELOPE_BYTES);
        truncated[12] = 9; // the tenant's length now points past the end

        assertThatThrownBy(() -> IngestRecord.decode(utf8("{\"a\":1}")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not an ingest record");
        assertThatThrownBy(() -> IngestRecord.decode(newer)).hasMessageContaining("version 2");
        assertThatThrownBy(() -> IngestRecord.decode(truncated)).hasMessageContaining("truncated");
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
