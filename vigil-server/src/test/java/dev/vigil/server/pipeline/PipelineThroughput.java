package dev.vigil.server.pipeline;

import static dev.vigil.server.pipeline.Events.T0;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/**
 * A quick, not a rigorous, measurement of records per second through the pipeline on SQLite: Shield telemetry lines
 * (about 96% invocation summaries of 50 functions, 3% blocked findings from 200 addresses, 1% egress violations),
 * already durable in the log, consumed on one thread by {@link Pipeline#runUntilCaughtUp}, once per archive mode.
 * Run by hand: {@code java -cp "target/classes:target/test-classes:$(cat cp.txt)"
 * dev.vigil.server.pipeline.PipelineThroughput [records]}; works in a temporary directory and deletes it.
 */
public final class PipelineThroughput {
    private PipelineThroughput() {}

    /** {@code args[0]}: records per run (default 200,000). */
    public static void main(String[] args) throws Exception {
        int records = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        List<String> lines = lines(records);
        run("warm-up", lines.subList(0, Math.min(lines.size(), 50_000)), ArchiveMode.NONE);
        for (ArchiveMode mode : ArchiveMode.values()) {
            run("archive " + mode, lines, mode);
        }
    }

    private static List<String> lines(int count) {
        Random random = new Random(42);
        List<String> lines = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            long time = T0 + i;
            String function = "fn-" + random.nextInt(50);
            int kind = random.nextInt(100);
            if (kind < 3) {
                lines.add(Events.blockedFinding(time, function, "203.0.113." + random.nextInt(200)));
            } else if (kind < 4) {
                lines.add(Events.egress(time, function, "api" + random.nextInt(5) + ".example.com", 443));
            } else {
                lines.add(Events.invocation(
                        time,
                        function,
                        500 + random.nextInt(50_000),
                        random.nextInt(50) == 0,
                        random.nextInt(100) == 0));
            }
        }
        return lines;
    }

    private static void run(String name, List<String> lines, ArchiveMode mode) throws Exception {
        Path dir = Files.createTempDirectory("vigil-pipeline-bench");
        try (PipelineHarness h = new PipelineHarness(dir)) {
            for (int from = 0; from < lines.size(); from += 1_000) {
                h.append(lines.subList(from, Math.min(lines.size(), from + 1_000))
                        .toArray(String[]::new));
            }
            h.options = PipelineOptions.defaults().withArchiveMode(mode);
            Pipeline pipeline = h.pipeline();
            long start = System.nanoTime();
            pipeline.runUntilCaughtUp();
            double seconds = (System.nanoTime() - start) / 1e9;
            PipelineStats s = pipeline.stats();
            System.out.printf(
                    "%-16s %,9d records in %6.2f s = %,9.0f records/s; %,d detections, %,d alerts, %,d archived%n",
                    name,
                    s.recordsRead(),
                    seconds,
                    s.recordsRead() / seconds,
                    s.matched(),
                    h.alerts.countByStatus("default").values().stream()
                            .mapToLong(Long::longValue)
                            .sum(),
                    h.archive.count());
        } finally {
            try (Stream<Path> walk = Files.walk(dir)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
