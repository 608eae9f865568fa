package dev.vigil.shield.aws.events;

import dev.vigil.core.telemetry.Trigger;
import dev.vigil.shield.inspect.HttpRequestView;
import dev.vigil.shield.inspect.InputSink;
import java.util.Map;

/**
 * API Gateway REST API proxy integration (payload format 1.0, also used by HTTP APIs configured for 1.0): an
 * {@code httpMethod} with a {@code requestContext} that is not an ALB's. Multi-value headers and query parameters are
 * preferred when present.
 */
public final class ApiGatewayRestAdapter implements EventAdapter {

    /** The adapter. */
    public static final ApiGatewayRestAdapter INSTANCE = new ApiGatewayRestAdapter();

    private ApiGatewayRestAdapter() {}

    @Override
    public Trigger trigger() {
        return Trigger.API_GATEWAY_REST;
    }

    @Override
    public boolean matches(Map<String, Object> event) {
        if (!(Fields.get(event, "httpMethod") instanceof String)) {
            return false;
        }
        Map<String, Object> context = Fields.map(event, "requestContext");
        return context != null ? Fields.get(context, "elb") == null : Fields.get(event, "resource") != null;
    }

    @Override
    public void extract(Map<String, Object> event, InputSink sink) {
        HttpRequests.extractProxy(event, false, sink);
    }

    @Override
    public HttpRequestView http(Map<String, Object> event) {
        return HttpRequests.viewProxy(event, false);
    }
}
