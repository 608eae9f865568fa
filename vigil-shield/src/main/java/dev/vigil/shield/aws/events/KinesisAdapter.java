package dev.vigil.shield.aws.events;

import dev.vigil.core.telemetry.Trigger;
import dev.vigil.shield.inspect.InputSink;
import dev.vigil.shield.inspect.Source;
import java.util.List;
import java.util.Map;

/**
 * Amazon Kinesis Data Streams batches ({@code Records[].eventSource == "aws:kinesis"}): each record's
 * {@code kinesis.data}, base64-decoded and read as UTF-8 (walked under {@code .data.$} when it is JSON), and its
 * producer-chosen {@code partitionKey}.
 */
public final class KinesisAdapter implements EventAdapter {

    /** The adapter. */
    public static final KinesisAdapter INSTANCE = new KinesisAdapter();

    private KinesisAdapter() {}

    @Override
    public Trigger trigger() {
        return Trigger.KINESIS;
    }

    @Override
    public boolean matches(Map<String, Object> event) {
        return Fields.firstRecordSource(event, "eventSource", "aws:kinesis");
    }

    @Override
    public void extract(Map<String, Object> event, InputSink sink) {
        List<?> records = Fields.list(event, "Records");
        if (records == null) {
            return;
        }
        for (int i = 0; i < records.size(); i++) {
            Map<String, Object> kinesis = Fields.map(records.get(i), "kinesis");
            if (kinesis == null) {
                continue;
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
