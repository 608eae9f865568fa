package dev.vigil.shield.aws.events;

import dev.vigil.core.telemetry.Trigger;
import dev.vigil.shield.inspect.HttpRequestView;
import dev.vigil.shield.inspect.InputSink;
import java.util.Map;

/**
 * API Gateway HTTP API events in payload format 2.0 ({@code version: "2.0"} with {@code requestContext.http}), other
 * than function URL events, which share the shape. Query parameters come from {@code rawQueryString}, which keeps
 * every value of a repeated parameter apart; cookies come from the {@code cookies} array.
 */
public final class ApiGatewayHttpAdapter implements EventAdapter {

    /** The adapter. */
    public static final ApiGatewayHttpAdapter INSTANCE = new ApiGatewayHttpAdapter();

    private ApiGatewayHttpAdapter() {}

    @Override
    public Trigger trigger() {
        return Trigger.API_GATEWAY_HTTP;
    }

    @Override
    public boolean matches(Map<String, Object> event) {
        return HttpRequests.isV2(event) && !HttpRequests.isFunctionUrl(event);
    }

    @Override
    public void extract(Map<String, Object> event, InputSink sink) {
        HttpRequests.extractV2(event, sink);
    }

    @Override
    public HttpRequestView http(Map<String, Object> event) {
        return HttpRequests.viewV2(event);
    }
}
