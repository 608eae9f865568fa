package dev.vigil.shield.aws.events;

import dev.vigil.core.telemetry.Trigger;
import dev.vigil.shield.inspect.InputSink;
import dev.vigil.shield.inspect.Source;
import java.util.Map;

/**
 * Amazon DynamoDB Streams batches ({@code Records[].eventSource == "aws:dynamodb"}): the strings of each record's
 * {@code dynamodb.Keys}, {@code NewImage} and {@code OldImage}, decoded from DynamoDB-JSON, at locations such as
 * {@code Records[0].dynamodb.NewImage.address.city}.
 */
public final class DynamoDbStreamsAdapter extends RecordsAdapter {

    /** The adapter. */
    public static final DynamoDbStreamsAdapter INSTANCE = new DynamoDbStreamsAdapter();

    private DynamoDbStreamsAdapter() {
        super(Trigger.DYNAMODB_STREAMS, "eventSource", "aws:dynamodb");
    }

    @Override
    void extractRecord(Object record, int i, InputSink sink) {
        Map<String, Object> stream = Fields.map(record, "dynamodb");
        if (stream == null) {
            return;
        }
        String prefix = "Records[" + i + "].dynamodb";
        DynamoDbJson.item(Fields.get(stream, "Keys"), prefix + ".Keys", Source.KEY, i, sink);
        DynamoDbJson.item(Fields.get(stream, "NewImage"), prefix + ".NewImage", Source.MESSAGE, i, sink);
        DynamoDbJson.item(Fields.get(stream, "OldImage"), prefix + ".OldImage", Source.MESSAGE, i, sink);
    }

    @Override
    public String recordsField() {
        return "Records";
    }

    @Override
    public String recordId(Map<String, Object> record) {
        return Fields.string(Fields.map(record, "dynamodb"), "SequenceNumber");
    }
}
