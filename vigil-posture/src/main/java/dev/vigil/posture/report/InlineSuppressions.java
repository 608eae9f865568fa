package dev.vigil.posture.report;

import dev.vigil.posture.source.Location;
import dev.vigil.posture.source.MapNode;
import dev.vigil.posture.source.Node;
import dev.vigil.posture.source.SeqNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Reads suppressions from a file's text (YAML comments) and from its resources' {@code Metadata.vigil.ignore}. */
public final class InlineSuppressions {
    private InlineSuppressions() {}

    /** The marker after {@code #}. */
    public static final String MARKER = "vigil:ignore";

    /** Suppressions found and problems with malformed ones ({@code file:line:col: reason}). */
    public record Result(List<Suppression> suppressions, List<String> problems) {}

    /** Reads both forms; {@code root} may be null (then only comments are read). */
    public static Result read(String file, String text, Node root) {
        List<Suppression> out = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        if (text != null && text.contains(MARKER)) {
            comments(file, text, out, problems);
        }
        if (root instanceof MapNode m && m.map("Resources") != null) {
            metadata(m.map("Resources"), out, problems);
        }
        return new Result(out, problems);
    }

    private static void comments(String file, String text, List<Suppression> out, List<String> problems) {
        int lineNo = 0;
        int pos = 0;
        while (pos <= text.length()) {
            int end = text.indexOf('\n', pos);
            if (end < 0) {
                end = text.length();
            }
            lineNo++;
            String line = text.substring(pos, end);
            int at = line.indexOf(MARKER);
            if (at >= 0) {
                int hash = line.lastIndexOf('#', at);
                if (hash >= 0
                        && (hash == 0 || Character.isWhitespace(line.charAt(hash - 1)))
                        && line.substring(hash + 1, at).isBlank()) {
                    Location loc = new Location(file, lineNo, hash + 1);
                    parse(line.substring(at + MARKER.length()).trim(), loc, null, out, problems);
                }
            }
            pos = end + 1;
        }
    }

    private static void parse(String rest, Location loc, String subject, List<Suppression> out, List<String> problems) {
        int space = rest.indexOf(' ');
        String ids = space < 0 ? rest : rest.substring(0, space);
        String reason = space < 0 ? "" : rest.substring(space + 1).trim();
        add(ids, reason, loc, subject, out, problems);
    }

    private static void add(
            String ids, String reason, Location loc, String subject, List<Suppression> out, List<String> problems) {
        List<String> checks = Arrays.stream(ids.split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .toList();
        if (checks.isEmpty()) {
            problems.add(loc + ": " + MARKER + " names no check id; it suppresses nothing");
        } else if (reason == null || reason.isBlank()) {
            problems.add(loc + ": " + MARKER + " " + String.join(",", checks)
                    + " has no reason; it suppresses nothing (write the reason after the ids)");
        } else {
            out.add(new Suppression(checks, reason.trim(), loc, subject));
        }
    }

    private static void metadata(MapNode resources, List<Suppression> out, List<String> problems) {
        for (MapNode.Entry r : resources.entries()) {
            MapNode body = r.value().asMap();
            MapNode meta = body == null ? null : body.map("Metadata");
            MapNode vigil = meta == null ? null : meta.map("vigil");
            SeqNode ignore = vigil == null ? null : vigil.seq("ignore");
            if (ignore == null) {
                continue;
            }
            for (Node item : ignore.items()) {
                MapNode m = item.asMap();
                if (m == null) {
                    problems.add(item.location() + ": vigil.ignore items are {id, reason} maps");
                    continue;
                }
                String id = m.text("id");
                add(id == null ? "" : id, m.text("reason"), item.location(), r.key(), out, problems);
            }
        }
    }
}
