package dev.vigil.shield.aws;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.vigil.shield.Shield;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;

/**
 * The real handler named by {@code VIGIL_HANDLER}, resolved the way the Lambda Java runtime resolves {@code _HANDLER}:
 * {@code package.Class::method} or {@code package.Class} (method {@code handleRequest}). Supported: classes
 * implementing {@link RequestStreamHandler} or {@link RequestHandler}, and public methods taking
 * {@code (InputStream, OutputStream[, Context])} or {@code (Input[, Context])} where {@code Input} is any type the
 * runtime can deserialise (events classes, POJOs, maps, strings, numbers).
 */
abstract class HandlerTarget implements Shield.StreamCall {

    /** Runs the handler on JSON {@code input}, writing its JSON response to {@code out}. */
    abstract void invoke(InputStream input, OutputStream out, Context context) throws IOException;

    @Override
    public final void handle(InputStream input, OutputStream out, Context context) throws IOException {
        invoke(input, out, context);
    }

    static HandlerTarget load(String spec, ClassLoader loader) {
        if (spec == null || spec.isBlank()) {
            throw new HandlerConfigurationException(
                    "VIGIL_HANDLER is not set: set it to the real handler, e.g. com.acme.Orders::handleRequest");
        }
        String className = spec.trim();
        String methodName = "handleRequest";
        int sep = className.indexOf("::");
        if (sep >= 0) {
            methodName = className.substring(sep + 2);
            className = className.substring(0, sep);
        }
        if (className.equals(WrapperHandler.class.getName())) {
            throw new HandlerConfigurationException("VIGIL_HANDLER names the Vigil wrapper itself: '" + spec + "'");
        }
        Class<?> type;
        try {
            type = Class.forName(className, true, loader);
        } catch (ClassNotFoundException e) {
            throw new HandlerConfigurationException("VIGIL_HANDLER class not found: '" + className + "'");
        }
        Object instance = null;
        if (RequestStreamHandler.class.isAssignableFrom(type) && methodName.equals("handleRequest")) {
            RequestStreamHandler h = (RequestStreamHandler) newInstance(type);
            return new HandlerTarget() {
                @Override
                void invoke(InputStream input, OutputStream out, Context context) throws IOException {
                    h.handleRequest(input, out, context);
                }
            };
        }
        Method method = findMethod(type, methodName);
        if (!Modifier.isStatic(method.getModifiers())) {
            instance = newInstance(type);
        }
        Class<?>[] params = method.getParameterTypes();
        if (params.length >= 2 && params[0] == InputStream.class && params[1] == OutputStream.class) {
            return new ReflectiveStreamTarget(instance, method);
        }
        Type inputType = params.length == 0 || params[0] == Context.class ? null : resolveInputType(type, method);
        return new TypedTarget(instance, method, inputType, method.getGenericReturnType(), loader);
    }

    private static Method findMethod(Class<?> type, String name) {
        Method best = null;
        for (Method m : type.getMethods()) {
            if (!m.getName().equals(name) || m.isBridge() || m.isSynthetic()) {
                continue;
            }
            int n = m.getParameterCount();
            Class<?>[] p = m.getParameterTypes();
            boolean ok = n <= 3
                    && (n < 3 || (p[0] == InputStream.class && p[1] == OutputStream.class && p[2] == Context.class))
                    && (n != 2 || p[1] == Context.class || (p[0] == InputStream.class && p[1] == OutputStream.class));
            if (ok
                    && (best == null
                            || m.getParameterCount() > best.getParameterCount()
                            || (m.getDeclaringClass() != Object.class
                                    && best.getParameterTypes().length > 0
                                    && best.getParameterTypes()[0] == Object.class))) {
                best = m;
            }
        }
        if (best == null) {
            throw new HandlerConfigurationException("VIGIL_HANDLER method not found: public method '" + name
                    + "' with (Input[, Context]) or (InputStream, OutputStream[, Context]) on " + type.getName());
        }
        return best;
    }

    /** The concrete input type: the method's parameter, or RequestHandler's resolved type argument for Object. */
    private static Type resolveInputType(Class<?> type, Method method) {
        Type param = method.getGenericParameterTypes()[0];
        if (param != Object.class && !(param instanceof TypeVariable)) {
            return param;
        }
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Type itf : c.getGenericInterfaces()) {
                if (itf instanceof ParameterizedType p && p.getRawType() == RequestHandler.class) {
                    Type arg = p.getActualTypeArguments()[0];
                    if (arg instanceof Class || arg instanceof ParameterizedType) {
                        return arg;
                    }
                }
            }
        }
        return Object.class;
    }

    private static Object newInstance(Class<?> type) {
        try {
            return type.getConstructor().newInstance();
        } catch (NoSuchMethodException e) {
            throw new HandlerConfigurationException("VIGIL_HANDLER class " + type.getName()
                    + " needs a public no-argument constructor (or make the handler method static)");
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new HandlerConfigurationException(
                    "VIGIL_HANDLER class " + type.getName() + " failed to initialise: " + cause);
        } catch (ReflectiveOperationException e) {
            throw new HandlerConfigurationException(
                    "VIGIL_HANDLER class " + type.getName() + " cannot be created: " + e);
        }
    }

    static Object call(Method method, Object instance, Object... args) throws IOException {
        try {
            return method.invoke(instance, args);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new RuntimeException(cause);
        } catch (IllegalAccessException e) {
            throw new HandlerConfigurationException("VIGIL_HANDLER method is not accessible: " + method);
        }
    }

    private static final class ReflectiveStreamTarget extends HandlerTarget {
        private final Object instance;
        private final Method method;

        ReflectiveStreamTarget(Object instance, Method method) {
            this.instance = instance;
            this.method = method;
        }

        @Override
        void invoke(InputStream input, OutputStream out, Context context) throws IOException {
            if (method.getParameterCount() == 3) {
                call(method, instance, input, out, context);
            } else {
                call(method, instance, input, out);
            }
        }
    }

    private static final class TypedTarget extends HandlerTarget {
        private final Object instance;
        private final Method method;
        private final LambdaSerialization.Serializer in;
        private final LambdaSerialization.Serializer out;
        private final boolean voidResult;

        TypedTarget(Object instance, Method method, Type inputType, Type outputType, ClassLoader loader) {
            this.instance = instance;
            this.method = method;
            this.in = inputType == null ? null : LambdaSerialization.forType(inputType, loader);
            this.voidResult = outputType == void.class || outputType == Void.class;
            this.out = voidResult ? null : LambdaSerialization.forType(outputType, loader);
        }

        @Override
        void invoke(InputStream input, OutputStream output, Context context) throws IOException {
            Object result;
            int n = method.getParameterCount();
            if (n == 0) {
                result = call(method, instance);
            } else if (in == null) {
                result = call(method, instance, context);
            } else {
                Object arg = in.fromJson(input);
                result = n == 1 ? call(method, instance, arg) : call(method, instance, arg, context);
            }
            if (voidResult) {
                return;
            }
            out.toJson(result, output);
        }
    }
}
