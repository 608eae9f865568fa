package dev.vigil.cli.hunt;

import dev.vigil.detect.engine.CorrelationMatch;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * One CSV row per match (RFC 4180: CRLF line ends, quotes doubled, cells with separators quoted). Safe to open in
 * a spreadsheet: a cell that starts with {@code = + - @} (and is more than that one character), tab or CR gets a leading {@code '} so it is not taken for
 * a formula, and control characters are escaped like everywhere else.
 */
public final class CsvOutput implements HuntOutput {
    /** The header row. */
    public static final List<String> HEADER = List.of(
            "kind",
            "level",
            "rule_id",
            "rule_name",
            "title",
            "author",
            "tags",
            "time",
            "file",
            "line",
            "index",
            "fields",
            "group",
            "aggregate",
            "window_start",
            "events");

    private final Writer out;
    private boolean headerWritten;

    /** Writes to {@code out}. */
    public CsvOutput(Writer out) {
        this.out = out;
    }

    /** One cell as written: neutralised, escaped and quoted when needed. */
    public static String cell(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        char first = value.charAt(0);
        boolean formula = first == '\t'
                || first == '\r'
                || (value.length() > 1 && (first == '=' || first == '+' || first == '-' || first == '@'));
        String v = formula ? "'" + value : value;
        v = Escape.text(v);
        boolean quote = v.indexOf(',') >= 0
                || v.indexOf('"') >= 0
                || v.indexOf(';') >= 0
                || v.startsWith(" ")
                || v.endsWith(" ");
        return quote ? '"' + v.replace("\"", "\"\"") + '"' : v;
    }

    @Override
    public void hit(Hit hit) throws IOException {
        List<String> row = common("match", hit.info(), hit.timeMillis(), hit.origin());
        row.add(cell(hit.fields().isEmpty() ? "" : JsonText.write(hit.fields())));
        row.add("");
        row.add("");
        row.add("");
        row.add("");
        write(row);
    }

    @Override
    public void correlation(CorrelationMatch m) throws IOException {
        List<String> row = common("correlation", m.info(), m.timeMillis(), m.origin());
        row.add("");
        row.add(cell(JsonText.write(m.group())));
        double a = m.aggregate();
        row.add(a == Math.rint(a) && Math.abs(a) < 1e15 ? Long.toString((long) a) : Double.toString(a));
        row.add(cell(MatchFields.iso(m.windowStartMillis())));
        row.add(Integer.toString(m.events()));
        write(row);
    }

    private static List<String> common(
            String kind, dev.vigil.detect.rule.RuleInfo info, long time, dev.vigil.detect.event.EventOrigin origin) {
        List<String> row = new ArrayList<>(HEADER.size());
        row.add(kind);
        row.add(info.level().id());
        row.add(cell(info.id()));
        row.add(cell(info.name()));
        row.add(cell(info.title()));
        row.add(cell(info.author()));
        row.add(cell(String.join(" ", info.tags())));
        row.add(cell(MatchFields.iso(time)));
        row.add(cell(origin.file()));
        row.add(Long.toString(origin.line()));
        row.add(origin.index() < 0 ? "" : Integer.toString(origin.index()));
        return row;
    }

    private void write(List<String> cells) throws IOException {
        if (!headerWritten) {
            headerWritten = true;
            out.write(String.join(",", HEADER));
            out.write("\r\n");
        }
        out.write(String.join(",", cells));
        out.write("\r\n");
    }

    @Override
    public void finish() throws IOException {
        if (!headerWritten) {
            headerWritten = true;
            out.write(String.join(",", HEADER));
            out.write("\r\n");
        }
        out.flush();
    }
}
