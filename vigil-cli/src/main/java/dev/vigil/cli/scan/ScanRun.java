package dev.vigil.cli.scan;

import dev.vigil.cli.ExitCodes;
import dev.vigil.core.Severity;
import dev.vigil.posture.check.Check;
import dev.vigil.posture.model.Deployment;
import dev.vigil.posture.report.Baseline;
import dev.vigil.posture.report.JsonReport;
import dev.vigil.posture.report.SarifReport;
import dev.vigil.posture.report.ScanReport;
import dev.vigil.posture.report.TextReport;
import dev.vigil.posture.scan.FileResult;
import dev.vigil.posture.scan.Scanner;
import dev.vigil.posture.source.SourceLimits;
import dev.vigil.posture.usage.UsageReport;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One {@code vigil scan}: scan, apply suppressions and the baseline, write the report, choose the exit code. */
public final class ScanRun {

    /**
     * What to do.
     *
     * @param paths files and directories
     * @param checks the checks to run
     * @param format text, json or sarif
     * @param output report file, or null for standard output
     * @param failOn exit 1 when a new finding is at or above; null never
     * @param env values for serverless.yml {@code ${env:…}}
     * @param options values for serverless.yml {@code ${opt:…}}
     * @param baseline baseline file, or null
     * @param writeBaseline where to write a baseline, or null
     * @param usage activity files for the usage report (empty: none)
     * @param color colour the text report
     * @param showSuppressed list suppressed findings in the text report
     * @param quiet no summary on standard error
     * @param threads scanning threads
     * @param workDir file names in reports are relative to it
     */
    public record Settings(
            List<Path> paths,
            List<Check> checks,
            String format,
            Path output,
            Severity failOn,
            Map<String, String> env,
            Map<String, String> options,
            Path baseline,
            Path writeBaseline,
            List<Path> usage,
            boolean color,
            boolean showSuppressed,
            boolean quiet,
            int threads,
            Path workDir) {}

    private final Settings s;
    private final PrintWriter stdout;
    private final PrintWriter stderr;

    public ScanRun(Settings settings, PrintWriter stdout, PrintWriter stderr) {
        this.s = settings;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    /** Runs the scan and returns the exit code. */
    public int execute() {
        Baseline baseline = Baseline.empty();
        if (s.baseline() != null) {
            try {
                baseline = Baseline.read(s.baseline());
            } catch (IOException e) {
                stderr.println("vigil scan: --baseline: " + e.getMessage());
                return ExitCodes.USAGE;
            }
        }
        Scanner scanner = new Scanner(s.checks(), SourceLimits.DEFAULT, s.env(), s.options());
        List<FileResult> results;
        try {
            results = scanner.scan(s.paths(), s.threads());
        } catch (IOException e) {
            stderr.println("vigil scan: " + e.getMessage());
            return ExitCodes.INTERNAL;
        }
        ScanReport report = ScanReport.of(results, s.checks(), baseline, s.baseline() != null, s.workDir());
        for (String p : report.problems()) {
            stderr.println(p);
        }
        UsageReport usage = null;
        if (!s.usage().isEmpty()) {
            List<Deployment> deployments = new ArrayList<>();
            for (FileResult r : results) {
                if (r.deployment() != null) {
                    deployments.add(r.deployment());
                }
            }
            try {
                usage = UsageReport.compute(deployments, s.usage());
            } catch (IOException e) {
                stderr.println("vigil scan: --usage: " + e.getMessage());
                return ExitCodes.INTERNAL;
            }
        }
        try {
            write(report, usage);
        } catch (IOException e) {
            stderr.println("vigil scan: cannot write " + (s.output() == null ? "the report" : s.output()) + ": "
                    + e.getMessage());
            return ExitCodes.INTERNAL;
        }
        if (s.writeBaseline() != null) {
            try {
                Baseline.write(report, s.writeBaseline());
            } catch (IOException e) {
                stderr.println("vigil scan: cannot write the baseline " + s.writeBaseline() + ": " + e.getMessage());
                return ExitCodes.INTERNAL;
            }
        }
        if (!s.quiet() && (s.output() != null || !s.format().equals("text"))) {
            stderr.println(TextReport.summary(report));
        }
        if (report.count(ScanReport.FileStatus.SCANNED) == 0 && report.count(ScanReport.FileStatus.FAILED) > 0) {
            return ExitCodes.INTERNAL;
        }
        if (s.writeBaseline() != null) {
            return ExitCodes.OK;
        }
        return report.failsAt(s.failOn()) ? ExitCodes.FINDINGS : ExitCodes.OK;
    }

    private void write(ScanReport report, UsageReport usage) throws IOException {
        if (s.output() == null) {
            render(report, usage, stdout, false);
            return;
        }
        Path parent = s.output().toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (Writer w = new BufferedWriter(
                        new OutputStreamWriter(Files.newOutputStream(s.output()), StandardCharsets.UTF_8));
                PrintWriter pw = new PrintWriter(w)) {
            render(report, usage, pw, true);
            if (pw.checkError()) {
                throw new IOException("write failed");
            }
        }
    }

    private void render(ScanReport report, UsageReport usage, PrintWriter out, boolean toFile) throws IOException {
        switch (s.format()) {
            case "json" -> {
                if (usage == null) {
                    JsonReport.write(report, out);
                } else {
                    var tree = JsonReport.tree(report);
                    tree.set("usage", new com.fasterxml.jackson.databind.ObjectMapper().readTree(usage.toJson()));
                    out.println(new com.fasterxml.jackson.databind.ObjectMapper()
                            .writerWithDefaultPrettyPrinter()
                            .writeValueAsString(tree));
                }
            }
            case "sarif" -> SarifReport.write(report, s.workDir(), out);
            default -> {
                new TextReport(s.color() && !toFile, s.showSuppressed()).write(report, out, toFile);
                if (usage != null) {
                    out.println();
                    usage.renderText(out);
                }
            }
        }
        out.flush();
    }
}
