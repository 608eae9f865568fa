package dev.vigil.cli.scan;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.posture.check.Check;
import dev.vigil.posture.check.CheckInfo;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/** {@code vigil scan --list-checks}: the catalogue as a table, JSON, or the Markdown table of docs/posture.md. */
public final class CheckList {
    private CheckList() {}

    /** Writes {@code checks} in {@code format} (text, json or markdown). */
    public static void write(List<Check> checks, String format, PrintWriter out) throws Exception {
        switch (format) {
            case "json" -> {
                ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
                ArrayNode arr = json.createArrayNode();
                for (Check c : checks) {
                    CheckInfo i = c.info();
                    ObjectNode o = arr.addObject();
                    o.put("id", i.id());
                    o.put("name", i.name());
                    o.put("severity", i.severity().id());
                    o.put("category", i.category().name().toLowerCase(Locale.ROOT));
                    o.put("title", i.title());
                    o.put("doc", i.doc());
                    ArrayNode eq = o.putArray("equivalents");
                    i.equivalents().forEach(eq::add);
                }
                out.println(json.writeValueAsString(arr));
            }
            case "markdown" -> out.print(markdown(checks));
            default -> {
                for (Check c : checks) {
                    CheckInfo i = c.info();
                    out.printf(
                            Locale.ROOT,
                            "%-16s %-9s %-38s %s%n",
                            i.id(),
                            i.severity().id(),
                            i.name(),
                            i.title());
                }
            }
        }
        out.flush();
    }

    /** The Markdown table of docs/posture.md. */
    public static String markdown(List<Check> checks) {
        return dev.vigil.posture.report.CheckTable.markdown(checks);
    }
}
