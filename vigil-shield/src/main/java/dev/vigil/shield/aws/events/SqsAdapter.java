package dev.vigil.shield.aws.events;

import dev.vigil.core.telemetry.Trigger;
import dev.vigil.shield.inspect.InputSink;
import dev.vigil.shield.inspect.Source;
import java.util.List;
import java.util.Map;

/**
 * Amazon SQS batches ({@code Records[].eventSource == "aws:sqs"}): each record's {@code body} (walked when it is JSON,
 * including an SNS envelope's {@code Message}) and its message attributes' string values. Values carry their record's
 * index so a batch can fail one message at a time.
 */
public final class SqsAdapter extends RecordsAdapter {

    /** The adapter. */
    public static final SqsAdapter INSTANCE = new SqsAdapter();

    private SqsAdapter() {
        super(Trigger.SQS, "eventSource", "aws:sqs");
    }

    @Override
    void extractRecord(Object record, int i, InputSink sink) {
        JsonWalker.text(Fields.string(record, "body"), "Records[" + i + "].body", Source.MESSAGE, i, sink);
        Map<String, Object> attributes = Fields.map(record, "messageAttributes");
        if (attributes != null && !attributes.isEmpty()) {
            String attributesPrefix = "Records[" + i + "].messageAttributes";
            for (Map.Entry<String, Object> e : attributes.entrySet()) {
                attribute(Names.child(attributesPrefix, e.getKey()), e.getKey(), e.getValue(), i, sink);
            }
        }
    }

    private static void attribute(String location, String name, Object attribute, int index, InputSink sink) {
        if (!Names.isPlain(name)) {
            sink.accept(location, name, Source.ATTRIBUTE, index);
        }
        JsonWalker.text(Fields.string(attribute, "stringValue"), location, Source.ATTRIBUTE, index, sink);
        List<?> list = Fields.list(attribute, "stringListValues");
        if (list != null) {
            for (int j = 0; j < list.size(); j++) {
                if (list.get(j) instanceof String s) {
                    JsonWalker.text(s, location + '[' + j + ']', Source.ATTRIBUTE, index, sink);
                }
            }
        }
    }

    @Override
    public String recordsField() {
        return "Records";
    }

    @Override
    public String recordId(Map<String, Object> record) {
        return Fields.string(record, "messageId");
    }
}
