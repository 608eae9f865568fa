package dev.vigil.shield.aws.events;

import dev.vigil.core.telemetry.Trigger;
import dev.vigil.shield.inspect.InputSink;
import java.util.List;
import java.util.Map;

/**
 * The shape shared by SQS, SNS, S3, Kinesis and DynamoDB Streams events: a {@code Records} list whose first record
 * names its source ({@code eventSource: aws:sqs}); each record is extracted on its own.
 */
abstract class RecordsAdapter implements EventAdapter {

    private final Trigger trigger;
    private final String sourceField;
    private final String source;

    RecordsAdapter(Trigger trigger, String sourceField, String source) {
        this.trigger = trigger;
        this.sourceField = sourceField;
        this.source = source;
    }

    @Override
    public final Trigger trigger() {
        return trigger;
    }

    @Override
    public final boolean matches(Map<String, Object> event) {
        return Fields.firstRecordSource(event, sourceField, source);
    }

    @Override
    public final void extract(Map<String, Object> event, InputSink sink) {
        List<?> records = Fields.list(event, "Records");
        if (records == null) {
            return;
        }
        for (int i = 0; i < records.size(); i++) {
            extractRecord(records.get(i), i, sink);
        }
    }

    /** Reports the attacker-controlled values of record {@code i}. */
    abstract void extractRecord(Object record, int i, InputSink sink);
}
