package dev.vigil.cli.hunt;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.vigil.detect.engine.CorrelationMatch;
import java.io.IOException;
import java.io.Writer;
import java.util.Map;

/**
 * One JSON object per line per match: {@code kind, rule_id, rule_name, title, level, author, tags, file, line,
 * index, time, fields}, plus {@code group, aggregate, window_start, events} for correlations.
 */
public final class JsonlOutput implements HuntOutput {
    private final Writer out;
    private final JsonGenerator g;

    /** Writes to {@code out}. */
    public JsonlOutput(Writer out) {
        this.out = out;
        try {
            this.g = JsonText.factory().createGenerator(out);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        g.setRootValueSeparator(null);
    }

    @Override
    public void hit(Hit hit) throws IOException {
        g.writeStartObject();
        g.writeStringField("kind", "match");
        MatchFields.writeRuleAndOrigin(g, hit.info(), hit.origin());
        MatchFields.writeStringOrNull(g, "time", MatchFields.iso(hit.timeMillis()));
        MatchFields.writeMap(g, "fields", hit.fields());
        g.writeEndObject();
        endLine();
    }

    @Override
    public void correlation(CorrelationMatch m) throws IOException {
        g.writeStartObject();
        g.writeStringField("kind", "correlation");
        MatchFields.writeRuleAndOrigin(g, m.info(), m.origin());
        MatchFields.writeStringOrNull(g, "time", MatchFields.iso(m.timeMillis()));
        MatchFields.writeMap(g, "fields", Map.of());
        MatchFields.writeCorrelation(g, m);
        g.writeEndObject();
        endLine();
    }

    private void endLine() throws IOException {
        g.flush();
        out.write('\n');
    }

    @Override
    public void finish() throws IOException {
        g.flush();
        out.flush();
    }
}
