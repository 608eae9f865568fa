package dev.vigil.shield;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reflection for typed handlers, whose events and responses are {@code aws-lambda-java-events} objects or maps rather
 * than JSON: dropping batch records, building a refusal of the handler's response type, adding batch item failures,
 * and reading or replacing an HTTP response body. The events library is not a dependency of the Shield; everything
 * goes through public getters and setters by name, and an unknown shape is reported as unsupported, not guessed.
 */
final class TypedEvents {

    private static final Map<String, String> RESPONSE_FOR_REQUEST = Map.of(
            "APIGatewayProxyRequestEvent", "APIGatewayProxyResponseEvent",
            "APIGatewayV2HTTPEvent", "APIGatewayV2HTTPResponse",
            "ApplicationLoadBalancerRequestEvent", "ApplicationLoadBalancerResponseEvent");

    private TypedEvents() {}

    /** Removes the records at {@code indices} from a map event or an events object with {@code getRecords()}. */
    @SuppressWarnings("unchecked")
    static Object withoutRecords(Object event, String recordsField, Set<Integer> indices) {
        if (event instanceof Map<?, ?> map) {
            return dev.vigil.shield.block.Batches.withoutRecords((Map<String, Object>) map, recordsField, indices);
        }
        try {
            Method getter = event.getClass().getMethod("getRecords");
            List<Object> records = (List<Object>) getter.invoke(event);
            if (records == null) {
                return event;
            }
            List<Object> kept = new ArrayList<>(records.size());
            for (int i = 0; i < records.size(); i++) {
                if (!indices.contains(i)) {
                    kept.add(records.get(i));
                }
            }
            event.getClass().getMethod("setRecords", List.class).invoke(event, kept);
            return event;
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw new UnsupportedOperationException(
                    "cannot remove records from " + event.getClass().getName() + ": " + e, e);
        }
    }

    /**
     * A refusal as the handler's response type: a map for map inputs, the matching events response class for API
     * Gateway and ALB events objects.
     *
     * @throws UnsupportedOperationException when no response type is known for the input
     */
    static Object httpResponse(Object input, Map<String, Object> refusal) {
        if (input instanceof Map || input == null) {
            return refusal;
        }
        String responseName = RESPONSE_FOR_REQUEST.get(input.getClass().getSimpleName());
        if (responseName == null) {
            throw new UnsupportedOperationException(
                    "no HTTP response type known for input " + input.getClass().getName());
        }
        String fqcn = input.getClass().getPackageName() + "." + responseName;
        try {
            Class<?> type = Class.forName(fqcn, true, input.getClass().getClassLoader());
            Object response = type.getConstructor().newInstance();
            for (Map.Entry<String, Object> e : refusal.entrySet()) {
                set(response, e.getKey(), e.getValue());
            }
            return response;
        } catch (ReflectiveOperationException e) {
            throw new UnsupportedOperationException("cannot build " + fqcn + ": " + e, e);
        }
    }

    private static void set(Object target, String field, Object value) throws ReflectiveOperationException {
        String setter = "set" + Character.toUpperCase(field.charAt(0)) + field.substring(1);
        for (Method m : target.getClass().getMethods()) {
            if (m.getName().equals(setter) && m.getParameterCount() == 1) {
                Class<?> p = m.getParameterTypes()[0];
                if (value instanceof Number n && (p == int.class || p == Integer.class)) {
                    m.invoke(target, n.intValue());
                    return;
                }
                if (p.isInstance(value) || (p == boolean.class && value instanceof Boolean)) {
                    m.invoke(target, value);
                    return;
                }
            }
        }
    }

    /**
     * Adds {@code itemIds} to a typed partial-batch response ({@code SQSBatchResponse}, {@code StreamsEventResponse}:
     * anything with a mutable {@code getBatchItemFailures()} list of objects built from an item identifier).
     *
     * @return whether they were added
     */
    @SuppressWarnings("unchecked")
    static boolean addBatchFailures(Object response, List<String> itemIds) {
        try {
            Method getter = response.getClass().getMethod("getBatchItemFailures");
            List<Object> failures = (List<Object>) getter.invoke(response);
            if (failures == null) {
                failures = new ArrayList<>();
                response.getClass()
                        .getMethod("setBatchItemFailures", List.class)
                        .invoke(response, failures);
            }
            Class<?> itemType = null;
            for (Class<?> nested : response.getClass().getClasses()) {
                if (nested.getSimpleName().equals("BatchItemFailure")) {
                    itemType = nested;
                }
            }
            if (itemType == null) {
                return false;
            }
            Constructor<?> ctor = itemType.getConstructor(String.class);
            for (String id : itemIds) {
                failures.add(ctor.newInstance(id));
            }
            return true;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return false;
        }
    }

    /** The body of an HTTP response: a map's {@code body}, an events object's {@code getBody()}, or {@code null}. */
    static String body(Object response) {
        if (response instanceof Map<?, ?> map) {
            return map.get("body") instanceof String s ? s : null;
        }
        if (response == null || response instanceof String) {
            return null;
        }
        try {
            Object body = response.getClass().getMethod("getBody").invoke(response);
            return body instanceof String s ? s : null;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    /** The response with its body replaced; maps are copied, events objects are changed in place. */
    @SuppressWarnings("unchecked")
    static Object withBody(Object response, String body) {
        if (response instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>((Map<String, Object>) map);
            copy.put("body", body);
            return copy;
        }
        try {
            response.getClass().getMethod("setBody", String.class).invoke(response, body);
        } catch (ReflectiveOperationException | RuntimeException e) {
            // an unknown response type keeps its body; the leak is still reported
        }
        return response;
    }
}
