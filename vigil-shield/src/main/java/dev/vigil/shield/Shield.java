package dev.vigil.shield;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.vigil.core.Severity;
import dev.vigil.core.telemetry.Action;
import dev.vigil.core.telemetry.FunctionInfo;
import dev.vigil.core.telemetry.PolicyViolation;
import dev.vigil.core.telemetry.TelemetryEvent;
import dev.vigil.core.telemetry.VigilError;
import dev.vigil.shield.auth.Authenticator;
import dev.vigil.shield.auth.Authenticators;
import dev.vigil.shield.auth.AuthenticityGate;
import dev.vigil.shield.detect.Detector;
import dev.vigil.shield.detect.Detectors;
import dev.vigil.shield.hygiene.EnvSecret;
import dev.vigil.shield.hygiene.EnvSecretScanner;
import dev.vigil.shield.policy.AuthenticityConfig;
import dev.vigil.shield.policy.Policy;
import dev.vigil.shield.policy.PolicyLoader;
import dev.vigil.shield.telemetry.StdoutSink;
import dev.vigil.shield.telemetry.TelemetrySink;
import dev.vigil.shield.telemetry.TelemetrySinks;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The Shield: inspects each event a function receives, enforces the policy, and reports telemetry. Build one per
 * function (runtime instance) and wrap the handler with it:
 *
 * <pre>{@code
 * // zero configuration: policy from VIGIL_POLICY or classpath vigil.yaml, detectors from the classpath
 * RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler = Shield.protect(new Orders());
 *
 * // explicit
 * Shield shield = Shield.builder().policy(policy).detector(new MyDetector()).build();
 * RequestStreamHandler wrapped = shield.wrap(streamHandler);
 * }</pre>
 *
 * <p>Design: all work that can be done once (policy, authenticators, detector list, environment hygiene) happens when
 * the Shield is built, during the function's init phase. Per invocation the Shield parses nothing twice, normalises
 * each value once for all detectors, and checks a time budget. Any failure inside the Shield lets the function run
 * normally (fail open) and is reported as one {@code vigil_error} event; a Vigil exception never reaches the handler.
 */
public final class Shield implements AutoCloseable {

    private static volatile Shield defaultShield;

    final Policy policy;
    final Inspector inspector;
    final AuthenticityGate gate;
    final TelemetrySink sink;
    final Function<String, String> env;
    final TmpWatch tmpWatch;
    private int invocationsSeen;
    private volatile FunctionInfo function;

    private Shield(Builder b) {
        this.policy = b.policy == null ? Policy.defaults() : b.policy;
        this.env = b.env;
        this.sink = b.sink == null ? new StdoutSink() : b.sink;
        this.inspector = new Inspector(b.detectors, policy);
        this.function = functionFromEnv(env);
        List<Authenticator> authenticators = new ArrayList<>();
        for (AuthenticityConfig config : policy.authenticity()) {
            try {
                Authenticator a = Authenticators.create(config, env);
                authenticators.add(a);
                if (a.configProblem() != null) {
                    reportError("authenticity_config", "authenticity:" + config.name(), a.configProblem());
                }
            } catch (RuntimeException e) {
                reportError("authenticity_config", "authenticity:" + config.name(), String.valueOf(e.getMessage()));
            }
        }
        this.gate = authenticators.isEmpty() ? null : new AuthenticityGate(authenticators);
        this.tmpWatch = TmpWatch.create(policy.hygiene().tmpResidue(), b.tmpDirectory);
        for (String problem : b.initProblems) {
            reportError("policy_invalid", "policy", problem);
        }
        for (String problem : b.detectorProblems) {
            reportError("detector_config", "detectors", problem);
        }
        if (policy.hygiene().envSecrets()) {
            checkEnvironment(b.envSnapshot);
        }
        prime();
    }

    private void prime() {
        try {
            Priming.run(inspector, function);
        } catch (RuntimeException | LinkageError e) {
            reportError("internal_error", "shield", e.getClass().getSimpleName() + " while priming the inspector");
        }
    }

    /** A builder with the default policy, no detectors, and telemetry to standard output. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A Shield configured from the environment: the policy from {@code VIGIL_POLICY} or a classpath {@code vigil.yaml}
     * (defaults otherwise), the {@linkplain Detectors built-in detectors} plus those named by {@code VIGIL_DETECTORS},
     * and the sinks the policy names. An invalid policy does not break the function: the Shield runs with the defaults in monitor mode and
     * reports {@code policy_invalid}.
     */
    public static Shield fromEnvironment() {
        Builder b = builder();
        ClassLoader loader = Shield.class.getClassLoader();
        try {
            b.policy(PolicyLoader.fromEnvironment(SystemEnv.INSTANCE, loader));
        } catch (RuntimeException e) {
            Policy d = Policy.defaults();
            b.policy(new Policy(
                    dev.vigil.shield.policy.Mode.MONITOR,
                    d.categories(),
                    d.exclusions(),
                    d.budgetMicros(),
                    d.batchMode(),
                    d.hygiene(),
                    d.authenticity(),
                    d.telemetry(),
                    "defaults (policy invalid)"));
            b.initProblems.add(String.valueOf(e.getMessage()));
        }
        for (Detector d : Detectors.builtIn()) {
            b.detector(d);
        }
        try {
            for (Detector d : Detectors.named(System.getenv(Detectors.ENV), loader)) {
                b.detector(d);
            }
        } catch (IllegalArgumentException e) {
            b.detectorProblems.add(e.getMessage());
        }
        String tmpDir = System.getenv("VIGIL_TMP_DIR");
        if (tmpDir != null && !tmpDir.isBlank()) {
            b.tmpDirectory(Path.of(tmpDir));
        }
        b.sink(TelemetrySinks.fromConfig(
                b.policy.telemetry(), System.getenv(), System.out, functionFromEnv(SystemEnv.INSTANCE)));
        return b.build();
    }

    /** The process-wide Shield used by the static {@code protect} methods, built on first use. */
    public static Shield defaultShield() {
        Shield s = defaultShield;
        if (s == null) {
            synchronized (Shield.class) {
                s = defaultShield;
                if (s == null) {
                    s = fromEnvironment();
                    defaultShield = s;
                }
            }
        }
        return s;
    }

    /** Wraps a typed handler with the {@linkplain #defaultShield() default Shield}. */
    public static <I, O> RequestHandler<I, O> protect(RequestHandler<I, O> handler) {
        return defaultShield().wrap(handler);
    }

    /** Wraps a stream handler with the {@linkplain #defaultShield() default Shield}. */
    public static RequestStreamHandler protect(RequestStreamHandler handler) {
        return defaultShield().wrap(handler);
    }

    /**
     * Wraps a plain function (Spring Cloud Function and other frameworks) with the {@linkplain #defaultShield()
     * default Shield}. Without a Lambda context, the function name comes from {@code AWS_LAMBDA_FUNCTION_NAME}.
     */
    public static <I, O> Function<I, O> protectFunction(Function<I, O> function) {
        return defaultShield().wrapFunction(function);
    }

    /** The policy in force. */
    public Policy policy() {
        return policy;
    }

    /** Wraps a typed handler: inspection first, then the handler on what the policy lets through. */
    public <I, O> RequestHandler<I, O> wrap(RequestHandler<I, O> handler) {
        // anonymous classes rather than lambdas here and below: the first lambda bootstrap costs cold-start time
        return new RequestHandler<I, O>() {
            @Override
            public O handleRequest(I input, Context context) {
                return invokeTyped(input, context, new Function<I, O>() {
                    @Override
                    public O apply(I in) {
                        return handler.handleRequest(in, context);
                    }
                });
            }
        };
    }

    /** Wraps a plain function the same way as {@link #wrap(RequestHandler)}. */
    public <I, O> Function<I, O> wrapFunction(Function<I, O> function) {
        return new Function<I, O>() {
            @Override
            public O apply(I input) {
                return invokeTyped(input, null, function);
            }
        };
    }

    /** Wraps a stream handler: the raw event bytes are inspected, and the response bytes checked for leaks. */
    public RequestStreamHandler wrap(RequestStreamHandler handler) {
        StreamCall call = new StreamCall() {
            @Override
            public void handle(InputStream in, OutputStream out, Context context) throws IOException {
                handler.handleRequest(in, out, context);
            }
        };
        return new RequestStreamHandler() {
            @Override
            public void handleRequest(InputStream in, OutputStream out, Context context) throws IOException {
                invokeStream(in.readAllBytes(), out, context, call);
            }
        };
    }

    @SuppressWarnings("unchecked")
    <I, O> O invokeTyped(I input, Context context, Function<I, O> handler) {
        Invocation inv = begin(input, context);
        if (inv.blocked()) {
            Object refusal = inv.refusal();
            try {
                O response =
                        refusal == null ? null : (O) TypedEvents.httpResponse(input, (Map<String, Object>) refusal);
                inv.endBlocked();
                return response;
            } catch (UnsupportedOperationException e) {
                inv.endBlocked();
                throw new ShieldBlockedException("request refused by Vigil; " + e.getMessage());
            }
        }
        I in = (I) inv.prepareTypedInput(input);
        O response;
        if (in == null) {
            response = (O) inv.responseWithoutHandler();
        } else {
            try {
                response = handler.apply(in);
            } catch (RuntimeException | Error e) {
                inv.endFailed();
                throw e;
            }
        }
        response = (O) inv.afterTypedResponse(response);
        inv.endCompleted();
        return response;
    }

    /** The stream form of a handler call, for {@link #wrap(RequestStreamHandler)} and the wrapper handler. */
    @FunctionalInterface
    public interface StreamCall {
        /** Runs the real handler. */
        void handle(InputStream in, OutputStream out, Context context) throws IOException;
    }

    /**
     * Runs one invocation of a handler that speaks JSON bytes: inspects {@code event}, refuses or filters it, calls
     * {@code handler} and post-processes its response. Used by {@code WrapperHandler}.
     */
    public void invokeStream(byte[] event, OutputStream out, Context context, StreamCall handler) throws IOException {
        Invocation inv = begin(event, context);
        if (inv.blocked()) {
            byte[] refusal = inv.refusalBytes();
            if (refusal != null) {
                out.write(refusal);
            }
            inv.endBlocked();
            return;
        }
        byte[] input = inv.prepareStreamInput(event);
        if (input == null) {
            out.write(inv.responseBytesWithoutHandler());
            inv.endCompleted();
            return;
        }
        boolean postProcess = inv.needsResponse();
        OutputStream target = postProcess ? new ByteArrayOutputStream(1024) : out;
        try {
            handler.handle(new java.io.ByteArrayInputStream(input), target, context);
        } catch (IOException | RuntimeException | Error e) {
            if (postProcess) {
                out.write(((ByteArrayOutputStream) target).toByteArray());
            }
            inv.endFailed();
            throw e;
        }
        if (postProcess) {
            out.write(inv.afterStreamResponse(((ByteArrayOutputStream) target).toByteArray()));
        }
        inv.endCompleted();
    }

    /**
     * Starts an invocation: inspects the event (raw JSON bytes, a map, or an events object) and decides. Never
     * throws; a failure inside the Shield yields an invocation that lets everything through and reports itself.
     */
    public Invocation begin(Object event, Context context) {
        int seen = countInvocation();
        Invocation inv = new Invocation(this, context, System.nanoTime(), seen == 0);
        inv.warmingUp = seen < Invocation.WARM_UP_INVOCATIONS;
        try {
            inv.inspect(event);
        } catch (RuntimeException | StackOverflowError | LinkageError e) {
            inv.failOpen("internal_error", "shield", e.getClass().getSimpleName() + " during inspection");
        } finally {
            inv.markInspected();
        }
        return inv;
    }

    /**
     * How many invocations this Shield saw before this one, capped (a lock, not an AtomicInteger: its VarHandle costs
     * cold-start time).
     */
    private synchronized int countInvocation() {
        int seen = invocationsSeen;
        if (seen < Integer.MAX_VALUE) {
            invocationsSeen = seen + 1;
        }
        return seen;
    }

    FunctionInfo function(Context context) {
        FunctionInfo f = function;
        if (context == null) {
            return f;
        }
        String name = context.getFunctionName();
        if (name != null && name.equals(f.name()) && f.arn() != null) {
            return f;
        }
        String arn = context.getInvokedFunctionArn();
        String region = f.region();
        String account = f.account();
        if (arn != null) {
            String[] parts = arn.split(":", 7);
            if (parts.length >= 5) {
                region = region == null ? parts[3] : region;
                account = parts[4];
            }
        }
        int memory = context.getMemoryLimitInMB();
        f = new FunctionInfo(
                name == null ? f.name() : name,
                context.getFunctionVersion() == null ? f.version() : context.getFunctionVersion(),
                arn,
                region,
                account,
                f.runtime(),
                memory > 0 ? Integer.valueOf(memory) : f.memoryMb());
        function = f;
        return f;
    }

    void emit(TelemetryEvent event) {
        try {
            sink.emit(event);
        } catch (RuntimeException e) {
            // a sink must not throw; if one does, the event is lost rather than the invocation
        }
    }

    private void reportError(String code, String component, String message) {
        emit(new VigilError(System.currentTimeMillis(), function, null, code, component, message, 1));
    }

    private void checkEnvironment(Map<String, String> snapshot) {
        Map<String, String> vars = snapshot != null ? snapshot : System.getenv();
        for (EnvSecret secret : EnvSecretScanner.scan(vars)) {
            Map<String, String> attributes = new LinkedHashMap<>();
            attributes.put("variable", secret.name());
            attributes.put("kind", secret.kind());
            emit(new PolicyViolation(
                    System.currentTimeMillis(),
                    function,
                    null,
                    "hygiene.env",
                    RuleIds.ENV_SECRET,
                    "Environment variable " + secret.name() + " holds a plaintext " + secret.kind(),
                    Severity.HIGH,
                    Action.MONITORED,
                    attributes));
        }
    }

    private static FunctionInfo functionFromEnv(Function<String, String> env) {
        String runtime = env.apply("AWS_EXECUTION_ENV");
        if (runtime != null && runtime.startsWith("AWS_Lambda_")) {
            runtime = runtime.substring("AWS_Lambda_".length());
        }
        Integer memory = null;
        String mem = env.apply("AWS_LAMBDA_FUNCTION_MEMORY_SIZE");
        if (mem != null) {
            try {
                memory = Integer.valueOf(mem.trim());
            } catch (NumberFormatException e) {
                memory = null;
            }
        }
        return new FunctionInfo(
                env.apply("AWS_LAMBDA_FUNCTION_NAME"),
                env.apply("AWS_LAMBDA_FUNCTION_VERSION"),
                null,
                env.apply("AWS_REGION"),
                null,
                runtime,
                memory);
    }

    /** Flushes and closes the telemetry sinks. */
    @Override
    public void close() {
        sink.close();
    }

    /** The process environment as a function (a class, not a method reference, for cold start). */
    static final class SystemEnv implements Function<String, String> {
        static final SystemEnv INSTANCE = new SystemEnv();

        @Override
        public String apply(String name) {
            return System.getenv(name);
        }
    }

    private static final class MapEnv implements Function<String, String> {
        private final Map<String, String> map;

        MapEnv(Map<String, String> map) {
            this.map = map;
        }

        @Override
        public String apply(String name) {
            return map.get(name);
        }
    }

    /** Builds a {@link Shield}. Not thread-safe; build once during init. */
    public static final class Builder {
        private Policy policy;
        private final List<Detector> detectors = new ArrayList<>();
        private TelemetrySink sink;
        private Function<String, String> env = SystemEnv.INSTANCE;
        private Map<String, String> envSnapshot;
        private Path tmpDirectory = Path.of("/tmp");
        private final List<String> initProblems = new ArrayList<>();
        private final List<String> detectorProblems = new ArrayList<>();

        private Builder() {}

        /** The policy to enforce (default: {@link Policy#defaults()}). */
        public Builder policy(Policy policy) {
            this.policy = requireNonNull(policy, "policy");
            return this;
        }

        /** Adds a detector; detectors run in the order added. */
        public Builder detector(Detector detector) {
            requireNonNull(detector, "detector");
            for (Detector d : detectors) {
                if (d.id().equals(detector.id())) {
                    throw new IllegalArgumentException("detector '" + detector.id() + "' is already registered");
                }
            }
            detectors.add(detector);
            return this;
        }

        /** Where telemetry goes (default: standard output). */
        public Builder sink(TelemetrySink sink) {
            this.sink = requireNonNull(sink, "sink");
            return this;
        }

        /**
         * The environment to read secrets, settings and hygiene checks from (default: the process environment). Tests
         * pass a map here.
         */
        public Builder environment(Map<String, String> environment) {
            Map<String, String> copy = Map.copyOf(requireNonNull(environment, "environment"));
            this.env = new MapEnv(copy);
            this.envSnapshot = copy;
            return this;
        }

        /** The directory watched for residue between invocations (default {@code /tmp}). */
        public Builder tmpDirectory(Path directory) {
            this.tmpDirectory = requireNonNull(directory, "tmpDirectory");
            return this;
        }

        /** Builds the Shield, running the cold-start checks. */
        public Shield build() {
            return new Shield(this);
        }

        private static <T> T requireNonNull(T value, String setting) {
            if (value == null) {
                throw new IllegalArgumentException(setting + " must not be null");
            }
            return value;
        }
    }
}
