package dev.vigil.server.pipeline;

import dev.vigil.core.Severity;
import dev.vigil.core.json.JsonWriter;
import dev.vigil.detect.engine.CorrelationMatch;
import dev.vigil.detect.engine.Match;
import dev.vigil.detect.engine.RuleMatch;
import dev.vigil.detect.event.Event;
import dev.vigil.detect.event.FieldPath;
import dev.vigil.detect.rule.Level;
import dev.vigil.detect.rule.RuleInfo;
import dev.vigil.server.store.Detection;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns engine matches into store {@link Detection}s. The evidence is a small JSON object: the log offset of the raw
 * event ({@code event_offset}, the key into the event archive), its log source, and the values of the rule's {@code
 * fields} (at most {@value #MAX_FIELDS} fields of at most {@value #MAX_VALUE_CHARS} characters each); for a
 * correlation, its type, group and aggregate.
 */
public final class DetectionFactory {
    /** Most rule fields copied into the evidence. */
    public static final int MAX_FIELDS = 16;

    /** Longest field value copied into the evidence; longer ones are cut and end with {@code …}. */
    public static final int MAX_VALUE_CHARS = 256;

    private DetectionFactory() {}

    /** The detection for {@code match} of {@code event} (the input at {@code input.offset()}). */
    public static Detection detection(Match match, Event event, PipelineInput input, long eventTimeMillis) {
        RuleInfo info = match.info();
        return new Detection(
                input.offset(),
                info.key(),
                info.title(),
                severity(info.level()),
                input.tenant(),
                EventFacts.function(event),
                EventFacts.source(event),
                eventTimeMillis,
                evidence(match, event, input.offset()));
    }

    /** The store severity of a Sigma level. */
    public static Severity severity(Level level) {
        return level == Level.INFORMATIONAL ? Severity.INFO : Severity.valueOf(level.name());
    }

    static String evidence(Match match, Event event, long offset) {
        JsonWriter json = new JsonWriter().beginObject();
        json.field("event_offset", offset);
        json.field("log_source", event.logSource().toString());
        if (match instanceof CorrelationMatch c) {
            json.field("correlation", c.rule().type().toString());
            json.field("events", c.events());
            json.name("aggregate").value(c.aggregate());
            json.field("window_start", c.windowStartMillis());
            json.name("group").beginObject();
            new TreeMap<>(c.group()).forEach((k, v) -> json.field(bounded(k), bounded(v)));
            json.endObject();
        } else if (match instanceof RuleMatch) {
            json.name("fields").beginObject();
            fields(match.info(), event).forEach(json::field);
            json.endObject();
        }
        return json.endObject().toString();
    }

    private static Map<String, String> fields(RuleInfo info, Event event) {
        Map<String, String> out = new TreeMap<>();
        for (String field : info.fields()) {
            if (out.size() == MAX_FIELDS) {
                break;
            }
            String value = event.text(FieldPath.of(field));
            if (value != null) {
                out.put(bounded(field), bounded(value));
            }
        }
        return out;
    }

    static String bounded(String text) {
        if (text == null) {
            return "";
        }
        if (text.length() <= MAX_VALUE_CHARS) {
            return text;
        }
        int end = MAX_VALUE_CHARS - 1;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + "…";
    }
}
