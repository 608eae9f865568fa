package dev.vigil.shield.aws;

import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;

/**
 * The Lambda Java runtime's own serialisation ({@code aws-lambda-java-serialization}), so a typed handler behind the
 * wrapper receives exactly the objects it would receive without Vigil: events classes through
 * {@code LambdaEventSerializers} (with the runtime's mix-ins for S3, DynamoDB, Kinesis …), everything else through the
 * runtime's Jackson factory. The managed java17/java21 runtimes ship the library; elsewhere add the dependency. This
 * class is loaded only for typed handlers.
 */
final class LambdaSerialization {

    private LambdaSerialization() {}

    /** Reads and writes one type as JSON. */
    interface Serializer {
        Object fromJson(InputStream in);

        void toJson(Object value, OutputStream out);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static Serializer forType(Type type, ClassLoader loader) {
        Class<?> raw = type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type;
        PojoSerializer serializer;
        try {
            if (LambdaEventSerializers.isLambdaSupportedEvent(raw.getName())) {
                serializer = LambdaEventSerializers.serializerFor(raw, loader);
            } else if (type instanceof Class<?> c) {
                serializer = JacksonFactory.getInstance().getSerializer(c);
            } else {
                serializer = JacksonFactory.getInstance().getSerializer(type);
            }
        } catch (NoClassDefFoundError e) {
            throw new HandlerConfigurationException("typed handlers need aws-lambda-java-serialization on the classpath"
                    + " (the managed Java runtimes provide it); add com.amazonaws:aws-lambda-java-serialization or use"
                    + " a RequestStreamHandler");
        }
        PojoSerializer s = serializer;
        return new Serializer() {
            @Override
            public Object fromJson(InputStream in) {
                return s.fromJson(in);
            }

            @Override
            public void toJson(Object value, OutputStream out) {
                s.toJson(value, out);
            }
        };
    }
}
