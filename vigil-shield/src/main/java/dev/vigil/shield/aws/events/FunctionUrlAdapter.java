package dev.vigil.shield.aws.events;

import dev.vigil.core.telemetry.Trigger;
import dev.vigil.shield.inspect.HttpRequestView;
import dev.vigil.shield.inspect.InputSink;
import java.util.Map;

/**
 * Lambda function URL events: the payload 2.0 shape, told apart from HTTP APIs by a {@code requestContext.domainName}
 * of the form {@code <url-id>.lambda-url.<region>.on.aws}.
 */
public final class FunctionUrlAdapter implements EventAdapter {

    /** The adapter. */
    public static final FunctionUrlAdapter INSTANCE = new FunctionUrlAdapter();

    private FunctionUrlAdapter() {}

    @Override
    public Trigger trigger() {
        return Trigger.FUNCTION_URL;
    }

    @Override
    public boolean matches(Map<String, Object> event) {
        return HttpRequests.isFunctionUrl(event);
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
