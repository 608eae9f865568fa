package dev.vigil.cli.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import dev.vigil.cli.hunt.Correlator;
import dev.vigil.cli.hunt.DetectAdapter;
import dev.vigil.cli.hunt.Hit;
import dev.vigil.cli.hunt.HuntFilter;
import dev.vigil.cli.hunt.HuntOutput;
import dev.vigil.cli.hunt.HuntPipeline;
import dev.vigil.cli.hunt.HuntStats;
import dev.vigil.cli.hunt.ProblemReporter;
import dev.vigil.cli.hunt.RecordParser;
import dev.vigil.cli.hunt.RecordSource;
import dev.vigil.detect.engine.CorrelationMatch;
import dev.vigil.detect.engine.SigmaEngine;
import dev.vigil.detect.event.Event;
import dev.vigil.detect.event.EventOrigin;
import dev.vigil.detect.event.LogSource;
import dev.vigil.detect.input.RawRecord;
import dev.vigil.detect.rule.RuleSet;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * Measures {@code vigil hunt} on a JSON-lines corpus held in memory (so disk and decompression are excluded): a bare
 * Jackson streaming parse of every token of every record as the baseline, then the full hunt (parse, route, match,
 * key fields, correlations; output discarded) for each thread count. Each measurement is the best of {@code reps}
 * rounds after one warm-up round.
 */
public final class HuntBench {

    /** A corpus in memory: one buffer and where each non-blank line starts and ends. */
    public record Corpus(String name, byte[] bytes, int[] starts, int[] lengths) {
        /** Number of records. */
        public int size() {
            return starts.length;
        }

        /** Bytes of all records (without line ends). */
        public long recordBytes() {
            long b = 0;
            for (int l : lengths) {
                b += l;
            }
            return b;
        }
    }

    private HuntBench() {}

    /** Reads a JSON-lines file (gzip when it ends in {@code .gz}) into memory. */
    public static Corpus load(Path file) throws IOException {
        byte[] bytes;
        try (InputStream raw = Files.newInputStream(file);
                InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw) {
            bytes = in.readAllBytes();
        }
        int[] starts = new int[1024];
        int[] lengths = new int[1024];
        int n = 0;
        int start = 0;
        for (int i = 0; i <= bytes.length; i++) {
            if (i == bytes.length || bytes[i] == '\n') {
                int end = i;
                if (end > start && bytes[end - 1] == '\r') {
                    end--;
                }
                if (end > start) {
                    if (n == starts.length) {
                        starts = Arrays.copyOf(starts, n * 2);
                        lengths = Arrays.copyOf(lengths, n * 2);
                    }
                    starts[n] = start;
                    lengths[n] = end - start;
                    n++;
                }
                start = i + 1;
            }
        }
        return new Corpus(file.getFileName().toString(), bytes, Arrays.copyOf(starts, n), Arrays.copyOf(lengths, n));
    }

    /** Seconds for one bare streaming parse of every record; returns {@code [seconds, tokens]}. */
    public static double[] bareParse(Corpus c) throws IOException {
        JsonFactory f = new JsonFactory();
        long tokens = 0;
        long t0 = System.nanoTime();
        for (int i = 0; i < c.size(); i++) {
            try (JsonParser p = f.createParser(c.bytes, c.starts[i], c.lengths[i])) {
                while (p.nextToken() != null) {
                    tokens++;
                }
            } catch (IOException e) {
                // a broken record costs what it cost; the hunt reports it
            }
        }
        return new double[] {(System.nanoTime() - t0) / 1e9, tokens};
    }

    /**
     * The engine alone on the calling thread, no pipeline: parse every record with the event parser, match it, and
     * feed correlations in read order. What one core does; returns {seconds, matches}.
     */
    public static double[] inline(Corpus c, RuleSet rules, SigmaEngine engine) {
        Correlator correlator = DetectAdapter.correlator(rules);
        RecordParser parser = DetectAdapter.parser(null);
        long[] matches = {0};
        long t0 = System.nanoTime();
        long sequence = 0;
        for (int i = 0; i < c.size(); i++) {
            RawRecord r = new RawRecord(
                    c.bytes, c.starts[i], c.lengths[i], new EventOrigin(c.name, i + 1, -1), LogSource.UNKNOWN);
            Event event;
            try {
                event = parser.parse(r);
            } catch (RecordParser.UnreadableRecordException e) {
                continue;
            }
            long seq = sequence++;
            engine.match(event, m -> {
                matches[0]++;
                for (var o : correlator.observe(m, seq)) {
                    correlator.accept(o, x -> matches[0]++);
                }
            });
        }
        return new double[] {(System.nanoTime() - t0) / 1e9, matches[0]};
    }

    /** One full hunt over {@code c} with {@code threads} workers; a fresh correlation engine each time. */
    public static HuntStats hunt(Corpus c, RuleSet rules, SigmaEngine engine, int threads) throws IOException {
        Correlator correlator = DetectAdapter.correlator(rules);
        HuntPipeline p =
                new HuntPipeline(DetectAdapter.parser(null), engine::match, correlator, HuntFilter.NONE, threads);
        RecordSource source = sink -> {
            for (int i = 0; i < c.size(); i++) {
                sink.record(new RawRecord(
                        c.bytes, c.starts[i], c.lengths[i], new EventOrigin(c.name, i + 1, -1), LogSource.UNKNOWN));
            }
        };
        PrintWriter none = new PrintWriter(Writer.nullWriter());
        return p.run(source, new Discard(), new ProblemReporter(none, 0), m -> {});
    }

    /** The whole measurement as a JSON-ready map. */
    public static Map<String, Object> run(Corpus c, RuleSet rules, List<Integer> threadCounts, int reps)
            throws IOException {
        SigmaEngine engine = SigmaEngine.create(rules);
        double mb = c.recordBytes() / 1e6;
        bareParse(c); // warm-up
        hunt(c, rules, engine, threadCounts.get(threadCounts.size() - 1));
        double bare = Double.MAX_VALUE;
        long tokens = 0;
        for (int r = 0; r < reps; r++) {
            double[] b = bareParse(c);
            bare = Math.min(bare, b[0]);
            tokens = (long) b[1];
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("corpus", c.name());
        out.put("records", c.size());
        out.put("mb", round(mb, 1));
        out.put("detection_rules", rules.detections().size());
        out.put("correlation_rules", rules.correlations().size());
        out.put("unindexed_rules", engine.unindexedCount());
        out.put("available_processors", Runtime.getRuntime().availableProcessors());
        Map<String, Object> baseline = new LinkedHashMap<>();
        baseline.put("threads", 1);
        baseline.put("seconds", round(bare, 3));
        baseline.put("records_per_s", Math.round(c.size() / bare));
        baseline.put("mb_per_s", round(mb / bare, 1));
        baseline.put("tokens", tokens);
        out.put("bare_jackson_parse", baseline);
        double inlineBest = Double.MAX_VALUE;
        long inlineMatches = 0;
        for (int r = 0; r < reps; r++) {
            double[] one = inline(c, rules, engine);
            if (one[0] < inlineBest) {
                inlineBest = one[0];
                inlineMatches = (long) one[1];
            }
        }
        Map<String, Object> single = new LinkedHashMap<>();
        single.put("threads", 1);
        single.put("seconds", round(inlineBest, 3));
        single.put("records_per_s", Math.round(c.size() / inlineBest));
        single.put("mb_per_s", round(mb / inlineBest, 1));
        single.put("rate_vs_bare_parse", round(bare / inlineBest, 2));
        single.put("matches_and_correlations", inlineMatches);
        out.put("engine_one_core", single);
        List<Map<String, Object>> hunts = new ArrayList<>();
        for (int threads : threadCounts) {
            double best = Double.MAX_VALUE;
            HuntStats stats = null;
            for (int r = 0; r < reps; r++) {
                HuntStats s = hunt(c, rules, engine, threads);
                if (s.elapsedNanos() / 1e9 < best) {
                    best = s.elapsedNanos() / 1e9;
                    stats = s;
                }
            }
            Map<String, Object> h = new LinkedHashMap<>();
            h.put("threads", threads);
            h.put("seconds", round(best, 3));
            h.put("records_per_s", Math.round(c.size() / best));
            h.put("mb_per_s", round(mb / best, 1));
            h.put("rate_vs_bare_parse", round(bare / best, 2));
            h.put("matches", stats.matches());
            h.put("hidden_matches", stats.hidden());
            h.put("correlations", stats.correlations());
            h.put("unreadable_records", stats.problems());
            hunts.add(h);
        }
        out.put("hunt", hunts);
        return out;
    }

    /** The measurement as a few lines for people. */
    @SuppressWarnings("unchecked")
    public static String text(Map<String, Object> r) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(
                "corpus %s: %,d records, %s MB; %s detection + %s correlation rules (%s unindexed)%n",
                r.get("corpus"),
                r.get("records"),
                r.get("mb"),
                r.get("detection_rules"),
                r.get("correlation_rules"),
                r.get("unindexed_rules")));
        Map<String, Object> b = (Map<String, Object>) r.get("bare_jackson_parse");
        sb.append(String.format(
                "%-26s %12s %9s %10s %9s %s%n", "", "records/s", "MB/s", "vs bare", "matches", "correlations"));
        sb.append(String.format(
                "%-26s %,12d %9s %10s %9s %s%n",
                "bare Jackson parse", b.get("records_per_s"), b.get("mb_per_s"), "100%", "-", "-"));
        Map<String, Object> e = (Map<String, Object>) r.get("engine_one_core");
        sb.append(String.format(
                "%-26s %,12d %9s %10s %9s %s%n",
                "engine, one core, inline",
                e.get("records_per_s"),
                e.get("mb_per_s"),
                Math.round((Double) e.get("rate_vs_bare_parse") * 100) + "%",
                e.get("matches_and_correlations"),
                "(incl.)"));
        for (Map<String, Object> h : (List<Map<String, Object>>) r.get("hunt")) {
            sb.append(String.format(
                    "%-26s %,12d %9s %10s %9s %s%n",
                    "hunt pipeline, " + h.get("threads") + " worker(s)",
                    h.get("records_per_s"),
                    h.get("mb_per_s"),
                    Math.round((Double) h.get("rate_vs_bare_parse") * 100) + "%",
                    h.get("matches"),
                    h.get("correlations")));
        }
        return sb.toString();
    }

    private static double round(double v, int digits) {
        double f = Math.pow(10, digits);
        return Math.round(v * f) / f;
    }

    /** Counts nothing, writes nothing: output cost is not part of the measurement. */
    private static final class Discard implements HuntOutput {
        @Override
        public void hit(Hit hit) {}

        @Override
        public void correlation(CorrelationMatch match) {}

        @Override
        public void finish() {}
    }

    /** {@code vigil bench hunt}. */
    @picocli.CommandLine.Command(
            name = "hunt",
            mixinStandardHelpOptions = true,
            description = {
                "Time vigil hunt on a JSON-lines corpus held in memory: a bare Jackson streaming parse as the baseline,"
                        + " then the full hunt (parse, route, match, correlations) per thread count. Best of --reps"
                        + " rounds after a warm-up round.",
                "With --generate N --seed DIR, first writes an N-record corpus (to --out) varied from the real"
                        + " CloudTrail records under DIR, then measures it."
            })
    public static final class Command implements java.util.concurrent.Callable<Integer> {

        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @picocli.CommandLine.Option(
                names = "--rules",
                paramLabel = "PATH",
                description = "Sigma rules to add (repeatable). Default: the built-in pack only.")
        List<Path> rules = new ArrayList<>();

        @picocli.CommandLine.Option(names = "--no-builtin", description = "Leave out the built-in pack.")
        boolean noBuiltin;

        @picocli.CommandLine.Option(
                names = "--corpus",
                paramLabel = "FILE",
                description = "JSON-lines corpus (.gz ok).")
        Path corpus;

        @picocli.CommandLine.Option(
                names = "--generate",
                paramLabel = "N",
                description = "Generate an N-record corpus first (needs --seed and --out).")
        Long generate;

        @picocli.CommandLine.Option(
                names = "--seed",
                paramLabel = "DIR",
                description = "Real CloudTrail records (.json/.jsonl, .gz ok) to take shapes from.")
        Path seedDir;

        @picocli.CommandLine.Option(
                names = "--out",
                paramLabel = "FILE",
                description = "Where --generate writes (gzip when it ends in .gz).")
        Path out;

        @picocli.CommandLine.Option(
                names = "--random-seed",
                defaultValue = "1",
                description = "Seed of the generator's variations (default ${DEFAULT-VALUE}).")
        long randomSeed;

        @picocli.CommandLine.Option(
                names = "--days",
                defaultValue = "7",
                description = "Generated event times spread over this many days (default ${DEFAULT-VALUE}).")
        int days;

        @picocli.CommandLine.Option(
                names = "--threads",
                split = ",",
                paramLabel = "N",
                description = "Thread counts to measure, e.g. 1,2 (default: 1 and the available processors).")
        List<Integer> threads = new ArrayList<>();

        @picocli.CommandLine.Option(
                names = "--reps",
                defaultValue = "3",
                description = "Measured rounds; the best counts (default ${DEFAULT-VALUE}).")
        int reps;

        @picocli.CommandLine.Option(names = "--json", description = "Print JSON instead of a table.")
        boolean json;

        @Override
        public Integer call() throws Exception {
            picocli.CommandLine cl = spec.commandLine();
            if (reps < 1 || days < 1) {
                throw new picocli.CommandLine.ParameterException(cl, "--reps and --days must be at least 1");
            }
            List<Integer> counts = threads.isEmpty()
                    ? new ArrayList<>(new java.util.TreeSet<>(
                            List.of(1, Runtime.getRuntime().availableProcessors())))
                    : threads;
            for (int t : counts) {
                if (t < 1 || t > 256) {
                    throw new picocli.CommandLine.ParameterException(cl, "--threads: each count must be 1..256");
                }
            }
            Path file = corpus;
            if (generate != null) {
                if (seedDir == null || out == null || !Files.isDirectory(seedDir)) {
                    throw new picocli.CommandLine.ParameterException(
                            cl, "--generate needs --seed DIR (an existing directory) and --out FILE");
                }
                if (generate < 1) {
                    throw new picocli.CommandLine.ParameterException(cl, "--generate must be at least 1");
                }
                List<com.fasterxml.jackson.databind.node.ObjectNode> templates =
                        CloudTrailCorpus.loadTemplates(seedDir);
                if (templates.isEmpty()) {
                    throw new picocli.CommandLine.ParameterException(
                            cl, "--seed: no CloudTrail records under " + seedDir);
                }
                new CloudTrailCorpus(templates, randomSeed, days).write(generate, out);
                cl.getErr()
                        .printf("generated %,d records from %,d templates into %s%n", generate, templates.size(), out);
                file = out;
            }
            if (file == null || !Files.isRegularFile(file)) {
                throw new picocli.CommandLine.ParameterException(
                        cl, file == null ? "give --corpus FILE or --generate N" : "--corpus: no such file: " + file);
            }
            for (Path r : rules) {
                if (!Files.exists(r)) {
                    throw new picocli.CommandLine.ParameterException(cl, "--rules: no such file or directory: " + r);
                }
            }
            RuleSet ruleSet = DetectAdapter.loadRules(rules, dev.vigil.detect.rule.RuleLoader.create(), !noBuiltin);
            if (ruleSet.detections().isEmpty()) {
                throw new picocli.CommandLine.ParameterException(cl, "no usable detection rules");
            }
            Corpus c = load(file);
            Map<String, Object> result = HuntBench.run(c, ruleSet, counts, reps);
            cl.getOut().print(json ? dev.vigil.cli.hunt.JsonText.write(result) + System.lineSeparator() : text(result));
            cl.getOut().flush();
            return dev.vigil.cli.ExitCodes.OK;
        }
    }
}
