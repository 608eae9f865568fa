package dev.vigil.cli.bench;

import dev.vigil.cli.ExitCodes;
import dev.vigil.posture.scan.FileResult;
import dev.vigil.posture.scan.Scanner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;

/**
 * Measures {@code vigil scan} in one JVM: the first (cold) pass over the files, then {@code reps} warm passes on one
 * thread (templates per second, per-file p50/p90/p99) and the best pass with {@code threads} workers. Files are read
 * from disk each pass (the page cache is warm after the first); report rendering is not included.
 */
public final class ScanBench {
    private ScanBench() {}

    /** The measurement of {@code paths}. */
    public static Map<String, Object> run(List<Path> paths, int reps, int threads) throws IOException {
        Scanner scanner = Scanner.defaults();
        List<Path> files = Scanner.files(paths);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("files", files.size());
        long t0 = System.nanoTime();
        List<FileResult> first = new ArrayList<>();
        for (Path f : files) {
            first.add(scanner.scanFile(f));
        }
        long coldNanos = System.nanoTime() - t0;
        long scanned = first.stream().filter(FileResult::scanned).count();
        long failed = first.stream().filter(r -> r.error() != null).count();
        out.put("templates", scanned);
        out.put("skipped", files.size() - scanned - failed);
        out.put("failed", failed);
        out.put("findings", first.stream().mapToInt(r -> r.findings().size()).sum());
        out.put("cold_pass_ms", round(coldNanos / 1e6, 1));
        long[] perFile = new long[files.size() * reps];
        long[] passes = new long[reps];
        int k = 0;
        for (int rep = 0; rep < reps; rep++) {
            long p0 = System.nanoTime();
            for (Path f : files) {
                long s = System.nanoTime();
                scanner.scanFile(f);
                perFile[k++] = System.nanoTime() - s;
            }
            passes[rep] = System.nanoTime() - p0;
        }
        Arrays.sort(perFile);
        Arrays.sort(passes);
        Map<String, Object> warm = new LinkedHashMap<>();
        warm.put("passes", reps);
        warm.put("median_pass_ms", round(passes[reps / 2] / 1e6, 1));
        warm.put("best_pass_ms", round(passes[0] / 1e6, 1));
        warm.put("templates_per_s", Math.round(files.size() / (passes[reps / 2] / 1e9)));
        warm.put("p50_file_ms", round(percentile(perFile, 0.50) / 1e6, 3));
        warm.put("p90_file_ms", round(percentile(perFile, 0.90) / 1e6, 3));
        warm.put("p99_file_ms", round(percentile(perFile, 0.99) / 1e6, 3));
        warm.put("max_file_ms", round(perFile[perFile.length - 1] / 1e6, 3));
        out.put("warm_one_thread", warm);
        if (threads > 1) {
            long best = Long.MAX_VALUE;
            for (int rep = 0; rep < Math.max(1, reps / 2); rep++) {
                long p0 = System.nanoTime();
                scanner.scan(paths, threads);
                best = Math.min(best, System.nanoTime() - p0);
            }
            Map<String, Object> par = new LinkedHashMap<>();
            par.put("threads", threads);
            par.put("best_pass_ms", round(best / 1e6, 1));
            par.put("templates_per_s", Math.round(files.size() / (best / 1e9)));
            out.put("warm_parallel", par);
        }
        return out;
    }

    private static long percentile(long[] sorted, double q) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.floor(q * sorted.length))];
    }

    private static double round(double v, int digits) {
        double f = Math.pow(10, digits);
        return Math.round(v * f) / f;
    }

    /** The measurement as a few lines for people. */
    @SuppressWarnings("unchecked")
    public static String text(Map<String, Object> r) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(
                "%s files: %s templates, %s skipped, %s failed; %s findings%n",
                r.get("files"), r.get("templates"), r.get("skipped"), r.get("failed"), r.get("findings")));
        b.append(String.format("cold first pass (this JVM): %s ms%n", r.get("cold_pass_ms")));
        Map<String, Object> w = (Map<String, Object>) r.get("warm_one_thread");
        b.append(String.format(
                "warm, one thread: %s files/s (median of %s passes: %s ms); per file p50 %s ms, p90 %s ms, p99 %s"
                        + " ms, max %s ms%n",
                w.get("templates_per_s"),
                w.get("passes"),
                w.get("median_pass_ms"),
                w.get("p50_file_ms"),
                w.get("p90_file_ms"),
                w.get("p99_file_ms"),
                w.get("max_file_ms")));
        Map<String, Object> p = (Map<String, Object>) r.get("warm_parallel");
        if (p != null) {
            b.append(String.format(
                    "warm, %s threads: %s files/s (best pass %s ms)%n",
                    p.get("threads"), p.get("templates_per_s"), p.get("best_pass_ms")));
        }
        return b.toString();
    }

    /** {@code vigil bench scan}. */
    @CommandLine.Command(
            name = "scan",
            mixinStandardHelpOptions = true,
            description = "Time vigil scan on a directory: the cold first pass in this JVM, then warm passes on one"
                    + " thread (files/s, per-file p50/p90/p99) and with --threads workers. Default path: the"
                    + " current directory.")
    public static final class Command implements Callable<Integer> {

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @CommandLine.Parameters(paramLabel = "PATH", description = "Files or directories (default: .).")
        List<Path> paths = new ArrayList<>();

        @CommandLine.Option(
                names = "--reps",
                defaultValue = "10",
                description = "Warm passes (default ${DEFAULT-VALUE}).")
        int reps;

        @CommandLine.Option(
                names = "--threads",
                paramLabel = "N",
                description = "Workers for the parallel pass (default: processors; 1 skips it).")
        Integer threads;

        @CommandLine.Option(names = "--json", description = "Print JSON instead of text.")
        boolean json;

        @Override
        public Integer call() throws Exception {
            List<Path> in = paths.isEmpty() ? List.of(Path.of(".")) : paths;
            for (Path p : in) {
                if (!Files.exists(p)) {
                    throw new CommandLine.ParameterException(spec.commandLine(), "no such file or directory: " + p);
                }
            }
            if (reps < 1) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--reps must be at least 1");
            }
            int n = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
            if (n < 1 || n > 256) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--threads must be 1..256");
            }
            Map<String, Object> r = run(in, reps, n);
            java.io.PrintWriter out = spec.commandLine().getOut();
            out.print(json ? dev.vigil.cli.hunt.JsonText.write(r) + System.lineSeparator() : text(r));
            out.flush();
            return ExitCodes.OK;
        }
    }
}
