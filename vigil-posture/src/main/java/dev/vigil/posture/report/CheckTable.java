package dev.vigil.posture.report;

import dev.vigil.posture.check.Check;
import dev.vigil.posture.check.CheckInfo;
import java.util.List;

/** The Markdown table of every check in docs/posture.md ({@code vigil scan --list-checks --format markdown}). */
public final class CheckTable {
    private CheckTable() {}

    /** Marks the start of the generated table in docs/posture.md. */
    public static final String BEGIN = "<!-- checks:begin (generated: vigil scan --list-checks --format markdown) -->";
    /** Marks its end. */
    public static final String END = "<!-- checks:end -->";

    /** One row per check: id (linked to its doc section, relative to docs/), slug, severity, title, equivalents. */
    public static String markdown(List<Check> checks) {
        StringBuilder b = new StringBuilder(
                "| id | slug | severity | category | title | equivalents |\n|---|---|---|---|---|---|\n");
        for (Check c : checks) {
            CheckInfo i = c.info();
            String link = i.doc().startsWith("docs/") ? i.doc().substring("docs/".length()) : i.doc();
            b.append("| [")
                    .append(i.id())
                    .append("](")
                    .append(link)
                    .append(") | `")
                    .append(i.name())
                    .append("` | ")
                    .append(i.severity().id())
                    .append(" | ")
                    .append(i.category().title())
                    .append(" | ")
                    .append(cell(i.title()))
                    .append(" | ")
                    .append(cell(String.join(", ", i.equivalents())))
                    .append(" |\n");
        }
        return b.toString();
    }

    private static String cell(String s) {
        return s.replace("|", "\\|").replace("\n", " ");
    }
}
