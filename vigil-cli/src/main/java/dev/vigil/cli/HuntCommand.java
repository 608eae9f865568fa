package dev.vigil.cli;

import dev.vigil.cli.hunt.DetectAdapter;
import dev.vigil.cli.hunt.HuntFilter;
import dev.vigil.cli.hunt.HuntRun;
import dev.vigil.cli.hunt.HuntSettings;
import dev.vigil.cli.hunt.OutputFormat;
import dev.vigil.cli.hunt.TimeBound;
import dev.vigil.detect.event.LogSource;
import dev.vigil.detect.match.MatchOptions;
import dev.vigil.detect.rule.Level;
import dev.vigil.detect.rule.RuleLoader;
import dev.vigil.detect.rule.RuleSet;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code vigil hunt}: run Sigma rules over log files. */
@Command(
        name = "hunt",
        mixinStandardHelpOptions = true,
        description = {
            "Run Sigma rules (yours and the built-in pack) over log files: CloudTrail, JSON lines, CloudWatch Logs"
                    + " payloads, Shield telemetry; plain or gzip. Prints matches, then correlations.",
            "Problems with rules and records go to stderr as file:line: reason; a summary follows."
        },
        footer = {
            "",
            "Exit codes: 0 done, 1 a printed match at or above --fail-on, 2 usage error (or a rule problem with"
                    + " --strict, or no usable rule), 3 I/O error.",
            "Docs: docs/hunt.md."
        })
public final class HuntCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "INPUT", description = "Log files, directories (recursive), or '-' for stdin (default).")
    List<String> inputs = new ArrayList<>();

    @Option(names = "--rules", paramLabel = "PATH", description = "A Sigma rule file or directory (repeat for more).")
    List<Path> rules = new ArrayList<>();

    @Option(
            names = "--format",
            defaultValue = "table",
            description = "table (default), jsonl, ocsf (OCSF 1.3 Detection Finding per line) or csv.")
    String format;

    @Option(
            names = {"-o", "--output"},
            paramLabel = "FILE",
            description = "Write here instead of stdout.")
    Path output;

    @Option(
            names = "--from",
            paramLabel = "TIME",
            description = "Only events at or after this time (ISO-8601 instant, or a date = its start, UTC).")
    String from;

    @Option(
            names = "--to",
            paramLabel = "TIME",
            description = "Only events up to this time (an instant: inclusive; a date: the whole day). With --from"
                    + " or --to, events without a time are dropped.")
    String to;

    @Option(
            names = "--min-level",
            paramLabel = "LEVEL",
            description = "Print only matches at or above: informational, low, medium, high, critical.")
    String minLevel;

    @Option(
            names = "--fail-on",
            paramLabel = "LEVEL",
            description = "Exit 1 when a printed match is at or above this level.")
    String failOn;

    @Option(
            names = "--logsource",
            paramLabel = "PRODUCT:SERVICE",
            description = "Treat every record as this log source (e.g. aws:cloudtrail) instead of detecting it.")
    String logSource;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: available processors).")
    Integer threads;

    @Option(
            names = "--placeholder",
            paramLabel = "NAME=V1,V2",
            description = "Values for a rule's %%NAME%% placeholders (|expand); repeatable.")
    List<String> placeholders = new ArrayList<>();

    @Option(names = "--no-builtin", description = "Do not load the built-in rule pack.")
    boolean noBuiltin;

    @Option(names = "--strict", description = "Any rule problem is fatal (exit 2).")
    boolean strict;

    @Option(
            names = "--all-matches",
            description = "Also print base matches of rules whose correlations all say generate: false.")
    boolean allMatches;

    @Option(names = "--quiet", description = "No rule counts, progress or summary on stderr (problems still shown).")
    boolean quiet;

    @Override
    public Integer call() throws Exception {
        HuntSettings settings = settings();
        List<String> in = inputs.isEmpty() ? List.of("-") : inputs;
        for (String i : in) {
            if (!i.equals("-") && !Files.exists(Path.of(i))) {
                throw new ParameterException(spec.commandLine(), "no such input: " + i);
            }
        }
        for (Path r : rules) {
            if (!Files.exists(r)) {
                throw new ParameterException(spec.commandLine(), "--rules: no such file or directory: " + r);
            }
        }
        if (rules.isEmpty() && noBuiltin) {
            throw new ParameterException(spec.commandLine(), "--no-builtin needs --rules");
        }
        RuleSet ruleSet = DetectAdapter.loadRules(
                rules, RuleLoader.create(new MatchOptions(placeholderValues(), 4096)), !noBuiltin);
        HuntRun run = new HuntRun(settings, spec.commandLine().getErr());
        int stop = run.checkRules(ruleSet);
        if (stop >= 0) {
            return stop;
        }
        if (output == null) {
            return run.execute(
                    ruleSet,
                    DetectAdapter.reader(in, System.in),
                    spec.commandLine().getOut());
        }
        Writer w;
        try {
            w = new BufferedWriter(
                    new OutputStreamWriter(Files.newOutputStream(output), StandardCharsets.UTF_8), 1 << 16);
        } catch (IOException e) {
            spec.commandLine().getErr().println("hunt: cannot write " + output + ": " + e);
            return ExitCodes.INTERNAL;
        }
        try (w) {
            return run.execute(ruleSet, DetectAdapter.reader(in, System.in), w);
        }
    }

    private HuntSettings settings() {
        OutputFormat fmt = parse(() -> OutputFormat.parse(format), "--format");
        long fromMillis = from == null ? Long.MIN_VALUE : parse(() -> TimeBound.from(from), "--from");
        long toMillis = to == null ? Long.MAX_VALUE : parse(() -> TimeBound.toExclusive(to), "--to");
        if (fromMillis >= toMillis) {
            throw new ParameterException(spec.commandLine(), "--from must be before --to");
        }
        Level min = minLevel == null ? Level.INFORMATIONAL : parse(() -> Level.parse(minLevel), "--min-level");
        Level fail = failOn == null ? null : parse(() -> Level.parse(failOn), "--fail-on");
        LogSource forced = logSource == null ? null : parse(() -> LogSource.parse(logSource), "--logsource");
        int n = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (n < 1 || n > 256) {
            throw new ParameterException(spec.commandLine(), "--threads must be 1..256, got " + n);
        }
        boolean terminal = stderrIsTerminal();
        return new HuntSettings(
                fmt,
                new HuntFilter(fromMillis, toMillis, min, allMatches),
                fail,
                forced,
                n,
                strict,
                quiet,
                terminal,
                totalBytes());
    }

    /** {@code --placeholder} values by name; repeating a name adds values. */
    public Map<String, List<String>> placeholderValues() {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String p : placeholders) {
            int eq = p.indexOf('=');
            if (eq <= 0) {
                throw new ParameterException(spec.commandLine(), "--placeholder: expected NAME=V1,V2, got '" + p + "'");
            }
            String name = p.substring(0, eq).trim();
            if (name.startsWith("%") && name.endsWith("%") && name.length() > 2) {
                name = name.substring(1, name.length() - 1);
            }
            List<String> values = out.computeIfAbsent(name, k -> new ArrayList<>());
            for (String v : p.substring(eq + 1).split(",", -1)) {
                values.add(v);
            }
        }
        return out;
    }

    /**
     * Whether standard error is a terminal, so the progress line may be drawn there. {@link System#console()} needs
     * standard input and output to be terminals too, which {@code vigil hunt … > out.jsonl} is not; on Linux the
     * descriptor's link says it directly.
     */
    private static boolean stderrIsTerminal() {
        try {
            Path target = Path.of("/proc/self/fd/2").toRealPath();
            String name = target.toString();
            return name.startsWith("/dev/pts/") || name.startsWith("/dev/tty");
        } catch (IOException | RuntimeException notLinux) {
            return System.console() != null;
        }
    }

    /** Size of the input files as stored (the reader counts compressed bytes too), or -1 for standard input. */
    private long totalBytes() {
        long total = 0;
        List<String> in = inputs.isEmpty() ? List.of("-") : inputs;
        try {
            for (String i : in) {
                if (i.equals("-")) {
                    return -1;
                }
                Path p = Path.of(i);
                if (Files.isDirectory(p)) {
                    try (Stream<Path> walk = Files.walk(p)) {
                        for (Path f : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
                            total += Files.size(f);
                        }
                    }
                } else if (Files.isRegularFile(p)) {
                    total += Files.size(p);
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return total;
    }

    private <T> T parse(java.util.function.Supplier<T> parser, String option) {
        try {
            return parser.get();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), option + ": " + e.getMessage());
        }
    }
}
