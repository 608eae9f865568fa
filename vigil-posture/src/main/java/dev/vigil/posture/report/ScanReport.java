package dev.vigil.posture.report;

import dev.vigil.core.Severity;
import dev.vigil.posture.check.Check;
import dev.vigil.posture.check.CheckInfo;
import dev.vigil.posture.check.Finding;
import dev.vigil.posture.scan.FileResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The result of one {@code vigil scan}, ready for any output format: every finding with its reported file,
 * fingerprint and status (new, baseline, suppressed), the files and what became of each, and the problems met.
 */
public final class ScanReport {

    /** What became of one file. */
    public enum FileStatus {
        SCANNED,
        SKIPPED,
        FAILED
    }

    /**
     * One file of the scan.
     *
     * @param file as reported (relative to the working directory when below it)
     * @param format the format's label, or null when skipped or failed
     * @param status scanned, skipped (not a deployment descriptor) or failed (could not be read)
     * @param error why it failed ({@code file:line:col: reason}), or null
     */
    public record FileEntry(String file, String format, FileStatus status, String error) {}

    private final List<CheckInfo> checks;
    private final List<ReportedFinding> findings;
    private final List<FileEntry> files;
    private final List<String> problems;
    private final boolean baselineUsed;

    private ScanReport(
            List<CheckInfo> checks,
            List<ReportedFinding> findings,
            List<FileEntry> files,
            List<String> problems,
            boolean baselineUsed) {
        this.checks = List.copyOf(checks);
        this.findings = List.copyOf(findings);
        this.files = List.copyOf(files);
        this.problems = List.copyOf(problems);
        this.baselineUsed = baselineUsed;
    }

    /**
     * Builds the report of {@code results}.
     *
     * @param checks the checks that ran (the rules of a SARIF log)
     * @param baseline accepted fingerprints ({@link Baseline#empty()} for none)
     * @param baselineUsed true when a baseline was given (SARIF then states each result's baselineState)
     * @param workDir the directory file names are reported relative to
     */
    public static ScanReport of(
            List<FileResult> results, List<Check> checks, Baseline baseline, boolean baselineUsed, Path workDir) {
        List<ReportedFinding> findings = new ArrayList<>();
        List<FileEntry> files = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (FileResult r : results) {
            String file = display(r.file(), workDir);
            if (r.error() != null) {
                files.add(new FileEntry(file, null, FileStatus.FAILED, r.error()));
                problems.add(r.error());
                continue;
            }
            if (r.format() == null) {
                files.add(new FileEntry(file, null, FileStatus.SKIPPED, null));
                continue;
            }
            files.add(new FileEntry(file, r.format().label(), FileStatus.SCANNED, null));
            problems.addAll(r.problems());
            for (Finding f : r.findings()) {
                String fp = Fingerprint.of(f, file);
                Suppression s = r.suppressions().stream()
                        .filter(x -> x.covers(f))
                        .findFirst()
                        .orElse(null);
                ReportedFinding.Status status = s != null
                        ? ReportedFinding.Status.SUPPRESSED
                        : baseline.contains(fp) ? ReportedFinding.Status.BASELINE : ReportedFinding.Status.NEW;
                findings.add(new ReportedFinding(f, file, fp, status, s));
            }
        }
        findings.sort(Comparator.comparing(ReportedFinding::file)
                .thenComparing(f -> -f.finding().severity().ordinal())
                .thenComparingInt(f -> f.finding().location().line())
                .thenComparing(f -> f.finding().checkId()));
        return new ScanReport(checks.stream().map(Check::info).toList(), findings, files, problems, baselineUsed);
    }

    /** {@code file} relative to {@code workDir} when below it, normalised, with {@code /} separators. */
    public static String display(String file, Path workDir) {
        Path p = Path.of(file);
        Path abs = p.toAbsolutePath().normalize();
        Path base = workDir.toAbsolutePath().normalize();
        Path shown = abs.startsWith(base) ? base.relativize(abs) : p.normalize();
        String s = shown.toString().replace('\\', '/');
        return s.isEmpty() ? "." : s;
    }

    /** The checks that ran. */
    public List<CheckInfo> checks() {
        return checks;
    }

    /** Every finding, suppressed ones included, by file, then severity (highest first), then line. */
    public List<ReportedFinding> findings() {
        return findings;
    }

    /** Findings that are not suppressed. */
    public List<ReportedFinding> unsuppressed() {
        return findings.stream()
                .filter(f -> f.status() != ReportedFinding.Status.SUPPRESSED)
                .toList();
    }

    /** Every file, in scan order. */
    public List<FileEntry> files() {
        return files;
    }

    /** Unreadable files and non-fatal problems, each {@code file:line:col: reason}. */
    public List<String> problems() {
        return problems;
    }

    /** True when a baseline was given. */
    public boolean baselineUsed() {
        return baselineUsed;
    }

    /** Number of files with the given status. */
    public long count(FileStatus status) {
        return files.stream().filter(f -> f.status() == status).count();
    }

    /** Number of findings with the given status. */
    public long count(ReportedFinding.Status status) {
        return findings.stream().filter(f -> f.status() == status).count();
    }

    /** Unsuppressed findings per severity, highest first, every severity present. */
    public Map<Severity, Long> bySeverity() {
        Map<Severity, Long> m = new EnumMap<>(Severity.class);
        for (Severity s : Severity.values()) {
            m.put(s, 0L);
        }
        for (ReportedFinding f : unsuppressed()) {
            m.merge(f.finding().severity(), 1L, Long::sum);
        }
        return m;
    }

    /** True when a new finding is at or above {@code threshold} (null: never). */
    public boolean failsAt(Severity threshold) {
        return threshold != null
                && findings.stream()
                        .anyMatch(f -> f.status() == ReportedFinding.Status.NEW
                                && f.finding().severity().compareTo(threshold) >= 0);
    }
}
