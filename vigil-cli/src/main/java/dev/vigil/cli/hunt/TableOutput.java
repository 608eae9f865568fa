package dev.vigil.cli.hunt;

import dev.vigil.detect.engine.CorrelationMatch;
import dev.vigil.detect.event.EventOrigin;
import dev.vigil.detect.event.EventTime;
import dev.vigil.detect.rule.RuleInfo;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * For people: matches grouped by rule, most severe level first, then most frequent; one row per rule with count,
 * first and last event time and a sample location. Correlations follow in their own section, one row per group that
 * fired. Every rule's author is shown (the SigmaHQ Detection Rule License requires it). All text is escaped.
 */
public final class TableOutput implements HuntOutput {
    static final int TITLE_WIDTH = 60;
    static final int ID_WIDTH = 40;
    static final int LOCATION_WIDTH = 60;
    static final int AUTHOR_WIDTH = 300;
    static final int GROUP_WIDTH = 80;

    private final Writer out;
    private final Map<String, RuleRow> rules = new LinkedHashMap<>();
    private final Map<String, List<CorrelationMatch>> correlations = new LinkedHashMap<>();

    /** Writes to {@code out} when the hunt finishes. */
    public TableOutput(Writer out) {
        this.out = out;
    }

    @Override
    public void hit(Hit hit) {
        rules.computeIfAbsent(hit.info().key(), k -> new RuleRow(hit.info(), hit.origin()))
                .add(hit.timeMillis());
    }

    @Override
    public void correlation(CorrelationMatch match) {
        correlations.computeIfAbsent(match.info().key(), k -> new ArrayList<>()).add(match);
    }

    @Override
    public void finish() throws IOException {
        if (rules.isEmpty() && correlations.isEmpty()) {
            out.write("No matches.\n");
            out.flush();
            return;
        }
        if (!rules.isEmpty()) {
            List<RuleRow> sorted = new ArrayList<>(rules.values());
            sorted.sort(Comparator.comparing((RuleRow r) -> r.info.level())
                    .reversed()
                    .thenComparing(
                            Comparator.comparingLong((RuleRow r) -> r.count).reversed())
                    .thenComparing(r -> r.info.title()));
            long total = sorted.stream().mapToLong(r -> r.count).sum();
            out.write(String.format("Matches: %,d by %,d rules%n", total, sorted.size()));
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[] {"LEVEL", "TITLE", "ID", "COUNT", "FIRST SEEN", "LAST SEEN", "SAMPLE", "AUTHOR"});
            for (RuleRow r : sorted) {
                rows.add(new String[] {
                    r.info.level().id(),
                    Escape.clip(r.info.title(), TITLE_WIDTH),
                    Escape.clip(r.info.id() != null ? r.info.id() : r.info.key(), ID_WIDTH),
                    String.format("%,d", r.count),
                    time(r.first),
                    time(r.last),
                    Escape.clipStart(r.sample.toString(), LOCATION_WIDTH),
                    author(r.info)
                });
            }
            writeRows(rows, 3);
        }
        if (!correlations.isEmpty()) {
            if (!rules.isEmpty()) {
                out.write("\n");
            }
            List<List<CorrelationMatch>> groups = new ArrayList<>(correlations.values());
            groups.sort(Comparator.comparing(
                            (List<CorrelationMatch> g) -> g.get(0).info().level())
                    .reversed()
                    .thenComparing(Comparator.comparingInt((List<CorrelationMatch> g) -> g.size())
                            .reversed())
                    .thenComparing(g -> g.get(0).info().title()));
            long total = groups.stream().mapToLong(List::size).sum();
            out.write(String.format("Correlations: %,d by %,d rules%n", total, groups.size()));
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[] {
                "LEVEL",
                "TITLE",
                "ID",
                "TYPE",
                "GROUP",
                "VALUE",
                "EVENTS",
                "WINDOW START",
                "FIRED AT",
                "LOCATION",
                "AUTHOR"
            });
            for (List<CorrelationMatch> g : groups) {
                for (CorrelationMatch m : g) {
                    RuleInfo info = m.info();
                    rows.add(new String[] {
                        info.level().id(),
                        Escape.clip(info.title(), TITLE_WIDTH),
                        Escape.clip(info.id() != null ? info.id() : info.key(), ID_WIDTH),
                        m.rule().type().id(),
                        Escape.clip(group(m.group()), GROUP_WIDTH),
                        number(m.aggregate()),
                        Integer.toString(m.events()),
                        time(m.windowStartMillis()),
                        time(m.timeMillis()),
                        Escape.clipStart(m.origin().toString(), LOCATION_WIDTH),
                        author(info)
                    });
                }
            }
            writeRows(rows, 5);
        }
        out.flush();
    }

    private static String author(RuleInfo info) {
        return info.author() == null || info.author().isBlank() ? "-" : Escape.clip(info.author(), AUTHOR_WIDTH);
    }

    private static String group(Map<String, String> group) {
        if (group.isEmpty()) {
            return "-";
        }
        return group.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(", "));
    }

    private static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : String.format("%.3f", v);
    }

    private static String time(long millis) {
        return millis == EventTime.UNKNOWN ? "-" : MatchFields.iso(millis);
    }

    /** Writes aligned columns; column {@code rightAligned} (a count) is right-aligned; the last is not padded. */
    private void writeRows(List<String[]> rows, int rightAligned) throws IOException {
        int cols = rows.get(0).length;
        int[] width = new int[cols];
        for (String[] row : rows) {
            for (int c = 0; c < cols; c++) {
                width[c] = Math.max(width[c], row[c].length());
            }
        }
        StringBuilder sb = new StringBuilder();
        for (String[] row : rows) {
            sb.setLength(0);
            for (int c = 0; c < cols; c++) {
                String v = row[c];
                if (c == cols - 1) {
                    sb.append(v);
                } else if (c == rightAligned) {
                    sb.append(" ".repeat(width[c] - v.length())).append(v).append("  ");
                } else {
                    sb.append(v).append(" ".repeat(width[c] - v.length())).append("  ");
                }
            }
            out.write(sb.toString().stripTrailing());
            out.write('\n');
        }
    }

    private static final class RuleRow {
        final RuleInfo info;
        final EventOrigin sample;
        long count;
        long first = EventTime.UNKNOWN;
        long last = EventTime.UNKNOWN;

        RuleRow(RuleInfo info, EventOrigin sample) {
            this.info = info;
            this.sample = sample;
        }

        void add(long time) {
            count++;
            if (time != EventTime.UNKNOWN) {
                if (first == EventTime.UNKNOWN || time < first) {
                    first = time;
                }
                if (last == EventTime.UNKNOWN || time > last) {
                    last = time;
                }
            }
        }
    }
}
