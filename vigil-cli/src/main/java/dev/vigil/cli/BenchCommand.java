package dev.vigil.cli;

import dev.vigil.cli.bench.BenchEvents;
import dev.vigil.cli.bench.HuntBench;
import dev.vigil.cli.bench.InspectBench;
import dev.vigil.cli.bench.ScanBench;
import dev.vigil.cli.bench.ShieldBench;
import dev.vigil.shield.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code vigil bench}: measure Vigil on this machine and on your own data. */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description = "Measure what Vigil costs, on this machine and your own events.",
        subcommands = {
            BenchCommand.ShieldCommand.class,
            BenchCommand.InspectBenchCommand.class,
            HuntBench.Command.class,
            ScanBench.Command.class
        })
public final class BenchCommand extends GroupCommand {

    /** {@code vigil bench shield}. */
    @Command(
            name = "shield",
            mixinStandardHelpOptions = true,
            description = "Time the Shield: microseconds added per warm invocation (direct vs wrapped handler, p50/p99)"
                    + " and milliseconds added to a cold start (separate JVMs, median). Prints JSON.")
    static final class ShieldCommand implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = "--event", paramLabel = "FILE", description = "Also measure this event (Lambda event JSON).")
        Path event;

        @Option(
                names = "--iterations",
                defaultValue = "50000",
                description = "Measured calls per variant (default ${DEFAULT-VALUE}).")
        int iterations;

        @Option(
                names = "--warmup",
                defaultValue = "100000",
                description = "Warm-up calls per variant (default ${DEFAULT-VALUE}).")
        int warmup;

        @Option(
                names = "--cold-runs",
                defaultValue = "10",
                description =
                        "JVM starts per variant for the cold-start figure; 0 skips it (default ${DEFAULT-VALUE}).")
        int coldRuns;

        @Option(
                names = "--runtime",
                defaultValue = "ric",
                description = "How cold-start JVMs run the handler: 'ric' (default), under the real AWS Lambda runtime"
                        + " interface client against a local Runtime API, as the managed Java runtimes do; 'bare', a"
                        + " main() that calls it once (also reports loaded classes).")
        String runtime;

        @Option(
                names = "--jvm-arg",
                paramLabel = "ARG",
                description = "Extra JVM argument for cold-start JVMs (repeatable), e.g. -XX:TieredStopAtLevel=1.")
        List<String> jvmArgs = new ArrayList<>();

        @Override
        public Integer call() throws Exception {
            if (iterations < 100) {
                throw new ParameterException(
                        spec.commandLine(), "--iterations must be at least 100, got " + iterations);
            }
            if (warmup < 0 || coldRuns < 0) {
                throw new ParameterException(spec.commandLine(), "--warmup and --cold-runs must not be negative");
            }
            List<ShieldBench.Warm> warm = new ArrayList<>();
            warm.add(ShieldBench.warm("apigw_v2_2kb", BenchEvents.apiGatewayV2TwoKb(), warmup, iterations));
            warm.add(ShieldBench.warm("sqs_batch_10", BenchEvents.sqsBatchOfTen(), warmup, iterations));
            byte[] custom = null;
            if (event != null) {
                if (!Files.isRegularFile(event)) {
                    throw new ParameterException(spec.commandLine(), "--event: no such file: " + event);
                }
                custom = Files.readAllBytes(event);
                warm.add(ShieldBench.warm("custom:" + event.getFileName(), custom, warmup, iterations));
            }
            if (!runtime.equals("ric") && !runtime.equals("bare")) {
                throw new ParameterException(
                        spec.commandLine(), "--runtime must be 'ric' or 'bare', got '" + runtime + "'");
            }
            byte[] coldEvent = custom != null ? custom : BenchEvents.apiGatewayV2TwoKb();
            ShieldBench.Cold cold = coldRuns == 0
                    ? null
                    : runtime.equals("ric")
                            ? ShieldBench.coldUnderRuntimeClient(coldRuns, coldEvent, jvmArgs)
                            : ShieldBench.cold(coldRuns, coldEvent, jvmArgs);
            spec.commandLine().getOut().println(Json.writeString(ShieldBench.toJson(warm, cold)));
            return ExitCodes.OK;
        }
    }

    /** {@code vigil bench inspect}. */
    @Command(
            name = "inspect",
            mixinStandardHelpOptions = true,
            description = "Time the injection detectors: payloads per second, single thread, over the \"payload\" of"
                    + " each JSON-lines record in FILE (as vigil inspect reads them), all detectors together and each"
                    + " alone. Prints JSON.")
    static final class InspectBenchCommand implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "FILE", arity = "1..*", description = "JSON-lines files of payload records.")
        List<Path> files = new ArrayList<>();

        @Option(
                names = "--detectors",
                split = ",",
                paramLabel = "ID",
                description = "Only these detectors (comma-separated ids). Default: all built-in.")
        List<String> detectors = new ArrayList<>();

        @Option(
                names = "--reps",
                defaultValue = "10",
                description = "Measured passes over all payloads; the best counts (default ${DEFAULT-VALUE}).")
        int reps;

        @Option(names = "--warmup-reps", defaultValue = "5", description = "Warm-up passes (default ${DEFAULT-VALUE}).")
        int warmupReps;

        @Override
        public Integer call() throws Exception {
            if (reps < 1 || warmupReps < 0) {
                throw new ParameterException(
                        spec.commandLine(), "--reps must be at least 1, --warmup-reps not negative");
            }
            for (Path f : files) {
                if (!Files.isRegularFile(f)) {
                    throw new ParameterException(spec.commandLine(), "no such file: " + f);
                }
            }
            var inspector = InspectCommand.Detectors.choose(spec, detectors);
            List<String> payloads = InspectBench.loadPayloads(files);
            if (payloads.isEmpty()) {
                throw new ParameterException(spec.commandLine(), "no records with a string \"payload\" in the files");
            }
            spec.commandLine()
                    .getOut()
                    .println(Json.writeString(InspectBench.run(files, payloads, inspector, warmupReps, reps)));
            return ExitCodes.OK;
        }
    }
}
