package dev.vigil.benchmarks;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.vigil.cli.bench.BenchEvents;
import dev.vigil.cli.bench.ProbeHandler;
import dev.vigil.cli.bench.ShieldBench;
import dev.vigil.cli.demo.DemoContext;
import dev.vigil.shield.Shield;
import dev.vigil.shield.detect.Detector;
import dev.vigil.shield.detect.Detectors;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Time the Shield adds per invocation: the same stream handler called directly and through
 * {@link Shield#wrap(RequestStreamHandler)}, for a ~2 KB API Gateway v2 event and an SQS batch of 10, with the built-in
 * detectors registered and every telemetry event formatted as JSON. Sample mode, so JMH reports p50 and p99.
 *
 * <pre>
 * mvn -B -pl benchmarks -am package -DskipTests
 * java -jar benchmarks/target/benchmarks.jar ShieldOverheadBenchmark -rf json -rff docs/benchmarks/shield-overhead.json
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ShieldOverheadBenchmark {

    @Param({"apigw_v2_2kb", "sqs_batch_10"})
    public String event;

    private byte[] bytes;
    private RequestStreamHandler direct;
    private RequestStreamHandler wrapped;
    private final Context context = new DemoContext("bench", "bench");
    private final ByteArrayOutputStream out = new ByteArrayOutputStream(256);

    @Setup
    public void setUp() {
        bytes = event.equals("sqs_batch_10") ? BenchEvents.sqsBatchOfTen() : BenchEvents.apiGatewayV2TwoKb();
        direct = new ProbeHandler();
        Shield.Builder builder = Shield.builder();
        for (Detector d : Detectors.builtIn()) {
            builder.detector(d);
        }
        Shield shield = builder.sink(new ShieldBench.FormattingSink())
                .environment(Map.of("AWS_LAMBDA_FUNCTION_NAME", "bench"))
                .build();
        wrapped = shield.wrap(direct);
    }

    @Benchmark
    public int direct() throws IOException {
        out.reset();
        direct.handleRequest(new ByteArrayInputStream(bytes), out, context);
        return out.size();
    }

    @Benchmark
    public int wrapped() throws IOException {
        out.reset();
        wrapped.handleRequest(new ByteArrayInputStream(bytes), out, context);
        return out.size();
    }
}
