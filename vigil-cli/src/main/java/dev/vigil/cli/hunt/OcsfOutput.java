package dev.vigil.cli.hunt;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.vigil.detect.engine.CorrelationMatch;
import dev.vigil.detect.event.EventOrigin;
import dev.vigil.detect.event.EventTime;
import dev.vigil.detect.rule.Level;
import dev.vigil.detect.rule.RuleInfo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * One OCSF 1.3 Detection Finding (class 2004, activity Create) per match, one per line. The rule is the finding's
 * analytic; Vigil's own details (author, where the event was read, key fields, correlation group) are under {@code
 * unmapped.vigil}.
 */
public final class OcsfOutput implements HuntOutput {
    private static final String[] SEVERITY = {"Informational", "Low", "Medium", "High", "Critical"};

    private final Writer out;
    private final JsonGenerator g;
    private final long nowMillis;

    /** Writes to {@code out}; {@code nowMillis} is the finding time of matches whose event has no time. */
    public OcsfOutput(Writer out, long nowMillis) {
        this.out = out;
        this.nowMillis = nowMillis;
        try {
            this.g = JsonText.factory().createGenerator(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        g.setRootValueSeparator(null);
    }

    /** OCSF {@code severity_id} of a Sigma level: informational 1 … critical 5. */
    public static int severityId(Level level) {
        return level.ordinal() + 1;
    }

    @Override
    public void hit(Hit hit) throws IOException {
        long t = hit.timeMillis();
        begin(hit.info(), hit.origin(), t, t, "Sigma rule match");
        MatchFields.writeRuleAndOrigin(g, hit.info(), hit.origin());
        MatchFields.writeMap(g, "fields", hit.fields());
        end();
    }

    @Override
    public void correlation(CorrelationMatch m) throws IOException {
        begin(m.info(), m.origin(), m.windowStartMillis(), m.timeMillis(), "Sigma correlation");
        MatchFields.writeRuleAndOrigin(g, m.info(), m.origin());
        MatchFields.writeCorrelation(g, m);
        end();
    }

    private void begin(RuleInfo info, EventOrigin origin, long first, long last, String type) throws IOException {
        long time = last == EventTime.UNKNOWN ? nowMillis : last;
        g.writeStartObject();
        g.writeNumberField("class_uid", 2004);
        g.writeStringField("class_name", "Detection Finding");
        g.writeNumberField("category_uid", 2);
        g.writeStringField("category_name", "Findings");
        g.writeNumberField("activity_id", 1);
        g.writeStringField("activity_name", "Create");
        g.writeNumberField("type_uid", 200401);
        g.writeStringField("type_name", "Detection Finding: Create");
        g.writeNumberField("severity_id", severityId(info.level()));
        g.writeStringField("severity", SEVERITY[info.level().ordinal()]);
        g.writeNumberField("status_id", 1);
        g.writeStringField("status", "New");
        g.writeNumberField("time", time);
        g.writeStringField("message", info.title());
        g.writeObjectFieldStart("finding_info");
        g.writeStringField("uid", uid(info, origin, type, last));
        g.writeStringField("title", info.title());
        if (info.description() != null) {
            g.writeStringField("desc", info.description());
        }
        g.writeObjectFieldStart("analytic");
        MatchFields.writeStringOrNull(g, "uid", info.id() != null ? info.id() : info.key());
        g.writeStringField("name", info.title());
        g.writeStringField("type", "Rule");
        g.writeNumberField("type_id", 1);
        g.writeEndObject();
        g.writeArrayFieldStart("types");
        g.writeString(type);
        g.writeEndArray();
        if (first != EventTime.UNKNOWN) {
            g.writeNumberField("first_seen_time", first);
        }
        if (last != EventTime.UNKNOWN) {
            g.writeNumberField("last_seen_time", last);
        }
        g.writeEndObject();
        g.writeObjectFieldStart("metadata");
        g.writeStringField("version", "1.3.0");
        g.writeObjectFieldStart("product");
        g.writeStringField("name", "Vigil Detect");
        g.writeStringField("vendor_name", "Vigil");
        g.writeEndObject();
        g.writeEndObject();
        g.writeObjectFieldStart("unmapped");
        g.writeObjectFieldStart("vigil");
    }

    private void end() throws IOException {
        g.writeEndObject(); // vigil
        g.writeEndObject(); // unmapped
        g.writeEndObject();
        g.flush();
        out.write('\n');
    }

    /** Stable per rule and event, so re-running a hunt gives the same finding ids. */
    private static String uid(RuleInfo info, EventOrigin origin, String type, long time) {
        String key = type + "\n" + info.key() + "\n" + origin + "\n" + time;
        return UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).toString();
    }

    @Override
    public void finish() throws IOException {
        g.flush();
        out.flush();
    }
}
