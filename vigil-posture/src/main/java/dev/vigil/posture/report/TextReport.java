package dev.vigil.posture.report;

import dev.vigil.core.Severity;
import dev.vigil.posture.check.Finding;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The report for people: findings grouped by file, then by function or resource (the most severe group first),
 * each with its severity, check id, line and message; then problems and a summary line. Colour only when asked
 * (the CLI asks on a terminal).
 */
public final class TextReport {
    private static final String RESET = "\u001b[0m";
    private static final String BOLD = "\u001b[1m";
    private static final String DIM = "\u001b[2m";

    private final boolean color;
    private final boolean showSuppressed;

    /**
     * @param color ANSI colours
     * @param showSuppressed also list suppressed findings (with their reasons)
     */
    public TextReport(boolean color, boolean showSuppressed) {
        this.color = color;
        this.showSuppressed = showSuppressed;
    }

    /** Writes {@code report} to {@code out}, problems included. */
    public void write(ScanReport report, PrintWriter out) {
        write(report, out, true);
    }

    /**
     * Writes {@code report} to {@code out}.
     *
     * @param problems include the problems (the CLI prints them on standard error already when writing to a
     *     terminal)
     */
    public void write(ScanReport report, PrintWriter out, boolean problems) {
        Map<String, List<ReportedFinding>> byFile = new LinkedHashMap<>();
        for (ReportedFinding f : report.findings()) {
            if (f.status() == ReportedFinding.Status.SUPPRESSED && !showSuppressed) {
                continue;
            }
            byFile.computeIfAbsent(f.file(), k -> new ArrayList<>()).add(f);
        }
        for (Map.Entry<String, List<ReportedFinding>> file : byFile.entrySet()) {
            String format = report.files().stream()
                    .filter(e -> e.file().equals(file.getKey()))
                    .map(ScanReport.FileEntry::format)
                    .findFirst()
                    .orElse(null);
            out.println(style(BOLD, file.getKey()) + (format == null ? "" : style(DIM, " (" + format + ")")));
            Map<String, List<ReportedFinding>> bySubject = new LinkedHashMap<>();
            for (ReportedFinding f : file.getValue()) {
                bySubject
                        .computeIfAbsent(f.finding().subject(), k -> new ArrayList<>())
                        .add(f);
            }
            for (Map.Entry<String, List<ReportedFinding>> subject : bySubject.entrySet()) {
                out.println("  " + style(BOLD, subject.getKey()));
                for (ReportedFinding f : subject.getValue()) {
                    line(f, out);
                }
            }
            out.println();
        }
        List<String> shown = problems ? report.problems() : List.of();
        for (String p : shown) {
            out.println(style(DIM, "problem: ") + p);
        }
        if (!shown.isEmpty()) {
            out.println();
        }
        out.println(summary(report));
        out.flush();
    }

    private void line(ReportedFinding rf, PrintWriter out) {
        Finding f = rf.finding();
        String sev = String.format(Locale.ROOT, "%-8s", f.severity().id().toUpperCase(Locale.ROOT));
        StringBuilder b = new StringBuilder("    ")
                .append(style(colour(f.severity()), sev))
                .append(' ')
                .append(f.checkId())
                .append(' ')
                .append(style(DIM, f.location().line() + ":" + f.location().column()))
                .append("  ")
                .append(f.check().title())
                .append(": ")
                .append(f.message());
        if (rf.status() == ReportedFinding.Status.BASELINE) {
            b.append(style(DIM, " [baseline]"));
        } else if (rf.status() == ReportedFinding.Status.SUPPRESSED) {
            b.append(style(DIM, " [suppressed: " + rf.suppression().reason() + "]"));
        }
        out.println(b);
    }

    /** The summary line, e.g. {@code 3 findings (critical 1, high 2, …); 1 suppressed; files: 5 scanned, …}. */
    public static String summary(ScanReport report) {
        Map<Severity, Long> counts = report.bySeverity();
        long total = counts.values().stream().mapToLong(Long::longValue).sum();
        List<String> parts = new ArrayList<>();
        for (Severity s : List.of(Severity.CRITICAL, Severity.HIGH, Severity.MEDIUM, Severity.LOW, Severity.INFO)) {
            parts.add(s.id() + " " + counts.get(s));
        }
        StringBuilder b = new StringBuilder()
                .append(total)
                .append(total == 1 ? " finding (" : " findings (")
                .append(String.join(", ", parts))
                .append(')');
        if (report.baselineUsed()) {
            b.append("; ")
                    .append(report.count(ReportedFinding.Status.NEW))
                    .append(" new, ")
                    .append(report.count(ReportedFinding.Status.BASELINE))
                    .append(" in baseline");
        }
        b.append("; ").append(report.count(ReportedFinding.Status.SUPPRESSED)).append(" suppressed");
        b.append("; files: ")
                .append(report.count(ScanReport.FileStatus.SCANNED))
                .append(" scanned, ")
                .append(report.count(ScanReport.FileStatus.SKIPPED))
                .append(" skipped, ")
                .append(report.count(ScanReport.FileStatus.FAILED))
                .append(" failed");
        return b.toString();
    }

    private static String colour(Severity s) {
        return switch (s) {
            case CRITICAL -> "\u001b[1;35m";
            case HIGH -> "\u001b[1;31m";
            case MEDIUM -> "\u001b[33m";
            case LOW -> "\u001b[36m";
            case INFO -> "\u001b[2m";
        };
    }

    private String style(String code, String text) {
        return color ? code + text + RESET : text;
    }
}
