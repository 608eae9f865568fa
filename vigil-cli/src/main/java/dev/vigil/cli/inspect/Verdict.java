package dev.vigil.cli.inspect;

import dev.vigil.core.json.JsonWriter;
import dev.vigil.shield.OfflineInspector.Finding;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The verdict on one input record, as one JSON line. */
record Verdict(Object id, List<Finding> findings) {

    boolean malicious() {
        return !findings.isEmpty();
    }

    Set<String> categories() {
        Set<String> out = new LinkedHashSet<>();
        for (Finding f : findings) {
            out.add(f.category());
        }
        return out;
    }

    String toJson() {
        Set<String> rules = new LinkedHashSet<>();
        Set<String> locations = new LinkedHashSet<>();
        for (Finding f : findings) {
            rules.add(f.detection().ruleId());
            locations.add(f.value().location());
        }
        JsonWriter w = new JsonWriter().beginObject().name("id");
        writeId(w, id);
        w.field("verdict", malicious() ? "malicious" : "benign");
        array(w.name("categories"), categories());
        array(w.name("rule_ids"), rules);
        array(w.name("locations"), locations);
        return w.endObject().toString();
    }

    static String error(Object id, String message) {
        JsonWriter w = new JsonWriter().beginObject().name("id");
        writeId(w, id);
        return w.field("verdict", "error").field("error", message).endObject().toString();
    }

    private static void writeId(JsonWriter w, Object id) {
        if (id == null) {
            w.nullValue();
        } else if (id instanceof Number n) {
            w.rawValue(n.toString());
        } else {
            w.value(id.toString());
        }
    }

    private static void array(JsonWriter w, Set<String> values) {
        w.beginArray();
        for (String v : values) {
            w.value(v);
        }
        w.endArray();
    }
}
