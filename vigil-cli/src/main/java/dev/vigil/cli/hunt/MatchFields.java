package dev.vigil.cli.hunt;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.vigil.detect.engine.CorrelationMatch;
import dev.vigil.detect.event.EventOrigin;
import dev.vigil.detect.event.EventTime;
import dev.vigil.detect.rule.RuleInfo;
import java.io.IOException;
import java.time.Instant;
import java.util.Map;

/** Field values shared by the machine-readable outputs. */
final class MatchFields {
    private MatchFields() {}

    /** ISO-8601 UTC ({@code 2023-07-10T12:02:56Z}), or null for an unknown time. */
    static String iso(long millis) {
        return millis == EventTime.UNKNOWN ? null : Instant.ofEpochMilli(millis).toString();
    }

    /** The aggregate as a whole number when it is one. */
    static void writeNumber(JsonGenerator g, String name, double value) throws IOException {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            g.writeNumberField(name, (long) value);
        } else if (Double.isFinite(value)) {
            g.writeNumberField(name, value);
        } else {
            g.writeNullField(name);
        }
    }

    static void writeStringOrNull(JsonGenerator g, String name, String value) throws IOException {
        if (value == null) {
            g.writeNullField(name);
        } else {
            g.writeStringField(name, value);
        }
    }

    static void writeMap(JsonGenerator g, String name, Map<String, String> map) throws IOException {
        g.writeObjectFieldStart(name);
        for (Map.Entry<String, String> e : map.entrySet()) {
            writeStringOrNull(g, e.getKey(), e.getValue());
        }
        g.writeEndObject();
    }

    /** The fields COMMON to jsonl and OCSF's vigil object: rule metadata and origin. */
    static void writeRuleAndOrigin(JsonGenerator g, RuleInfo info, EventOrigin origin) throws IOException {
        writeStringOrNull(g, "rule_id", info.id());
        writeStringOrNull(g, "rule_name", info.name());
        g.writeStringField("title", info.title());
        g.writeStringField("level", info.level().id());
        writeStringOrNull(g, "author", info.author());
        g.writeArrayFieldStart("tags");
        for (String t : info.tags()) {
            g.writeString(t);
        }
        g.writeEndArray();
        writeStringOrNull(g, "file", origin.file().isEmpty() ? null : origin.file());
        g.writeNumberField("line", origin.line());
        if (origin.index() < 0) {
            g.writeNullField("index");
        } else {
            g.writeNumberField("index", origin.index());
        }
    }

    /** The correlation-only fields. */
    static void writeCorrelation(JsonGenerator g, CorrelationMatch m) throws IOException {
        writeMap(g, "group", m.group());
        writeNumber(g, "aggregate", m.aggregate());
        writeStringOrNull(g, "window_start", iso(m.windowStartMillis()));
        g.writeNumberField("events", m.events());
    }
}
