package dev.vigil.shield.aws.events;

import dev.vigil.shield.inspect.HttpRequestView;
import java.util.List;
import java.util.Map;

/** The event adapters in the order they are tried, and the choice of one for an event. */
public final class EventAdapters {

    /**
     * Every adapter, most specific first: function URLs before HTTP APIs (same shape, told apart by domain), ALB
     * before REST (both have {@code httpMethod}), and the generic JSON walk last.
     */
    public static final List<EventAdapter> ALL = List.of(
            FunctionUrlAdapter.INSTANCE,
            ApiGatewayHttpAdapter.INSTANCE,
            AlbAdapter.INSTANCE,
            ApiGatewayRestAdapter.INSTANCE,
            SqsAdapter.INSTANCE,
            SnsAdapter.INSTANCE,
            S3Adapter.INSTANCE,
            KinesisAdapter.INSTANCE,
            DynamoDbStreamsAdapter.INSTANCE,
            EventBridgeAdapter.INSTANCE,
            GenericJsonAdapter.INSTANCE);

    private EventAdapters() {}

    /**
     * The HTTP method and path of {@code event}, exactly as in {@code adapter.http(event)}, without building the
     * whole {@link HttpRequestView} (headers, query, body bytes) when only these two are needed; {@code null} when the
     * adapter gives no HTTP view.
     */
    public static String[] requestLine(EventAdapter adapter, Map<String, Object> event) {
        boolean v2;
        if (adapter == ApiGatewayHttpAdapter.INSTANCE || adapter == FunctionUrlAdapter.INSTANCE) {
            v2 = true;
        } else if (adapter == ApiGatewayRestAdapter.INSTANCE || adapter == AlbAdapter.INSTANCE) {
            v2 = false;
        } else {
            HttpRequestView view = adapter.http(event);
            return view == null ? null : new String[] {view.method(), view.path()};
        }
        return new String[] {HttpRequests.method(event, v2), HttpRequests.path(event, v2)};
    }

    /** The first adapter of {@link #ALL} that matches {@code event}; {@link GenericJsonAdapter} when none does. */
    public static EventAdapter forEvent(Map<String, Object> event) {
        if (event == null) {
            return GenericJsonAdapter.INSTANCE;
        }
        for (EventAdapter adapter : ALL) {
            if (adapter.matches(event)) {
                return adapter;
            }
        }
        return GenericJsonAdapter.INSTANCE;
    }
}
