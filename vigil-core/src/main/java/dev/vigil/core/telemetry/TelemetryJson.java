package dev.vigil.core.telemetry;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes telemetry events as single-line JSON, shaped after OCSF: Detection Finding (2004) for findings and policy
 * violations, HTTP Activity (4002) for invocations of HTTP triggers, Base Event (0) for other invocations and for
 * Vigil's own errors. Vigil's own fields live under a {@code vigil} object. The format is documented in
 * {@code docs/telemetry.md} and described by {@code dev/vigil/core/telemetry.schema.json}.
 *
 * <p>Only jackson-core's streaming generator is used: no data binding, so the Shield's cold start stays small.
 */
public final class TelemetryJson {

    /** The OCSF schema version the field names follow. */
    public static final String OCSF_VERSION = "1.3.0";

    /** The version of Vigil's telemetry format, written as {@code vigil.schema}. */
    public static final int SCHEMA_VERSION = 1;

    private static final JsonFactory FACTORY = JsonFactory.builder().build();
    private static final String PRODUCT_VERSION = productVersion();

    private final String productName;

    /** A writer that names {@code productName} (e.g. {@code Vigil Shield}) in {@code metadata.product}. */
    public TelemetryJson(String productName) {
        this.productName = productName;
    }

    /** The event as one line of JSON, without a line terminator. */
    public String toJson(TelemetryEvent event) {
        StringWriter out = new StringWriter(512);
        write(event, out);
        return out.toString();
    }

    /** Writes the event as one line of JSON, without a line terminator. */
    public void write(TelemetryEvent event, Writer out) {
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.setRootValueSeparator(new SerializedString(""));
            g.writeStartObject();
            g.writeNumberField("time", event.timeMillis());
            if (event instanceof SecurityFinding f) {
                writeFinding(g, f);
            } else if (event instanceof PolicyViolation v) {
                writeViolation(g, v);
            } else if (event instanceof InvocationSummary s) {
                writeInvocation(g, s);
            } else if (event instanceof VigilError e) {
                writeError(g, e);
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void writeFinding(JsonGenerator g, SecurityFinding f) throws IOException {
        findingHeader(g, f.severity().ocsfId(), f.severity().label(), f.action());
        g.writeStringField("message", f.title() + " at " + f.location());
        metadata(g, f);
        findingInfo(g, f.ruleId(), f.title(), f.category(), f.detector());
        g.writeArrayFieldStart("evidences");
        g.writeStartObject();
        g.writeObjectFieldStart("data");
        g.writeStringField("location", f.location());
        g.writeStringField("fragment", f.evidence());
        g.writeEndObject();
        g.writeEndObject();
        g.writeEndArray();
        vigilStart(g, f);
        g.writeStringField("trigger", f.trigger().id());
        g.writeStringField("detector", f.detector());
        g.writeStringField("category", f.category());
        g.writeStringField("rule_id", f.ruleId());
        g.writeStringField("location", f.location());
        g.writeStringField("evidence", f.evidence());
        g.writeStringField("decoding", f.decoding() == null ? "" : f.decoding());
        g.writeStringField("action", f.action().id());
        g.writeNumberField("record_index", f.recordIndex());
        g.writeEndObject();
    }

    private void writeViolation(JsonGenerator g, PolicyViolation v) throws IOException {
        findingHeader(g, v.severity().ocsfId(), v.severity().label(), v.action());
        g.writeStringField("message", v.title());
        metadata(g, v);
        findingInfo(g, v.ruleId(), v.title(), "policy:" + v.policy(), v.policy());
        vigilStart(g, v);
        g.writeStringField("policy", v.policy());
        g.writeStringField("rule_id", v.ruleId());
        g.writeStringField("action", v.action().id());
        g.writeObjectFieldStart("attributes");
        for (Map.Entry<String, String> e : new TreeMap<>(v.attributes()).entrySet()) {
            g.writeStringField(e.getKey(), e.getValue());
        }
        g.writeEndObject();
        g.writeEndObject();
    }

    private void writeInvocation(JsonGenerator g, InvocationSummary s) throws IOException {
        boolean http = s.trigger().isHttp();
        if (http) {
            classFields(g, 4002, "HTTP Activity", 4, "Network Activity", 99, "Other");
        } else {
            classFields(g, 0, "Base Event", 0, "Uncategorized", 99, "Other");
        }
        boolean bad = s.outcome() == Outcome.BLOCKED || s.outcome() == Outcome.PARTIAL;
        g.writeNumberField("severity_id", bad ? 3 : 1);
        g.writeStringField("severity", bad ? "Medium" : "Informational");
        g.writeNumberField("status_id", s.outcome() == Outcome.SUCCESS ? 1 : 2);
        g.writeStringField("status", s.outcome() == Outcome.SUCCESS ? "Success" : "Failure");
        g.writeNumberField("duration", s.durationMicros() / 1000);
        g.writeStringField("message", "invocation " + s.outcome().id());
        metadata(g, s);
        if (http) {
            g.writeObjectFieldStart("http_request");
            if (s.httpMethod() != null) {
                g.writeStringField("http_method", s.httpMethod());
            }
            g.writeObjectFieldStart("url");
            g.writeStringField("path", s.httpPath() == null ? "" : s.httpPath());
            g.writeEndObject();
            g.writeEndObject();
            if (s.httpStatus() > 0) {
                g.writeObjectFieldStart("http_response");
                g.writeNumberField("code", s.httpStatus());
                g.writeEndObject();
            }
        }
        vigilStart(g, s);
        g.writeStringField("trigger", s.trigger().id());
        g.writeNumberField("duration_us", s.durationMicros());
        g.writeNumberField("shield_us", s.shieldMicros());
        g.writeBooleanField("cold_start", s.coldStart());
        g.writeStringField("outcome", s.outcome().id());
        g.writeNumberField("findings", s.findings());
        g.writeNumberField("records", s.records());
        g.writeEndObject();
    }

    private void writeError(JsonGenerator g, VigilError e) throws IOException {
        classFields(g, 0, "Base Event", 0, "Uncategorized", 99, "Other");
        g.writeNumberField("severity_id", 2);
        g.writeStringField("severity", "Low");
        g.writeStringField("message", e.message());
        metadata(g, e);
        vigilStart(g, e);
        g.writeStringField("code", e.code());
        g.writeStringField("component", e.component());
        g.writeNumberField("count", e.count());
        g.writeEndObject();
    }

    private static void findingHeader(JsonGenerator g, int severityId, String severity, Action action)
            throws IOException {
        classFields(g, 2004, "Detection Finding", 2, "Findings", 1, "Create");
        g.writeNumberField("severity_id", severityId);
        g.writeStringField("severity", severity);
        g.writeNumberField("action_id", action.ocsfId());
        g.writeStringField("action", action.ocsfLabel());
        g.writeNumberField("status_id", 1);
        g.writeStringField("status", "New");
    }

    private static void classFields(
            JsonGenerator g,
            int classUid,
            String className,
            int categoryUid,
            String categoryName,
            int activityId,
            String activityName)
            throws IOException {
        g.writeNumberField("class_uid", classUid);
        g.writeStringField("class_name", className);
        g.writeNumberField("category_uid", categoryUid);
        g.writeStringField("category_name", categoryName);
        g.writeNumberField("activity_id", activityId);
        g.writeStringField("activity_name", activityName);
        g.writeNumberField("type_uid", classUid * 100L + activityId);
    }

    private static void findingInfo(JsonGenerator g, String ruleId, String title, String type, String analyticName)
            throws IOException {
        g.writeObjectFieldStart("finding_info");
        g.writeStringField("uid", newUid());
        g.writeStringField("title", title);
        g.writeArrayFieldStart("types");
        g.writeString(type);
        g.writeEndArray();
        g.writeObjectFieldStart("analytic");
        g.writeStringField("uid", ruleId);
        g.writeStringField("name", analyticName);
        g.writeNumberField("type_id", 1);
        g.writeStringField("type", "Rule");
        g.writeEndObject();
        g.writeEndObject();
    }

    private void metadata(JsonGenerator g, TelemetryEvent event) throws IOException {
        g.writeObjectFieldStart("metadata");
        g.writeStringField("version", OCSF_VERSION);
        g.writeStringField("uid", newUid());
        g.writeObjectFieldStart("product");
        g.writeStringField("name", productName);
        g.writeStringField("vendor_name", "Vigil");
        g.writeStringField("version", PRODUCT_VERSION);
        g.writeEndObject();
        g.writeEndObject();
        FunctionInfo fn = event.function();
        if (fn.region() != null || fn.account() != null) {
            g.writeObjectFieldStart("cloud");
            g.writeStringField("provider", "AWS");
            if (fn.region() != null) {
                g.writeStringField("region", fn.region());
            }
            if (fn.account() != null) {
                g.writeObjectFieldStart("account");
                g.writeStringField("uid", fn.account());
                g.writeEndObject();
            }
            g.writeEndObject();
        }
    }

    private static void vigilStart(JsonGenerator g, TelemetryEvent event) throws IOException {
        g.writeObjectFieldStart("vigil");
        g.writeStringField("kind", event.kind());
        g.writeNumberField("schema", SCHEMA_VERSION);
        FunctionInfo fn = event.function();
        g.writeObjectFieldStart("function");
        g.writeStringField("name", fn.name());
        optional(g, "version", fn.version());
        optional(g, "arn", fn.arn());
        optional(g, "runtime", fn.runtime());
        if (fn.memoryMb() != null) {
            g.writeNumberField("memory_mb", fn.memoryMb());
        }
        g.writeEndObject();
        optional(g, "request_id", event.requestId());
    }

    private static void optional(JsonGenerator g, String name, String value) throws IOException {
        if (value != null) {
            g.writeStringField(name, value);
        }
    }

    /** A random 128-bit identifier in hex; cheaper than {@code UUID.randomUUID()}, which seeds SecureRandom. */
    static String newUid() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return Long.toHexString(r.nextLong() | Long.MIN_VALUE).substring(1)
                + Long.toHexString(r.nextLong() | Long.MIN_VALUE).substring(1);
    }

    private static String productVersion() {
        String v = TelemetryJson.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }
}
