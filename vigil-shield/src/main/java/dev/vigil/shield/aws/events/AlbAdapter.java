package dev.vigil.shield.aws.events;

import dev.vigil.core.telemetry.Trigger;
import dev.vigil.shield.inspect.HttpRequestView;
import dev.vigil.shield.inspect.InputSink;
import java.util.Map;

/**
 * Application Load Balancer target events ({@code requestContext.elb}). The load balancer passes query parameters
 * still percent-encoded; they are decoded ({@code +} as space) so they read like the other HTTP triggers'.
 */
public final class AlbAdapter implements EventAdapter {

    /** The adapter. */
    public static final AlbAdapter INSTANCE = new AlbAdapter();

    private AlbAdapter() {}

    @Override
    public Trigger trigger() {
        return Trigger.ALB;
    }

    @Override
    public boolean matches(Map<String, Object> event) {
        return Fields.get(event, "httpMethod") instanceof String
                && Fields.map(Fields.map(event, "requestContext"), "elb") != null;
    }

    @Override
    public void extract(Map<String, Object> event, InputSink sink) {
        HttpRequests.extractProxy(event, true, sink);
    }

    @Override
    public HttpRequestView http(Map<String, Object> event) {
        return HttpRequests.viewProxy(event, true);
    }
}
