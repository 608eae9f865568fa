package dev.vigil.posture.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The findings a team has accepted for now, by fingerprint. {@code vigil scan --write-baseline FILE} writes one;
 * {@code --baseline FILE} marks findings whose fingerprint is in it as not new, so only new findings fail CI.
 *
 * <p>Format: {@code {"version": 1, "findings": [{"fingerprint", "checkId", "file", "subject"}, …]}}; only the
 * fingerprints matter, the rest is for people reading the file.
 */
public final class Baseline {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private final Set<String> fingerprints;

    private Baseline(Set<String> fingerprints) {
        this.fingerprints = Set.copyOf(fingerprints);
    }

    /** An empty baseline. */
    public static Baseline empty() {
        return new Baseline(Set.of());
    }

    /**
     * Reads a baseline file.
     *
     * @throws IOException when it cannot be read or is not a baseline (the message says why)
     */
    public static Baseline read(Path file) throws IOException {
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new IOException(file + ": not a baseline file: " + e.getMessage(), e);
        }
        if (root == null || !root.path("findings").isArray()) {
            throw new IOException(file + ": not a baseline file (no \"findings\" array)");
        }
        Set<String> fps = new HashSet<>();
        for (JsonNode f : root.get("findings")) {
            String fp = f.path("fingerprint").asText("");
            if (!fp.isEmpty()) {
                fps.add(fp);
            }
        }
        return new Baseline(fps);
    }

    /** True when the fingerprint is in the baseline. */
    public boolean contains(String fingerprint) {
        return fingerprints.contains(fingerprint);
    }

    /** Number of fingerprints. */
    public int size() {
        return fingerprints.size();
    }

    /** Writes the unsuppressed findings of {@code report} as a baseline. */
    public static void write(ScanReport report, Path file) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("version", 1);
        ArrayNode arr = root.putArray("findings");
        List<ReportedFinding> fs = report.findings().stream()
                .filter(f -> f.status() != ReportedFinding.Status.SUPPRESSED)
                .toList();
        for (ReportedFinding f : fs) {
            ObjectNode o = arr.addObject();
            o.put("fingerprint", f.fingerprint());
            o.put("checkId", f.finding().checkId());
            o.put("file", f.file());
            o.put("subject", f.finding().subject());
        }
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(file, JSON.writeValueAsString(root) + "\n");
    }
}
