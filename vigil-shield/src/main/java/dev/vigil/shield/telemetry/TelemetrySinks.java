package dev.vigil.shield.telemetry;

import dev.vigil.core.telemetry.FunctionInfo;
import dev.vigil.core.telemetry.VigilError;
import dev.vigil.shield.policy.TelemetryConfig;
import java.io.PrintStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Builds the sinks a policy's {@code telemetry:} section asks for. */
public final class TelemetrySinks {

    /** The environment variable that, when set, overrides the policy's {@code endpoint}. */
    public static final String ENDPOINT_ENV = "VIGIL_ENDPOINT";

    /** The environment variable holding the bearer token when the policy names none. */
    public static final String DEFAULT_TOKEN_ENV = "VIGIL_TOKEN";

    /** The {@link VigilError#code()} reported when the endpoint cannot be used. */
    public static final String MISCONFIGURED_CODE = "telemetry_misconfigured";

    /** Upper bounds on the policy's sizes, so a typo cannot allocate a huge queue in the function. */
    static final int MAX_QUEUE_CAPACITY = 100_000;

    static final int MAX_BATCH_SIZE = 10_000;

    static final String PRODUCT_NAME = "Vigil Shield";
    static final String USER_AGENT = "vigil-shield";

    private TelemetrySinks() {}

    /**
     * The sinks for {@code config}: a {@link StdoutSink} on {@code stdout} if {@code config.stdout()}, then an {@link
     * HttpSink} if an endpoint is set ({@value #ENDPOINT_ENV} wins over {@code config.endpoint()}), with the token
     * read from the variable {@code config.tokenEnv()} (default {@value #DEFAULT_TOKEN_ENV}); queue capacity and batch
     * size come from the policy (non-positive values mean the defaults; capped at {@value #MAX_QUEUE_CAPACITY} and
     * {@value #MAX_BATCH_SIZE}). Both together come as a
     * {@link CompositeSink}, neither as {@link NoopSink#INSTANCE}.
     *
     * <p>The HTTP sink reports its drops to a stdout sink even when {@code stdout} is off, so that losses always show
     * in the function's logs. An unusable endpoint does not throw: HTTP telemetry stays off and one {@link VigilError}
     * with code {@value #MISCONFIGURED_CODE} is written to {@code stdout} (without the URL, which may hold secrets).
     *
     * <p>{@code config.flushTimeoutMs()} is not used here: the caller flushes with the deadline {@code
     * System.nanoTime() + flushTimeoutMs} before returning each response.
     *
     * @param config the policy's telemetry settings; {@code null} for {@link TelemetryConfig#defaults()}
     * @param env the environment, normally {@link System#getenv()}
     * @param stdout standard output, normally {@link System#out}
     * @param function the function telemetry is about (it names Vigil's own errors)
     */
    public static TelemetrySink fromConfig(
            TelemetryConfig config, Map<String, String> env, PrintStream stdout, FunctionInfo function) {
        TelemetryConfig defaults = TelemetryConfig.defaults();
        TelemetryConfig c = config == null ? defaults : config;
        StdoutSink stdoutSink = new StdoutSink(stdout);
        List<TelemetrySink> sinks = new ArrayList<>(2);
        if (c.stdout()) {
            sinks.add(stdoutSink);
        }
        String endpoint = firstNonBlank(env.get(ENDPOINT_ENV), c.endpoint());
        if (endpoint != null) {
            String tokenEnv = firstNonBlank(c.tokenEnv(), DEFAULT_TOKEN_ENV);
            int capacity =
                    c.queueCapacity() > 0 ? Math.min(c.queueCapacity(), MAX_QUEUE_CAPACITY) : defaults.queueCapacity();
            int batch = c.batchSize() > 0 ? Math.min(c.batchSize(), MAX_BATCH_SIZE) : defaults.batchSize();
            try {
                sinks.add(new HttpSink(
                        new URI(endpoint.strip()), env.get(tokenEnv), capacity, batch, stdoutSink, function));
            } catch (URISyntaxException | IllegalArgumentException e) {
                String why = e instanceof IllegalArgumentException ? e.getMessage() : "telemetry endpoint is not a URI";
                stdoutSink.emit(new VigilError(
                        System.currentTimeMillis(),
                        function == null ? FunctionInfo.named(null) : function,
                        null,
                        MISCONFIGURED_CODE,
                        HttpSink.COMPONENT,
                        why + "; HTTP telemetry is off",
                        1));
            }
        }
        if (sinks.isEmpty()) {
            return NoopSink.INSTANCE;
        }
        return sinks.size() == 1 ? sinks.get(0) : new CompositeSink(sinks);
    }

    private static String firstNonBlank(String a, String b) {
        if (a != null && !a.isBlank()) {
            return a;
        }
        return b != null && !b.isBlank() ? b : null;
    }
}
