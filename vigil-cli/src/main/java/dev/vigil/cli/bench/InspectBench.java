package dev.vigil.cli.bench;

import dev.vigil.shield.OfflineInspector;
import dev.vigil.shield.detect.DetectionSink;
import dev.vigil.shield.detect.Detector;
import dev.vigil.shield.inspect.InspectedValue;
import dev.vigil.shield.inspect.Source;
import dev.vigil.shield.json.Json;
import dev.vigil.shield.json.JsonException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;

/**
 * Measures detector throughput: payloads per second through normalisation and the detectors, single thread, over
 * payloads from JSON-lines files (the {@code payload} of each record, as {@code vigil inspect} reads them), plus the
 * share each detector takes.
 */
public final class InspectBench {

    private InspectBench() {}

    /** The payload strings of every record with a string {@code payload}, in file order. */
    public static List<String> loadPayloads(List<Path> files) throws IOException {
        List<String> out = new ArrayList<>();
        for (Path file : files) {
            try (InputStream raw = Files.newInputStream(file);
                    InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw;
                    BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    if (line.isBlank()) {
                        continue;
                    }
                    try {
                        if (Json.parse(line) instanceof Map<?, ?> m && m.get("payload") instanceof String p) {
                            out.add(p);
                        }
                    } catch (JsonException e) {
                        // not a payload record: skipped, as the summary's count shows
                    }
                }
            }
        }
        return out;
    }

    /**
     * Payloads per second through {@code inspector}, best of {@code reps} passes after {@code warmupReps} passes.
     *
     * @return {@code [payloadsPerSecond, detectedCount]}
     */
    public static double[] throughput(OfflineInspector inspector, List<String> payloads, int warmupReps, int reps) {
        String[] values = payloads.toArray(new String[0]);
        long detected = 0;
        for (int r = 0; r < warmupReps; r++) {
            detected = pass(inspector, values);
        }
        long best = Long.MAX_VALUE;
        for (int r = 0; r < reps; r++) {
            long t0 = System.nanoTime();
            detected = pass(inspector, values);
            best = Math.min(best, System.nanoTime() - t0);
        }
        return new double[] {values.length / (best / 1e9), detected};
    }

    private static long pass(OfflineInspector inspector, String[] values) {
        long detected = 0;
        for (String v : values) {
            if (!inspector.inspectValue("query.q", "q", Source.QUERY, v).isEmpty()) {
                detected++;
            }
        }
        return detected;
    }

    /**
     * The whole measurement as a JSON-ready map: all chosen detectors together, normalisation alone, and each
     * detector alone (normalisation included in each figure).
     */
    public static Map<String, Object> run(
            List<Path> files, List<String> payloads, OfflineInspector all, int warmupReps, int reps) {
        long bytes = 0;
        for (String p : payloads) {
            bytes += p.length();
        }
        Map<String, Object> out = new LinkedHashMap<>();
        List<String> names = new ArrayList<>();
        for (Path f : files) {
            names.add(f.getFileName().toString());
        }
        out.put("files", names);
        out.put("payloads", payloads.size());
        out.put("avg_chars", payloads.isEmpty() ? 0 : Math.round(10.0 * bytes / payloads.size()) / 10.0);
        out.put("threads", 1);
        double[] together = throughput(all, payloads, warmupReps, reps);
        out.put("detectors", all.detectorIds());
        out.put("payloads_per_s", Math.round(together[0]));
        out.put("ns_per_payload", round1(1e9 / together[0]));
        out.put("flagged", (long) together[1]);
        double[] none = throughput(new OfflineInspector(List.of(new NoDetector())), payloads, warmupReps, reps);
        out.put("normalisation_only_ns_per_payload", round1(1e9 / none[0]));
        Map<String, Object> each = new LinkedHashMap<>();
        for (String id : all.detectorIds()) {
            double[] one = throughput(OfflineInspector.only(Set.of(id)), payloads, warmupReps, reps);
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("ns_per_payload_with_normalisation", round1(1e9 / one[0]));
            d.put("flagged", (long) one[1]);
            each.put(id, d);
        }
        out.put("each_detector", each);
        return out;
    }

    private static double round1(double v) {
        return Math.round(v * 10) / 10.0;
    }

    /** Finds nothing: with it, a pass costs the normalisation and the walk alone (with no detector at all nothing is normalised). */
    private static final class NoDetector implements Detector {
        @Override
        public String id() {
            return "none";
        }

        @Override
        public String category() {
            return "none";
        }

        @Override
        public void inspect(InspectedValue value, DetectionSink sink) {}
    }
}
