package dev.vigil.cli.inspect;

import dev.vigil.shield.OfflineInspector;
import dev.vigil.shield.OfflineInspector.Finding;
import dev.vigil.shield.inspect.Source;
import dev.vigil.shield.json.Json;
import dev.vigil.shield.json.JsonException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns one input line of {@code vigil inspect} into a verdict: {@code {"id", "payload"}} inspects one value,
 * {@code {"id", "event"}} a whole Lambda event. For a payload, the optional {@code where} ({@code query}, {@code body},
 * {@code header}, {@code cookie}, {@code path}) and {@code param} say where the value would arrive.
 */
final class RecordInspector {

    /** A line that cannot be inspected. */
    static final class BadRecord extends Exception {
        final transient Object id;

        BadRecord(Object id, String message) {
            super(message, null, false, false);
            this.id = id;
        }
    }

    private final OfflineInspector inspector;

    RecordInspector(OfflineInspector inspector) {
        this.inspector = inspector;
    }

    Verdict inspect(String line) throws BadRecord {
        Object tree;
        try {
            tree = Json.parse(line);
        } catch (JsonException e) {
            throw new BadRecord(null, e.getMessage());
        }
        if (!(tree instanceof Map<?, ?> map)) {
            throw new BadRecord(null, "a record must be a JSON object");
        }
        Object id = map.get("id");
        Object payload = map.get("payload");
        Object event = map.get("event");
        if (payload != null && event != null) {
            throw new BadRecord(id, "a record has either \"payload\" or \"event\", not both");
        }
        if (payload instanceof String text) {
            String param = map.get("param") instanceof String p ? p : "";
            Source source = sourceOf(id, map.get("where"));
            String where = map.get("where") == null ? "payload" : source.name().toLowerCase(Locale.ROOT);
            String location = param.isEmpty() ? where : where + "." + param;
            return new Verdict(id, inspector.inspectValue(location, param, source, text));
        }
        if (event instanceof Map<?, ?> e) {
            @SuppressWarnings("unchecked")
            Map<String, Object> ev = (Map<String, Object>) e;
            List<Finding> findings = inspector.inspectEvent(ev);
            return new Verdict(id, findings);
        }
        if (payload != null) {
            throw new BadRecord(id, "\"payload\" must be a string");
        }
        if (event != null) {
            throw new BadRecord(id, "\"event\" must be a JSON object");
        }
        throw new BadRecord(id, "a record needs \"payload\" (a string) or \"event\" (an object)");
    }

    private static Source sourceOf(Object id, Object where) throws BadRecord {
        if (where == null) {
            return Source.OTHER;
        }
        if (!(where instanceof String w)) {
            throw new BadRecord(id, "\"where\" must be a string");
        }
        switch (w) {
            case "query":
                return Source.QUERY;
            case "body":
                return Source.BODY;
            case "header":
                return Source.HEADER;
            case "cookie":
                return Source.COOKIE;
            case "path":
                return Source.PATH;
            case "message":
                return Source.MESSAGE;
            case "key":
                return Source.KEY;
            default:
                return Source.OTHER;
        }
    }
}
