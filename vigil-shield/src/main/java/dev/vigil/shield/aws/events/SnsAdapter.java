package dev.vigil.shield.aws.events;

import dev.vigil.core.telemetry.Trigger;
import dev.vigil.shield.inspect.InputSink;
import dev.vigil.shield.inspect.Source;
import java.util.List;
import java.util.Map;

/**
 * Amazon SNS notifications ({@code Records[].EventSource == "aws:sns"}): {@code Sns.Message} (walked when it is JSON),
 * {@code Sns.Subject} and the message attributes' values. SNS invokes with one record and is not a batch trigger, so
 * values carry record index -1.
 */
public final class SnsAdapter implements EventAdapter {

    /** The adapter. */
    public static final SnsAdapter INSTANCE = new SnsAdapter();

    private SnsAdapter() {}

    @Override
    public Trigger trigger() {
        return Trigger.SNS;
    }

    @Override
    public boolean matches(Map<String, Object> event) {
        return Fields.firstRecordSource(event, "EventSource", "aws:sns");
    }

    @Override
    public void extract(Map<String, Object> event, InputSink sink) {
        List<?> records = Fields.list(event, "Records");
        if (records == null) {
            return;
        }
        for (int i = 0; i < records.size(); i++) {
            Map<String, Object> sns = Fields.map(records.get(i), "Sns");
            if (sns == null) {
                continue;
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
}
