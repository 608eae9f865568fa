package dev.vigil.posture.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.core.Severity;
import dev.vigil.core.VigilVersion;
import dev.vigil.posture.check.Finding;
import java.io.IOException;
import java.io.Writer;
import java.util.Locale;
import java.util.Map;

/**
 * The JSON report (schema version 1, documented in docs/scan.md): a summary, every finding (suppressed ones with
 * their reason), every file with what became of it, and the problems met. Fields are only ever added.
 */
public final class JsonReport {
    /** The schema version written in {@code "version"}. */
    public static final int VERSION = 1;

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonReport() {}

    /** The report as a JSON tree. */
    public static ObjectNode tree(ScanReport report) {
        ObjectNode root = JSON.createObjectNode();
        root.put("version", VERSION);
        ObjectNode tool = root.putObject("tool");
        tool.put("name", "vigil");
        tool.put("version", VigilVersion.VERSION);
        ObjectNode summary = root.putObject("summary");
        ObjectNode sev = summary.putObject("bySeverity");
        for (Map.Entry<Severity, Long> e : report.bySeverity().entrySet()) {
            sev.put(e.getKey().id(), e.getValue());
        }
        summary.put("findings", report.unsuppressed().size());
        summary.put("new", report.count(ReportedFinding.Status.NEW));
        summary.put("baseline", report.count(ReportedFinding.Status.BASELINE));
        summary.put("suppressed", report.count(ReportedFinding.Status.SUPPRESSED));
        summary.put("filesScanned", report.count(ScanReport.FileStatus.SCANNED));
        summary.put("filesSkipped", report.count(ScanReport.FileStatus.SKIPPED));
        summary.put("filesFailed", report.count(ScanReport.FileStatus.FAILED));
        ArrayNode findings = root.putArray("findings");
        for (ReportedFinding rf : report.findings()) {
            Finding f = rf.finding();
            ObjectNode o = findings.addObject();
            o.put("checkId", f.checkId());
            o.put("name", f.check().name());
            o.put("severity", f.severity().id());
            o.put("category", f.check().category().name().toLowerCase(Locale.ROOT));
            o.put("title", f.check().title());
            o.put("message", f.message());
            o.put("file", rf.file());
            o.put("line", f.location().line());
            o.put("column", f.location().column());
            o.put("subject", f.subject());
            o.put("doc", ReportFormat.docUrl(f.check().doc()));
            o.put("fingerprint", rf.fingerprint());
            o.put("status", rf.status().name().toLowerCase(Locale.ROOT));
            if (rf.suppression() != null) {
                ObjectNode s = o.putObject("suppression");
                s.put("reason", rf.suppression().reason());
                s.put("at", rf.suppression().location().toString());
            }
        }
        ArrayNode files = root.putArray("files");
        for (ScanReport.FileEntry e : report.files()) {
            ObjectNode o = files.addObject();
            o.put("file", e.file());
            o.put("status", e.status().name().toLowerCase(Locale.ROOT));
            if (e.format() != null) {
                o.put("format", e.format());
            }
            if (e.error() != null) {
                o.put("error", e.error());
            }
        }
        ArrayNode problems = root.putArray("problems");
        report.problems().forEach(problems::add);
        return root;
    }

    /** Writes the report, pretty-printed, with a final newline. */
    public static void write(ScanReport report, Writer out) throws IOException {
        out.write(JSON.writeValueAsString(tree(report)));
        out.write("\n");
        out.flush();
    }
}
