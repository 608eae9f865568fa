package dev.vigil.benchmarks;

import dev.vigil.cli.bench.InspectBench;
import dev.vigil.shield.OfflineInspector;
import dev.vigil.shield.inspect.Source;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * Detector throughput: every built-in detector (plus the shared normalisation) over the 73,020-payload mix of
 * httpparams, libinjection, openappsec-legitimate-sample and mgm-waf-payloads, single thread. The score is payloads
 * per second (one operation = one payload). The data lives outside the repository, in {@code ../shared}; point
 * {@code -p data=DIR} elsewhere for your own files.
 *
 * <pre>
 * mvn -B -pl benchmarks -am package -DskipTests
 * java -jar benchmarks/target/benchmarks.jar InspectBenchmark -rf json -rff docs/benchmarks/inspect.json
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class InspectBenchmark {

    /** The four files of the mix. */
    static final String[] MIX = {
        "httpparams.jsonl", "libinjection.jsonl", "openappsec-legitimate-sample.jsonl", "mgm-waf-payloads.jsonl"
    };

    @Param("../shared/data/payloads")
    public String data;

    private String[] payloads;
    private OfflineInspector inspector;
    private int next;

    @Setup
    public void setUp() throws IOException {
        List<Path> files = new ArrayList<>();
        for (String name : MIX) {
            Path p = Path.of(data, name);
            if (!Files.isRegularFile(p)) {
                throw new IllegalStateException("payload file not found: " + p + " (set -p data=DIR)");
            }
            files.add(p);
        }
        payloads = InspectBench.loadPayloads(files).toArray(new String[0]);
        inspector = OfflineInspector.builtIn();
    }

    @Benchmark
    public void allDetectors(Blackhole bh) {
        String v = payloads[next];
        next = next + 1 == payloads.length ? 0 : next + 1;
        bh.consume(inspector.inspectValue("query.q", "q", Source.QUERY, v));
    }
}
