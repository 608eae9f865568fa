package dev.vigil.cli.demo;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** The demo's order-event consumer: an SQS handler that processes each record and reports no failures itself. */
public final class OrderEvents implements RequestHandler<Map<String, Object>, Map<String, Object>> {

    /** How many records the handler saw in its last invocation (the demo prints it). */
    static final AtomicInteger LAST_BATCH = new AtomicInteger();

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        Object records = event.get("Records");
        LAST_BATCH.set(records instanceof List<?> l ? l.size() : 0);
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("batchItemFailures", List.of());
        return r;
    }
}
