package dev.vigil.shield.aws.events;

import dev.vigil.core.telemetry.Trigger;
import dev.vigil.shield.inspect.InputSink;
import dev.vigil.shield.inspect.Source;
import java.util.Map;

/**
 * The fallback for events of no known shape (direct invocations, Step Functions, custom payloads): every string leaf
 * and every key that is not a plain identifier, at its path from the event root ({@code order.items[0].sku}). Matches
 * every event, so it comes last.
 */
public final class GenericJsonAdapter implements EventAdapter {

    /** The adapter. */
    public static final GenericJsonAdapter INSTANCE = new GenericJsonAdapter();

    private GenericJsonAdapter() {}

    @Override
    public Trigger trigger() {
        return Trigger.UNKNOWN;
    }

    @Override
    public boolean matches(Map<String, Object> event) {
        return true;
    }

    @Override
    public void extract(Map<String, Object> event, InputSink sink) {
        JsonWalker.walk(event, "", Source.OTHER, -1, sink);
    }
}
