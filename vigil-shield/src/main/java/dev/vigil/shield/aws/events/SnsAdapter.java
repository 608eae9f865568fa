package dev.vigil.shield.aws.events;

import dev.vigil.core.telemetry.Trigger;
import dev.vigil.shield.inspect.InputSink;
import dev.vigil.shield.inspect.Source;
import java.util.Map;

/**
 * Amazon SNS notifications ({@code Records[].EventSource == "aws:sns"}): {@code Sns.Message} (walked when it is JSON),
 * {@code Sns.Subject} and the message attributes' values. SNS invokes with one record and is not a batch trigger, so
 * values carry record index -1.
 */
public final class SnsAdapter extends RecordsAdapter {

    /** The adapter. */
    public static final SnsAdapter INSTANCE = new SnsAdapter();

    private SnsAdapter() {
        super(Trigger.SNS, "EventSource", "aws:sns");
    }

    @Override
    void extractRecord(Object record, int i, InputSink sink) {
        Map<String, Object> sns = Fields.map(record, "Sns");
        if (sns == null) {
            return;
        }
        String prefix = "Records[" + i + "].Sns";
        JsonWalker.text(Fields.string(sns, "Message"), prefix + ".Message", Source.MESSAGE, -1, sink);
        String subject = Fields.string(sns, "Subject");
        if (subject != null && !subject.isEmpty()) {
            sink.accept(prefix + ".Subject", subject, Source.MESSAGE, -1);
        }
        Map<String, Object> attributes = Fields.map(sns, "MessageAttributes");
        if (attributes != null) {
            String attributesPrefix = prefix + ".MessageAttributes";
            for (Map.Entry<String, Object> e : attributes.entrySet()) {
                String location = Names.child(attributesPrefix, e.getKey());
                if (!Names.isPlain(e.getKey())) {
                    sink.accept(location, e.getKey(), Source.ATTRIBUTE, -1);
                }
                JsonWalker.text(Fields.string(e.getValue(), "Value"), location, Source.ATTRIBUTE, -1, sink);
            }
        }
    }
}
