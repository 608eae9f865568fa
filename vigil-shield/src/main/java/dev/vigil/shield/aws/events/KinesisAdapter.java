package dev.vigil.shield.aws.events;

import dev.vigil.core.telemetry.Trigger;
import dev.vigil.shield.inspect.InputSink;
import dev.vigil.shield.inspect.Source;
import java.util.Map;

/**
 * Amazon Kinesis Data Streams batches ({@code Records[].eventSource == "aws:kinesis"}): each record's
 * {@code kinesis.data}, base64-decoded and read as UTF-8 (walked under {@code .data.$} when it is JSON), and its
 * producer-chosen {@code partitionKey}.
 */
public final class KinesisAdapter extends RecordsAdapter {

    /** The adapter. */
    public static final KinesisAdapter INSTANCE = new KinesisAdapter();

    private KinesisAdapter() {
        super(Trigger.KINESIS, "eventSource", "aws:kinesis");
    }

    @Override
    void extractRecord(Object record, int i, InputSink sink) {
        Map<String, Object> kinesis = Fields.map(record, "kinesis");
        if (kinesis == null) {
            return;
        }
        String prefix = "Records[" + i + "].kinesis";
        String data = Fields.string(kinesis, "data");
        if (data != null && !data.isEmpty()) {
            byte[] bytes = Decoding.base64(data);
            JsonWalker.text(bytes == null ? data : Decoding.utf8(bytes), prefix + ".data", Source.MESSAGE, i, sink);
        }
        String partitionKey = Fields.string(kinesis, "partitionKey");
        if (partitionKey != null && !partitionKey.isEmpty()) {
            sink.accept(prefix + ".partitionKey", partitionKey, Source.KEY, i);
        }
    }

    @Override
    public String recordsField() {
        return "Records";
    }

    @Override
    public String recordId(Map<String, Object> record) {
        return Fields.string(Fields.map(record, "kinesis"), "sequenceNumber");
    }
}
