import dev.vigil.shield.json.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Scores `vigil inspect` verdicts against labelled payload files and prints docs/detection-quality.md.
 * Run by scripts/eval-waf (java source-file mode, with the vigil jar on the class path for its JSON reader).
 *
 * Arguments: DATA_DIR VERDICT_DIR ANCHOR_FILE|- DETAILS_DIR|- DETECTORS COMMAND MACHINE
 * A record is detected when its verdict is "malicious" (any category), as in the libinjection anchor
 * (is_sqli OR is_xss); the "right category" column says how often the category matched too.
 */
public class EvalWaf {

    static final class Cell {
        int total;
        int detected;
        int rightCategory;
    }

    static final double FP_GOAL = 0.1;
    static final double OTHER_GOAL = 95.0;
    static final double SQLI_XSS_FLOOR = 99.0;

    public static void main(String[] args) throws IOException {
        Path data = Path.of(args[0]);
        Path verdicts = Path.of(args[1]);
        Map<String, Double> anchor = args[2].equals("-") ? Map.of() : readAnchor(Path.of(args[2]));
        Path details = args[3].equals("-") ? null : Path.of(args[3]);
        String detectors = args[4];
        String command = args[5];
        String machine = args[6];

        Map<String, Map<String, Cell>> detect = new TreeMap<>();
        Map<String, Cell> benign = new TreeMap<>();
        Map<String, Cell> crsByLevel = new TreeMap<>();
        Map<String, Cell> flaggedAs = new TreeMap<>();
        int missing = 0;
        List<Path> files = new ArrayList<>();
        try (var s = Files.list(data)) {
            s.filter(p -> p.toString().endsWith(".jsonl")).sorted().forEach(files::add);
        }
        if (details != null) {
            Files.createDirectories(details);
        }
        for (Path file : files) {
            String dataset = file.getFileName().toString().replace(".jsonl", "");
            Path verdictFile = verdicts.resolve(dataset + ".verdicts");
            Map<String, Map<String, Object>> byId = new HashMap<>();
            try (BufferedReader r = Files.newBufferedReader(verdictFile, StandardCharsets.UTF_8)) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> v = (Map<String, Object>) Json.parse(line);
                    byId.put(String.valueOf(v.get("id")), v);
                }
            }
            PrintWriter misses = details == null ? null : writer(details.resolve("misses-" + dataset + ".jsonl"));
            PrintWriter fps = details == null ? null : writer(details.resolve("fp-" + dataset + ".jsonl"));
            try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> rec = (Map<String, Object>) Json.parse(line);
                    String id = String.valueOf(rec.get("id"));
                    Map<String, Object> v = byId.get(id);
                    if (v == null || "error".equals(v.get("verdict"))) {
                        missing++;
                        continue;
                    }
                    boolean flagged = "malicious".equals(v.get("verdict"));
                    String category = String.valueOf(rec.get("category"));
                    List<?> cats = (List<?>) v.get("categories");
                    if ("benign".equals(rec.get("label"))) {
                        Cell c = benign.computeIfAbsent(dataset, k -> new Cell());
                        c.total++;
                        if (flagged) {
                            c.detected++;
                            for (Object cat : cats) {
                                flaggedAs.computeIfAbsent(String.valueOf(cat), k -> new Cell()).detected++;
                            }
                            if (fps != null) {
                                fps.println(detail(rec, v));
                            }
                        }
                        continue;
                    }
                    Cell c = detect.computeIfAbsent(dataset, k -> new TreeMap<>())
                            .computeIfAbsent(category, k -> new Cell());
                    c.total++;
                    if (flagged) {
                        c.detected++;
                        if (cats.contains(category)) {
                            c.rightCategory++;
                        }
                    } else if (misses != null) {
                        misses.println(detail(rec, v));
                    }
                    Object pl = rec.get("crs_paranoia_level");
                    if (pl != null) {
                        Cell l = crsByLevel.computeIfAbsent(category + " PL" + pl, k -> new Cell());
                        l.total++;
                        if (flagged) {
                            l.detected++;
                        }
                    }
                }
            }
            if (misses != null) {
                misses.close();
                fps.close();
            }
        }
        print(detect, benign, crsByLevel, flaggedAs, anchor, missing, detectors, command, machine);
    }

    static PrintWriter writer(Path p) throws IOException {
        return new PrintWriter(Files.newBufferedWriter(p, StandardCharsets.UTF_8));
    }

    static String detail(Map<String, Object> rec, Map<String, Object> v) {
        Map<String, Object> d = new TreeMap<>();
        d.put("id", rec.get("id"));
        d.put("category", rec.get("category"));
        d.put("payload", rec.get("payload"));
        d.put("flagged_as", v.get("categories"));
        d.put("rule_ids", v.get("rule_ids"));
        return Json.writeString(d);
    }

    static Map<String, Double> readAnchor(Path p) throws IOException {
        Map<String, Double> out = new HashMap<>();
        if (!Files.exists(p)) {
            return out;
        }
        Pattern row = Pattern.compile("^(detect|benign)\\s+(\\S+)\\s+(\\S+)\\s+(\\d+)/(\\d+)\\s+([0-9.]+)%");
        boolean shared = false;
        for (String line : Files.readAllLines(p)) {
            if (line.startsWith("## ")) {
                shared = line.contains("shared");
            }
            Matcher m = row.matcher(line.trim());
            if (shared && m.find()) {
                // the exact ratio, not the rounded percentage, so equal counts compare as equal
                out.put(m.group(2) + "/" + m.group(3),
                        100.0 * Long.parseLong(m.group(4)) / Long.parseLong(m.group(5)));
            }
        }
        return out;
    }

    static String pct(int n, int d) {
        return d == 0 ? "–" : String.format(Locale.ROOT, "%.2f %%", 100.0 * n / d);
    }

    static void print(
            Map<String, Map<String, Cell>> detect,
            Map<String, Cell> benign,
            Map<String, Cell> crsByLevel,
            Map<String, Cell> flaggedAs,
            Map<String, Double> anchor,
            int missing,
            String detectors,
            String command,
            String machine) {
        StringBuilder o = new StringBuilder();
        List<String> goals = new ArrayList<>();
        o.append("# Detection quality\n\n");
        o.append("Generated by `").append(command).append("`; do not edit by hand.\n\n");
        o.append("- Detectors: ").append(detectors).append("\n");
        o.append("- Machine: ").append(machine).append("\n");
        o.append("- Data: the shared 80 % split of `../shared/data/payloads/*.jsonl` (third-party labelled payloads,")
                .append(" see its README); a private 20 % hold-out decides.\n");
        o.append("- A record counts as detected when `vigil inspect` calls it malicious, whatever the category")
                .append(" (the libinjection anchor counts is_sqli OR is_xss the same way). *Right category* is the")
                .append(" share also flagged with the record's own category.\n");
        o.append("- Anchor: libinjection (C, gcc -O2) on the same files, from")
                .append(" `../shared/research/anchor-libinjection.md`.\n\n");

        o.append("## Detection by dataset and category\n\n");
        o.append("| dataset | category | cases | detected | rate | right category | libinjection | goal |\n");
        o.append("|---|---|---:|---:|---:|---:|---:|---|\n");
        for (Map.Entry<String, Map<String, Cell>> d : detect.entrySet()) {
            for (Map.Entry<String, Cell> e : d.getValue().entrySet()) {
                Cell c = e.getValue();
                String key = d.getKey() + "/" + e.getKey();
                Double a = anchor.get(key);
                double rate = 100.0 * c.detected / c.total;
                String goal = goal(d.getKey(), e.getKey(), c, rate, a, goals);
                o.append("| ").append(d.getKey()).append(" | ").append(e.getKey()).append(" | ").append(c.total)
                        .append(" | ").append(c.detected).append(" | ").append(pct(c.detected, c.total))
                        .append(" | ").append(pct(c.rightCategory, c.total)).append(" | ")
                        .append(a == null ? "" : String.format(Locale.ROOT, "%.2f %%", a)).append(" | ")
                        .append(goal).append(" |\n");
            }
        }

        o.append("\n## False positives on benign records\n\n");
        o.append("| dataset | benign | flagged | rate | libinjection |\n|---|---:|---:|---:|---:|\n");
        int bt = 0;
        int bf = 0;
        for (Map.Entry<String, Cell> e : benign.entrySet()) {
            Cell c = e.getValue();
            bt += c.total;
            bf += c.detected;
            Double a = anchor.get(e.getKey() + "/false-positive");
            o.append("| ").append(e.getKey()).append(" | ").append(c.total).append(" | ").append(c.detected)
                    .append(" | ").append(pct(c.detected, c.total)).append(" | ")
                    .append(a == null ? "" : String.format(Locale.ROOT, "%.2f %%", a)).append(" |\n");
        }
        o.append("| **all** | ").append(bt).append(" | ").append(bf).append(" | **").append(pct(bf, bt))
                .append("** | 0.186 % |\n");
        double fpRate = bt == 0 ? 0 : 100.0 * bf / bt;
        goals.add((fpRate <= FP_GOAL ? "met" : "NOT met") + ": false positives over all benign records "
                + pct(bf, bt) + " (goal ≤ 0.1 %)");
        if (!flaggedAs.isEmpty()) {
            o.append("\nFalse positives by the category that flagged them:");
            for (Map.Entry<String, Cell> e : flaggedAs.entrySet()) {
                o.append(' ').append(e.getKey()).append(' ').append(e.getValue().detected).append(';');
            }
            o.setLength(o.length() - 1);
            o.append(".\n");
        }

        if (!crsByLevel.isEmpty()) {
            o.append("\n## CRS regression tests by paranoia level of the expected rule\n\n");
            o.append("PL1 rules are the ones CRS says rarely false-alarm; PL2–PL4 positives include deliberately weak")
                    .append(" signals.\n\n| category and level | cases | detected | rate |\n|---|---:|---:|---:|\n");
            for (Map.Entry<String, Cell> e : crsByLevel.entrySet()) {
                Cell c = e.getValue();
                o.append("| ").append(e.getKey()).append(" | ").append(c.total).append(" | ").append(c.detected)
                        .append(" | ").append(pct(c.detected, c.total)).append(" |\n");
            }
        }
        if (missing > 0) {
            o.append("\n**").append(missing).append(" records had no verdict** (unreadable or missing).\n");
        }
        o.append("\n## Goals\n\n");
        for (String g : goals) {
            o.append("- ").append(g).append("\n");
        }
        System.out.print(o);
    }

    static String goal(String dataset, String category, Cell c, double rate, Double anchor, List<String> goals) {
        String line;
        if (category.equals("sqli") || category.equals("xss")) {
            boolean beatsAnchor = anchor == null || rate + 1e-9 >= anchor;
            boolean floor = !(dataset.equals("httpparams") || dataset.equals("libinjection")) || rate >= SQLI_XSS_FLOOR;
            String need = anchor == null ? "" : String.format(Locale.ROOT, "≥ %.2f %%", anchor);
            if (dataset.equals("httpparams") || dataset.equals("libinjection")) {
                need = need + (need.isEmpty() ? "" : ", ") + "≥ 99 %";
            }
            if (need.isEmpty()) {
                return "";
            }
            boolean met = beatsAnchor && floor;
            line = (met ? "met" : "NOT met") + ": " + dataset + " " + category + " " + pct(c.detected, c.total)
                    + " (" + need + ")";
            goals.add(line);
            return (met ? "met " : "**not met** ") + need;
        }
        if (c.total >= 50 && !category.equals("other") && !category.equals("code_injection")) {
            boolean met = rate >= OTHER_GOAL;
            goals.add((met ? "met" : "NOT met") + ": " + dataset + " " + category + " " + pct(c.detected, c.total)
                    + " (≥ 95 %)");
            return (met ? "met" : "**not met**") + " ≥ 95 %";
        }
        if (c.total >= 50) {
            boolean met = rate >= OTHER_GOAL;
            goals.add((met ? "met" : "NOT met") + ": " + dataset + " " + category + " " + pct(c.detected, c.total)
                    + " (≥ 95 %; a category without a detector of its own in the issue's list)");
            return (met ? "met" : "**not met**") + " ≥ 95 %";
        }
        return "";
    }
}
