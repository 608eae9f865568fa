package dev.vigil.posture.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.core.Severity;
import dev.vigil.core.VigilVersion;
import dev.vigil.posture.check.CheckInfo;
import dev.vigil.posture.check.Finding;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * SARIF 2.1.0 for code-scanning services (GitHub code scanning and others): one run whose rules are the checks that
 * ran (id = check id, name = catalogue slug), results with file-relative locations under {@code %SRCROOT%}, partial
 * fingerprints, suppressions with their justification, and an invocation that lists unreadable files.
 */
public final class SarifReport {
    /** The {@code $schema} written at the top. */
    public static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private SarifReport() {}

    /** SARIF's level for a severity. */
    public static String level(Severity s) {
        return switch (s) {
            case CRITICAL, HIGH -> "error";
            case MEDIUM -> "warning";
            case LOW, INFO -> "note";
        };
    }

    /** GitHub's numeric {@code security-severity} (critical ≥ 9, high ≥ 7, medium ≥ 4, low > 0). */
    public static String securitySeverity(Severity s) {
        return switch (s) {
            case CRITICAL -> "9.5";
            case HIGH -> "8.0";
            case MEDIUM -> "5.5";
            case LOW -> "3.0";
            case INFO -> "1.0";
        };
    }

    /**
     * The SARIF log of {@code report}.
     *
     * @param workDir the directory file URIs are relative to ({@code %SRCROOT%})
     */
    public static ObjectNode tree(ScanReport report, Path workDir) {
        ObjectNode root = JSON.createObjectNode();
        root.put("$schema", SCHEMA);
        root.put("version", "2.1.0");
        ObjectNode run = root.putArray("runs").addObject();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", "Vigil");
        driver.put("semanticVersion", VigilVersion.VERSION);
        driver.put("version", VigilVersion.VERSION);
        driver.put("informationUri", ReportFormat.DOC_BASE + "docs/scan.md");
        ArrayNode rules = driver.putArray("rules");
        Map<String, Integer> ruleIndex = new HashMap<>();
        for (CheckInfo c : report.checks()) {
            ruleIndex.put(c.id(), rules.size());
            rule(rules.addObject(), c);
        }
        for (ReportedFinding rf : report.findings()) {
            // A finding of a check outside the list (never expected) still gets a rule, so indexes stay valid.
            if (!ruleIndex.containsKey(rf.finding().checkId())) {
                ruleIndex.put(rf.finding().checkId(), rules.size());
                rule(rules.addObject(), rf.finding().check());
            }
        }
        String base = workDir.toAbsolutePath().normalize().toUri().toString();
        run.putObject("originalUriBaseIds").putObject("%SRCROOT%").put("uri", base.endsWith("/") ? base : base + "/");
        ObjectNode invocation = run.putArray("invocations").addObject();
        invocation.put("executionSuccessful", true);
        ArrayNode notes = invocation.putArray("toolExecutionNotifications");
        for (ScanReport.FileEntry e : report.files()) {
            if (e.status() == ScanReport.FileStatus.FAILED) {
                ObjectNode n = notes.addObject();
                n.put("level", "error");
                n.putObject("message").put("text", e.error());
                location(n.putArray("locations").addObject(), e.file(), lineOf(e.error()), 1);
            }
        }
        for (String p : report.problems()) {
            if (report.files().stream().noneMatch(e -> p.equals(e.error()))) {
                ObjectNode n = notes.addObject();
                n.put("level", "warning");
                n.putObject("message").put("text", p);
            }
        }
        ArrayNode results = run.putArray("results");
        for (ReportedFinding rf : report.findings()) {
            Finding f = rf.finding();
            ObjectNode r = results.addObject();
            r.put("ruleId", f.checkId());
            r.put("ruleIndex", ruleIndex.get(f.checkId()));
            r.put("level", level(f.severity()));
            r.putObject("message").put("text", f.message());
            ObjectNode loc = r.putArray("locations").addObject();
            location(loc, rf.file(), f.location().line(), f.location().column());
            ObjectNode logical = loc.putArray("logicalLocations").addObject();
            logical.put("name", f.subject());
            logical.put("kind", "resource");
            r.putObject("partialFingerprints").put("vigil/v1", rf.fingerprint());
            if (report.baselineUsed()) {
                r.put("baselineState", rf.status() == ReportedFinding.Status.BASELINE ? "unchanged" : "new");
            }
            if (rf.status() == ReportedFinding.Status.SUPPRESSED) {
                ObjectNode s = r.putArray("suppressions").addObject();
                s.put("kind", "inSource");
                s.put("status", "accepted");
                s.put("justification", rf.suppression().reason());
            }
            ObjectNode props = r.putObject("properties");
            props.put("severity", f.severity().id());
            props.put("subject", f.subject());
        }
        return root;
    }

    private static void rule(ObjectNode r, CheckInfo c) {
        r.put("id", c.id());
        r.put("name", c.name());
        r.putObject("shortDescription").put("text", c.title());
        r.putObject("fullDescription").put("text", c.rationale());
        String equivalents =
                c.equivalents().isEmpty() ? "" : " Equivalents: " + String.join(", ", c.equivalents()) + ".";
        ObjectNode help = r.putObject("help");
        help.put("text", c.remediation() + equivalents);
        help.put(
                "markdown",
                "**Fix:** " + c.remediation() + (equivalents.isEmpty() ? "" : "\n\n" + equivalents.trim())
                        + "\n\n[Documentation](" + ReportFormat.docUrl(c.doc()) + ")");
        r.put("helpUri", ReportFormat.docUrl(c.doc()));
        r.putObject("defaultConfiguration").put("level", level(c.severity()));
        ObjectNode props = r.putObject("properties");
        props.put("security-severity", securitySeverity(c.severity()));
        props.put("precision", "high");
        ArrayNode tags = props.putArray("tags");
        for (String t :
                List.of("security", c.category().name().toLowerCase(Locale.ROOT).replace('_', '-'))) {
            tags.add(t);
        }
    }

    private static void location(ObjectNode loc, String file, int line, int column) {
        ObjectNode phys = loc.putObject("physicalLocation");
        ObjectNode art = phys.putObject("artifactLocation");
        art.put("uri", uri(file));
        art.put("uriBaseId", "%SRCROOT%");
        ObjectNode region = phys.putObject("region");
        region.put("startLine", Math.max(1, line));
        region.put("startColumn", Math.max(1, column));
    }

    /** A relative URI reference for a reported file name (spaces and other reserved characters escaped). */
    static String uri(String file) {
        StringBuilder b = new StringBuilder();
        for (String seg : file.split("/", -1)) {
            if (b.length() > 0) {
                b.append('/');
            }
            b.append(java.net.URLEncoder.encode(seg, java.nio.charset.StandardCharsets.UTF_8)
                    .replace("+", "%20"));
        }
        return b.toString();
    }

    private static int lineOf(String error) {
        // Errors read "file:line:col: reason"; take the line when it is there.
        if (error == null) {
            return 1;
        }
        String[] parts = error.split(":");
        for (int i = 0; i + 2 < parts.length; i++) {
            try {
                int line = Integer.parseInt(parts[i + 1].trim());
                Integer.parseInt(parts[i + 2].trim());
                return line;
            } catch (NumberFormatException e) {
                // not this split
            }
        }
        return 1;
    }

    /** Writes the log, pretty-printed, with a final newline. */
    public static void write(ScanReport report, Path workDir, Writer out) throws IOException {
        out.write(JSON.writeValueAsString(tree(report, workDir)));
        out.write("\n");
        out.flush();
    }
}
