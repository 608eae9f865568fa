package dev.vigil.shield.aws.events;

import dev.vigil.core.telemetry.Trigger;
import dev.vigil.shield.inspect.InputSink;
import dev.vigil.shield.inspect.Source;
import java.util.Map;

/**
 * Amazon EventBridge (and CloudWatch Events) events: {@code detail-type} and every string of {@code detail}, walked as
 * JSON under {@code detail.$}. Ids, accounts, regions, times and resource ARNs are AWS's.
 */
public final class EventBridgeAdapter implements EventAdapter {

    /** The adapter. */
    public static final EventBridgeAdapter INSTANCE = new EventBridgeAdapter();

    private EventBridgeAdapter() {}

    @Override
    public Trigger trigger() {
        return Trigger.EVENTBRIDGE;
    }

    @Override
    public boolean matches(Map<String, Object> event) {
        return event.get("detail-type") instanceof String && event.containsKey("detail");
    }

    @Override
    public void extract(Map<String, Object> event, InputSink sink) {
        String detailType = Fields.string(event, "detail-type");
        if (detailType != null && !detailType.isEmpty()) {
            sink.accept("detail-type", detailType, Source.ATTRIBUTE, -1);
        }
        Object detail = event.get("detail");
        if (detail instanceof String s) {
            JsonWalker.text(s, "detail", Source.ATTRIBUTE, -1, sink);
        } else {
            JsonWalker.walk(detail, "detail.$", Source.ATTRIBUTE, -1, sink);
        }
    }
}
