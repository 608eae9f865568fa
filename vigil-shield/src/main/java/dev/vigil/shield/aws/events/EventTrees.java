package dev.vigil.shield.aws.events;

import java.lang.reflect.Array;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.Comparator;
import java.util.Date;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Turns what a typed Java handler receives into the tree the event's JSON would parse to, so every adapter reads both.
 *
 * <p>Typed handlers get aws-lambda-java-events POJOs ({@code APIGatewayV2HTTPEvent}, {@code SQSEvent},
 * {@code DynamodbEvent}...). Their public getters ({@code getX}/{@code isX}) are read by reflection, without a
 * compile-time dependency on the library, and their property names are mapped back to the JSON names
 * ({@code records} → {@code Records}, SNS {@code message} → {@code Message}, DynamoDB {@code newImage} →
 * {@code NewImage}, {@code s} → {@code S}). Binary values ({@code byte[]}, {@link ByteBuffer}: Kinesis data, DynamoDB
 * {@code B}) become base64 text as in the JSON form. Null properties are left out.
 *
 * <p>The walk is bounded ({@link #MAX_DEPTH}) and cycle-safe; getter lists are computed once per class.
 */
public final class EventTrees {

    /** Deepest level converted; deeper values are left out. */
    public static final int MAX_DEPTH = 64;

    private static final String EVENTS = "com.amazonaws.services.lambda.runtime.events.";

    /** Classes whose JSON names are their property names capitalised ({@code message} → {@code Message}). */
    private static final Set<String> CAPITALISED = Set.of(
            EVENTS + "SNSEvent$SNSRecord",
            EVENTS + "SNSEvent$SNS",
            EVENTS + "SNSEvent$MessageAttribute",
            EVENTS + "models.dynamodb.StreamRecord",
            EVENTS + "models.dynamodb.AttributeValue");

    /** Property names of aws-lambda-java-events classes whose JSON names differ otherwise. */
    private static final Map<String, String> RENAMED = Map.of(
            "records", "Records",
            "SNS", "Sns",
            "detailType", "detail-type",
            "eventSourceArn", "eventSourceARN",
            "base64Encoded", "isBase64Encoded");

    /** Package prefixes of value types that are written as text rather than walked. */
    private static final String[] OPAQUE_PACKAGES = {
        "java.", "javax.", "jdk.", "sun.", "com.sun.", "org.joda.", "kotlin."
    };

    private static final ClassValue<Getter[]> GETTERS = new ClassValue<>() {
        @Override
        protected Getter[] computeValue(Class<?> type) {
            return getters(type);
        }
    };

    private record Getter(String name, Method method) {}

    private EventTrees() {}

    /**
     * The JSON-shaped tree of {@code input}: {@link Map} (string keys, insertion-ordered), {@link List},
     * {@link String}, {@link Long}, {@link BigInteger}, {@link BigDecimal}, {@link Boolean} or {@code null}. Maps and
     * lists already in that form are copied.
     */
    public static Object fromObject(Object input) {
        return convert(input, 0, Collections.newSetFromMap(new IdentityHashMap<>()));
    }

    private static Object convert(Object o, int depth, Set<Object> path) {
        if (o == null || o instanceof String || o instanceof Boolean || o instanceof Long) {
            return o;
        }
        if (o instanceof Integer || o instanceof Short || o instanceof Byte) {
            return ((Number) o).longValue();
        }
        if (o instanceof BigInteger || o instanceof BigDecimal) {
            return o;
        }
        if (o instanceof Double || o instanceof Float) {
            double d = ((Number) o).doubleValue();
            return Double.isFinite(d) ? BigDecimal.valueOf(d) : o.toString();
        }
        if (o instanceof Number || o instanceof CharSequence || o instanceof Character) {
            return o.toString();
        }
        if (o instanceof byte[] bytes) {
            return Base64.getEncoder().encodeToString(bytes);
        }
        if (o instanceof ByteBuffer buffer) {
            ByteBuffer copy = buffer.duplicate();
            byte[] bytes = new byte[copy.remaining()];
            copy.get(bytes);
            return Base64.getEncoder().encodeToString(bytes);
        }
        if (o instanceof Enum<?> e) {
            return e.name();
        }
        if (o instanceof Date date) {
            return BigDecimal.valueOf(date.getTime(), 3);
        }
        if (o instanceof TemporalAccessor || o instanceof Class<?>) {
            return o.toString();
        }
        if (o instanceof Optional<?> optional) {
            return convert(optional.orElse(null), depth, path);
        }
        if (depth >= MAX_DEPTH || !path.add(o)) {
            return null;
        }
        try {
            if (o instanceof Map<?, ?> map) {
                Map<String, Object> out = new LinkedHashMap<>(Math.max(4, map.size() * 2));
                for (Map.Entry<?, ?> e : map.entrySet()) {
                    out.put(String.valueOf(e.getKey()), convert(e.getValue(), depth + 1, path));
                }
                return out;
            }
            if (o instanceof Iterable<?> iterable) {
                List<Object> out = new ArrayList<>();
                for (Object element : iterable) {
                    out.add(convert(element, depth + 1, path));
                }
                return out;
            }
            if (o.getClass().isArray()) {
                int n = Array.getLength(o);
                List<Object> out = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    out.add(convert(Array.get(o, i), depth + 1, path));
                }
                return out;
            }
            if (isOpaque(o.getClass())) {
                return o.toString();
            }
            return bean(o, depth, path);
        } finally {
            path.remove(o);
        }
    }

    private static Map<String, Object> bean(Object o, int depth, Set<Object> path) {
        Getter[] getters = GETTERS.get(o.getClass());
        Map<String, Object> out = new LinkedHashMap<>(Math.max(4, getters.length * 2));
        for (Getter g : getters) {
            Object value;
            try {
                value = g.method.invoke(o);
            } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
                continue;
            }
            if (value != null) {
                Object converted = convert(value, depth + 1, path);
                if (converted != null) {
                    out.put(g.name, converted);
                }
            }
        }
        return out;
    }

    private static boolean isOpaque(Class<?> type) {
        String name = type.getName();
        for (String prefix : OPAQUE_PACKAGES) {
            if (name.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    private static Getter[] getters(Class<?> type) {
        Method[] methods;
        try {
            methods = type.getMethods();
        } catch (LinkageError | SecurityException e) {
            return new Getter[0];
        }
        Arrays.sort(methods, Comparator.comparing(Method::getName));
        boolean library = type.getName().startsWith(EVENTS);
        boolean capitalised = isCapitalised(type);
        Map<String, Method> byName = new TreeMap<>();
        for (Method m : methods) {
            String property = propertyName(m);
            if (property == null) {
                continue;
            }
            if (library) {
                property = RENAMED.getOrDefault(property, property);
            }
            if (capitalised && Character.isLowerCase(property.charAt(0))) {
                property = Character.toUpperCase(property.charAt(0)) + property.substring(1);
            }
            byName.putIfAbsent(property, m);
        }
        Getter[] out = new Getter[byName.size()];
        int i = 0;
        for (Map.Entry<String, Method> e : byName.entrySet()) {
            out[i++] = new Getter(e.getKey(), e.getValue());
        }
        return out;
    }

    private static boolean isCapitalised(Class<?> type) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            if (CAPITALISED.contains(c.getName())) {
                return true;
            }
        }
        return false;
    }

    /** The bean property a public getter reads, or {@code null} if {@code m} is not a getter. */
    private static String propertyName(Method m) {
        if (m.getParameterCount() != 0
                || Modifier.isStatic(m.getModifiers())
                || m.isBridge()
                || m.isSynthetic()
                || m.getDeclaringClass() == Object.class
                || m.getReturnType() == void.class) {
            return null;
        }
        String name = m.getName();
        String rest;
        if (name.startsWith("get") && name.length() > 3) {
            rest = name.substring(3);
        } else if (name.startsWith("is")
                && name.length() > 2
                && (m.getReturnType() == boolean.class || m.getReturnType() == Boolean.class)) {
            rest = name.substring(2);
        } else {
            return null;
        }
        if (rest.length() > 1 && Character.isUpperCase(rest.charAt(0)) && Character.isUpperCase(rest.charAt(1))) {
            return rest; // getSNS -> SNS, getSS -> SS, getNULL -> NULL
        }
        return Character.toLowerCase(rest.charAt(0)) + rest.substring(1);
    }
}
