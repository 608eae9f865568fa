package dev.vigil.cli.bench;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.vigil.cli.demo.DemoContext;
import dev.vigil.core.telemetry.TelemetryEvent;
import dev.vigil.core.telemetry.TelemetryJson;
import dev.vigil.shield.Shield;
import dev.vigil.shield.detect.Detector;
import dev.vigil.shield.detect.Detectors;
import dev.vigil.shield.telemetry.TelemetrySink;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Measures what the Shield costs a function: the time it adds to a warm invocation (handler called directly versus
 * through {@link Shield#wrap(RequestStreamHandler)}, interleaved, per-call percentiles), and the time it adds to a
 * cold start (separate JVMs, process start to first response, {@link ColdStartProbe}).
 */
public final class ShieldBench {

    /** Warm-invocation figures for one event, in microseconds. */
    public record Warm(
            String event,
            int bytes,
            int iterations,
            double directP50,
            double wrappedP50,
            double directP99,
            double wrappedP99) {

        /** Added median. */
        public double addedP50() {
            return wrappedP50 - directP50;
        }

        /** Added 99th percentile. */
        public double addedP99() {
            return wrappedP99 - directP99;
        }
    }

    /**
     * Cold-start figures in milliseconds (medians over the runs), how the JVMs ran the handler, and loaded-class
     * counts ({@code -1} where not measured).
     */
    public record Cold(
            String runtime,
            int runs,
            double directMedianMs,
            double wrappedMedianMs,
            long directClasses,
            long wrappedClasses) {

        /** Added median. */
        public double addedMedianMs() {
            return wrappedMedianMs - directMedianMs;
        }
    }

    private ShieldBench() {}

    /**
     * Times {@code iterations} direct and wrapped calls on {@code event}, after {@code warmup} of each. The Shield has
     * the default policy, the test detector, a sink that formats every event as JSON and discards it, and its own
     * empty scratch directory as {@code /tmp} (in Lambda, {@code /tmp} belongs to the function alone; a shared,
     * busy {@code /tmp} would make the residue check walk other programs' files).
     */
    public static Warm warm(String name, byte[] event, int warmup, int iterations) throws IOException {
        RequestStreamHandler direct = new ProbeHandler();
        Path tmp = Files.createTempDirectory("vigil-bench-tmp");
        Shield.Builder builder = Shield.builder();
        for (Detector d : Detectors.builtIn()) {
            builder.detector(d);
        }
        Shield shield = builder.sink(new FormattingSink())
                .environment(Map.of("AWS_LAMBDA_FUNCTION_NAME", "bench"))
                .tmpDirectory(tmp)
                .build();
        RequestStreamHandler wrapped = shield.wrap(direct);
        Context context = new DemoContext("bench", "bench");
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        for (int i = 0; i < warmup; i++) {
            call(direct, event, out, context);
            call(wrapped, event, out, context);
        }
        long[] d = new long[iterations];
        long[] w = new long[iterations];
        for (int i = 0; i < iterations; i++) {
            d[i] = call(direct, event, out, context);
            w[i] = call(wrapped, event, out, context);
        }
        Files.deleteIfExists(tmp);
        Arrays.sort(d);
        Arrays.sort(w);
        return new Warm(
                name,
                event.length,
                iterations,
                micros(pct(d, 50)),
                micros(pct(w, 50)),
                micros(pct(d, 99)),
                micros(pct(w, 99)));
    }

    private static long call(RequestStreamHandler h, byte[] event, ByteArrayOutputStream out, Context context)
            throws IOException {
        out.reset();
        long t0 = System.nanoTime();
        h.handleRequest(new ByteArrayInputStream(event), out, context);
        return System.nanoTime() - t0;
    }

    /**
     * Starts {@code runs} fresh JVMs per variant, alternating, and times each from process start to its first response
     * line.
     */
    public static Cold cold(int runs, byte[] event, List<String> jvmArgs) throws IOException, InterruptedException {
        Path eventFile = Files.createTempFile("vigil-bench-event", ".json");
        // the probes' /tmp: fresh and empty, as a new Lambda execution environment's is
        Path tmpDir = Files.createTempDirectory("vigil-bench-tmp");
        try {
            Files.write(eventFile, event);
            double[] direct = new double[runs];
            double[] wrapped = new double[runs];
            long[] classes = new long[2];
            probe("direct", eventFile, tmpDir, jvmArgs, classes, 0);
            probe("wrapped", eventFile, tmpDir, jvmArgs, classes, 1);
            for (int i = 0; i < runs; i++) {
                direct[i] = probe("direct", eventFile, tmpDir, jvmArgs, classes, 0);
                wrapped[i] = probe("wrapped", eventFile, tmpDir, jvmArgs, classes, 1);
            }
            Arrays.sort(direct);
            Arrays.sort(wrapped);
            return new Cold("bare", runs, median(direct), median(wrapped), classes[0], classes[1]);
        } finally {
            Files.deleteIfExists(eventFile);
            Files.deleteIfExists(tmpDir);
        }
    }

    private static double probe(
            String variant, Path eventFile, Path tmpDir, List<String> jvmArgs, long[] classes, int slot)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmArgs);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(ColdStartProbe.class.getName());
        cmd.add(variant);
        cmd.add(eventFile.toString());
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("VIGIL_HANDLER", ProbeHandler.class.getName());
        pb.environment().put("VIGIL_TMP_DIR", tmpDir.toString());
        pb.environment().put("AWS_LAMBDA_FUNCTION_NAME", "probe");
        pb.environment().remove("VIGIL_POLICY");
        pb.environment().remove("VIGIL_ENDPOINT");
        long t0 = System.nanoTime();
        Process p = pb.start();
        double ms = -1;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.startsWith("RESPONSE ") && ms < 0) {
                    ms = (System.nanoTime() - t0) / 1e6;
                } else if (line.startsWith("CLASSES ")) {
                    classes[slot] = Long.parseLong(line.substring(8).trim());
                }
            }
        }
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("cold-start probe did not exit within 60 s");
        }
        if (ms < 0 || p.exitValue() != 0) {
            throw new IOException("cold-start probe (" + variant + ") failed with exit code " + p.exitValue());
        }
        return ms;
    }

    /**
     * Like {@link #cold} but under the real AWS Lambda runtime interface client, as the managed Java runtimes start a
     * function: each JVM runs {@code AWSLambda} against a {@link RuntimeApiStub} on loopback, and the time is taken
     * from process start until the stub receives the function's response.
     */
    public static Cold coldUnderRuntimeClient(int runs, byte[] event, List<String> jvmArgs)
            throws IOException, InterruptedException {
        Path tmpDir = Files.createTempDirectory("vigil-bench-tmp");
        try {
            double[] direct = new double[runs];
            double[] wrapped = new double[runs];
            viaRuntimeClient(false, event, tmpDir, jvmArgs);
            viaRuntimeClient(true, event, tmpDir, jvmArgs);
            for (int i = 0; i < runs; i++) {
                direct[i] = viaRuntimeClient(false, event, tmpDir, jvmArgs).millis();
                wrapped[i] = viaRuntimeClient(true, event, tmpDir, jvmArgs).millis();
            }
            Arrays.sort(direct);
            Arrays.sort(wrapped);
            return new Cold("lambda-runtime-interface-client", runs, median(direct), median(wrapped), -1, -1);
        } finally {
            Files.deleteIfExists(tmpDir);
        }
    }

    /**
     * One function JVM under the runtime interface client, invoked once with {@code event}.
     *
     * @param millis process start to response
     * @param response what the function answered
     */
    record RuntimeRun(double millis, byte[] response) {}

    static RuntimeRun viaRuntimeClient(boolean wrapped, byte[] event, Path tmpDir, List<String> jvmArgs)
            throws IOException, InterruptedException {
        try (RuntimeApiStub api = new RuntimeApiStub(event)) {
            List<String> cmd = new ArrayList<>();
            cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            cmd.addAll(jvmArgs);
            cmd.add("-cp");
            cmd.add(System.getProperty("java.class.path"));
            cmd.add("com.amazonaws.services.lambda.runtime.api.client.AWSLambda");
            cmd.add(wrapped ? "dev.vigil.shield.aws.WrapperHandler::handleRequest" : ProbeHandler.class.getName());
            ProcessBuilder pb =
                    new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
            Map<String, String> env = pb.environment();
            env.put("AWS_LAMBDA_RUNTIME_API", api.address());
            env.put("AWS_LAMBDA_FUNCTION_NAME", "probe");
            env.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
            env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "512");
            env.put("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/probe");
            env.put("AWS_LAMBDA_LOG_STREAM_NAME", "local");
            env.put("AWS_REGION", "us-east-1");
            env.put("VIGIL_HANDLER", ProbeHandler.class.getName());
            env.put("VIGIL_TMP_DIR", tmpDir.toString());
            env.remove("VIGIL_POLICY");
            env.remove("VIGIL_ENDPOINT");
            long t0 = System.nanoTime();
            Process p = pb.start();
            try {
                RuntimeApiStub.Response r = api.result().get(60, TimeUnit.SECONDS);
                return new RuntimeRun((r.nanoTime() - t0) / 1e6, r.body());
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                throw new IOException("the runtime client probe did not respond: " + e.getMessage(), e);
            } finally {
                p.destroyForcibly();
                p.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    /** The figures as a JSON object. */
    public static Map<String, Object> toJson(List<Warm> warm, Cold cold) {
        Map<String, Object> root = new LinkedHashMap<>();
        Map<String, Object> machine = new LinkedHashMap<>();
        machine.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        machine.put("cpus", Runtime.getRuntime().availableProcessors());
        root.put("machine", machine);
        Map<String, Object> w = new LinkedHashMap<>();
        for (Warm x : warm) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("event_bytes", x.bytes());
            m.put("iterations", x.iterations());
            m.put("direct_p50_us", round(x.directP50()));
            m.put("wrapped_p50_us", round(x.wrappedP50()));
            m.put("added_p50_us", round(x.addedP50()));
            m.put("direct_p99_us", round(x.directP99()));
            m.put("wrapped_p99_us", round(x.wrappedP99()));
            m.put("added_p99_us", round(x.addedP99()));
            w.put(x.event(), m);
        }
        root.put("warm", w);
        if (cold != null) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("runtime", cold.runtime());
            c.put("runs", cold.runs());
            c.put("direct_median_ms", round(cold.directMedianMs()));
            c.put("wrapped_median_ms", round(cold.wrappedMedianMs()));
            c.put("added_median_ms", round(cold.addedMedianMs()));
            if (cold.directClasses() >= 0) {
                c.put("direct_loaded_classes", cold.directClasses());
                c.put("wrapped_loaded_classes", cold.wrappedClasses());
            }
            root.put("cold_start", c);
        }
        return root;
    }

    private static long pct(long[] sorted, int p) {
        int idx = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, idx))];
    }

    private static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static double micros(long nanos) {
        return nanos / 1000.0;
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }

    /** Formats each event as the stdout sink would, into a discarding writer. */
    public static final class FormattingSink implements TelemetrySink {
        private final TelemetryJson json = new TelemetryJson("Vigil Shield");
        private final Writer discard = Writer.nullWriter();

        @Override
        public void emit(TelemetryEvent event) {
            json.write(event, discard);
        }

        @Override
        public void flush(long deadlineNanos) {}

        @Override
        public long dropped() {
            return 0;
        }

        @Override
        public void close() {}
    }
}
