package dev.vigil.shield.aws.events;

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
