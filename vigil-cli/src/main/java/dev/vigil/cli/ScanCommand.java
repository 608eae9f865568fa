package dev.vigil.cli;

import dev.vigil.cli.scan.CheckList;
import dev.vigil.cli.scan.CheckSelection;
import dev.vigil.cli.scan.ScanRun;
import dev.vigil.core.Severity;
import dev.vigil.posture.check.Check;
import dev.vigil.posture.check.CheckCatalog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code vigil scan}: posture checks over serverless.yml, SAM, CloudFormation and IAM policy files. */
@Command(
        name = "scan",
        mixinStandardHelpOptions = true,
        description = {
            "Scan deployment descriptors for security posture problems: serverless.yml, AWS SAM, CloudFormation"
                    + " (YAML or JSON) and IAM policy JSON, found by content in the given files and directories.",
            "Unreadable files go to stderr as file:line:col: reason and into the report; the scan goes on."
        },
        footer = {
            "",
            "Exit codes: 0 no new finding at or above --fail-on, 1 a new finding at or above --fail-on, 2 usage"
                    + " error (unknown check id, missing path, bad option), 3 I/O error or no file could be read.",
            "Suppress inline with '# vigil:ignore VGL-XXX-NNN reason' on the line or the line above. Docs: docs/scan.md."
        })
public final class ScanCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "PATH", description = "Files and directories (recursive); default: the current directory.")
    List<Path> paths = new ArrayList<>();

    @Option(
            names = "--format",
            defaultValue = "text",
            description = "text (default), json or sarif; with --list-checks also markdown.")
    String format;

    @Option(
            names = {"-o", "--output"},
            paramLabel = "FILE",
            description = "Write the report here instead of stdout.")
    Path output;

    @Option(
            names = "--fail-on",
            paramLabel = "SEVERITY",
            defaultValue = "high",
            description = "Exit 1 when a new finding is at or above: info, low, medium, high (default), critical;"
                    + " 'none' never.")
    String failOn;

    @Option(names = "--checks", split = ",", paramLabel = "ID", description = "Only these checks (ids or slugs).")
    List<String> checks = new ArrayList<>();

    @Option(names = "--skip-checks", split = ",", paramLabel = "ID", description = "Not these checks (ids or slugs).")
    List<String> skipChecks = new ArrayList<>();

    @Option(names = "--list-checks", description = "List the checks (with --format text, json or markdown) and exit.")
    boolean listChecks;

    @Option(names = "--env", paramLabel = "K=V", description = "A value for serverless.yml $${env:K} (repeatable).")
    List<String> envs = new ArrayList<>();

    @Option(names = "--use-env", description = "Also resolve $${env:…} from this process's environment.")
    boolean useEnv;

    @Option(
            names = "--opt",
            paramLabel = "K=V",
            description = "A value for serverless.yml $${opt:K}, e.g. --opt stage=prod (repeatable).")
    List<String> opts = new ArrayList<>();

    @Option(
            names = "--usage",
            arity = "1..*",
            paramLabel = "PATH",
            description = "CloudTrail files/directories or Shield telemetry: also report granted-but-unused actions per"
                    + " function.")
    List<Path> usage = new ArrayList<>();

    @Option(names = "--baseline", paramLabel = "FILE", description = "Findings in this baseline are not new.")
    Path baseline;

    @Option(
            names = "--write-baseline",
            paramLabel = "FILE",
            description = "Write the current findings as a baseline (then exit 0 unless files failed).")
    Path writeBaseline;

    @Option(names = "--show-suppressed", description = "List suppressed findings (with their reasons) in text output.")
    boolean showSuppressed;

    @Option(
            names = "--color",
            defaultValue = "auto",
            paramLabel = "WHEN",
            description = "Colour text output: auto (default: on a terminal), always, never.")
    String color;

    @Option(names = "--threads", paramLabel = "N", description = "Files scanned in parallel (default: processors).")
    Integer threads;

    @Option(names = "--quiet", description = "No summary on stderr (problems still shown).")
    boolean quiet;

    @Override
    public Integer call() throws Exception {
        List<Check> selected;
        try {
            selected = CheckSelection.select(CheckCatalog.all(), checks, skipChecks);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        if (listChecks) {
            if (!List.of("text", "json", "markdown").contains(format)) {
                throw new ParameterException(
                        spec.commandLine(), "--format for --list-checks must be text, json or markdown");
            }
            CheckList.write(selected, format, spec.commandLine().getOut());
            return ExitCodes.OK;
        }
        if (!List.of("text", "json", "sarif").contains(format)) {
            throw new ParameterException(
                    spec.commandLine(), "--format must be text, json or sarif, got '" + format + "'");
        }
        if (!List.of("auto", "always", "never").contains(color)) {
            throw new ParameterException(spec.commandLine(), "--color must be auto, always or never");
        }
        Severity fail = null;
        if (!failOn.equalsIgnoreCase("none")) {
            try {
                fail = Severity.parse(failOn);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "--fail-on: " + e.getMessage() + " or none");
            }
        }
        List<Path> in = paths.isEmpty() ? List.of(Path.of(".")) : paths;
        for (Path p : in) {
            if (!Files.exists(p)) {
                throw new ParameterException(spec.commandLine(), "no such file or directory: " + p);
            }
        }
        for (Path p : usage) {
            if (!Files.exists(p)) {
                throw new ParameterException(spec.commandLine(), "--usage: no such file or directory: " + p);
            }
        }
        if (baseline != null && !Files.isRegularFile(baseline)) {
            throw new ParameterException(spec.commandLine(), "--baseline: no such file: " + baseline);
        }
        int n = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (n < 1 || n > 256) {
            throw new ParameterException(spec.commandLine(), "--threads must be 1..256, got " + n);
        }
        Map<String, String> env = new LinkedHashMap<>();
        if (useEnv) {
            env.putAll(System.getenv());
        }
        env.putAll(pairs(envs, "--env"));
        ScanRun.Settings settings = new ScanRun.Settings(
                in,
                selected,
                format,
                output,
                fail,
                env,
                pairs(opts, "--opt"),
                baseline,
                writeBaseline,
                usage,
                color.equals("always") || (color.equals("auto") && output == null && stdoutIsTerminal()),
                showSuppressed,
                quiet,
                n,
                Path.of("").toAbsolutePath());
        return new ScanRun(
                        settings,
                        spec.commandLine().getOut(),
                        spec.commandLine().getErr())
                .execute();
    }

    private Map<String, String> pairs(List<String> items, String option) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String p : items) {
            int eq = p.indexOf('=');
            if (eq <= 0) {
                throw new ParameterException(spec.commandLine(), option + ": expected K=V, got '" + p + "'");
            }
            out.put(p.substring(0, eq).trim(), p.substring(eq + 1));
        }
        return out;
    }

    /** True when standard output is a terminal (and NO_COLOR is unset, TERM is not dumb). */
    private static boolean stdoutIsTerminal() {
        if (System.getenv("NO_COLOR") != null || "dumb".equals(System.getenv("TERM"))) {
            return false;
        }
        try {
            String name = Path.of("/proc/self/fd/1").toRealPath().toString().toLowerCase(Locale.ROOT);
            return name.startsWith("/dev/pts/") || name.startsWith("/dev/tty");
        } catch (IOException | RuntimeException notLinux) {
            return System.console() != null;
        }
    }
}
