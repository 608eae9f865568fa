package dev.vigil.core.telemetry;

import dev.vigil.core.json.JsonWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes telemetry events as single-line JSON, shaped after OCSF: Detection Finding (2004) for findings and policy
 * violations, HTTP Activity (4002) for invocations of HTTP triggers, Base Event (0) for other invocations and for
 * Vigil's own errors. Vigil's own fields live under a {@code vigil} object. The format is documented in
 * {@code docs/telemetry.md} and described by {@code dev/vigil/core/telemetry.schema.json}.
 *
 * <p>Written with Vigil's own {@link JsonWriter}: no JSON library is loaded, so the Shield's cold start stays small.
 */
public final class TelemetryJson {

    /** The OCSF schema version the field names follow. */
    public static final String OCSF_VERSION = "1.3.0";

    /** The version of Vigil's telemetry format, written as {@code vigil.schema}. */
    public static final int SCHEMA_VERSION = 1;

    private static final String PRODUCT_VERSION = dev.vigil.core.VigilVersion.VERSION;

    /** {@code metadata.product}, rendered once. */
    private final String productJson;

    /** The blocks rendered for the function of the last event; most writers only ever see one function. */
    private Rendered rendered;

    /** A writer that names {@code productName} (e.g. {@code Vigil Shield}) in {@code metadata.product}. */
    public TelemetryJson(String productName) {
        JsonWriter g = new JsonWriter(new StringBuilder(96), 2);
        g.beginObject();
        g.field("name", productName);
        g.field("vendor_name", "Vigil");
        g.field("version", PRODUCT_VERSION);
        g.endObject();
        this.productJson = g.toString();
    }

    /**
     * The JSON blocks that depend only on the function: {@code cloud} (null when neither region nor account is
     * known) and {@code vigil.function}. Immutable, so it can be published to other threads through a plain field.
     */
    private static final class Rendered {
        final FunctionInfo function;
        final String cloud;
        final String functionJson;

        Rendered(FunctionInfo fn) {
            this.function = fn;
            if (fn.region() != null || fn.account() != null) {
                JsonWriter g = new JsonWriter(new StringBuilder(96), 3);
                g.beginObject();
                g.field("provider", "AWS");
                if (fn.region() != null) {
                    g.field("region", fn.region());
                }
                if (fn.account() != null) {
                    g.name("account").beginObject();
                    g.field("uid", fn.account());
                    g.endObject();
                }
                g.endObject();
                this.cloud = g.toString();
            } else {
                this.cloud = null;
            }
            JsonWriter g = new JsonWriter(new StringBuilder(160), 2);
            g.beginObject();
            g.field("name", fn.name());
            optional(g, "version", fn.version());
            optional(g, "arn", fn.arn());
            optional(g, "runtime", fn.runtime());
            if (fn.memoryMb() != null) {
                g.field("memory_mb", fn.memoryMb());
            }
            g.endObject();
            this.functionJson = g.toString();
        }
    }

    private Rendered rendered(FunctionInfo fn) {
        Rendered r = rendered;
        if (r == null || (r.function != fn && !r.function.equals(fn))) {
            r = new Rendered(fn);
            rendered = r;
        }
        return r;
    }

    /** The event as one line of JSON, without a line terminator. */
    public String toJson(TelemetryEvent event) {
        StringBuilder out = new StringBuilder(1024);
        JsonWriter g = new JsonWriter(out, 8);
        g.beginObject();
        g.field("time", event.timeMillis());
        if (event instanceof SecurityFinding f) {
            writeFinding(g, f);
        } else if (event instanceof PolicyViolation v) {
            writeViolation(g, v);
        } else if (event instanceof InvocationSummary s) {
            writeInvocation(g, s);
        } else if (event instanceof VigilError e) {
            writeError(g, e);
        }
        g.endObject();
        return out.toString();
    }

    /** Writes the event as one line of JSON, without a line terminator, and flushes {@code out}. */
    public void write(TelemetryEvent event, Writer out) {
        String json = toJson(event);
        try {
            out.write(json);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void writeFinding(JsonWriter g, SecurityFinding f) {
        findingHeader(g, f.severity().ocsfId(), f.severity().label(), f.action());
        g.field("message", f.title() + " at " + f.location());
        metadata(g, f);
        sourceEndpoint(g, f.sourceIp());
        findingInfo(g, f.ruleId(), f.title(), f.category(), f.detector());
        g.name("evidences").beginArray();
        g.beginObject();
        g.name("data").beginObject();
        g.field("location", f.location());
        g.field("fragment", f.evidence());
        g.endObject();
        g.endObject();
        g.endArray();
        vigilStart(g, f);
        g.field("trigger", f.trigger().id());
        g.field("detector", f.detector());
        g.field("category", f.category());
        g.field("rule_id", f.ruleId());
        g.field("location", f.location());
        g.field("evidence", f.evidence());
        g.field("decoding", f.decoding() == null ? "" : f.decoding());
        g.field("action", f.action().id());
        g.field("record_index", f.recordIndex());
        g.endObject();
    }

    private void writeViolation(JsonWriter g, PolicyViolation v) {
        findingHeader(g, v.severity().ocsfId(), v.severity().label(), v.action());
        g.field("message", v.title());
        metadata(g, v);
        sourceEndpoint(g, v.sourceIp());
        findingInfo(g, v.ruleId(), v.title(), "policy:" + v.policy(), v.policy());
        vigilStart(g, v);
        g.field("policy", v.policy());
        g.field("rule_id", v.ruleId());
        g.field("action", v.action().id());
        g.name("attributes").beginObject();
        for (Map.Entry<String, String> e : new TreeMap<>(v.attributes()).entrySet()) {
            g.field(e.getKey(), e.getValue());
        }
        g.endObject();
        g.endObject();
    }

    private void writeInvocation(JsonWriter g, InvocationSummary s) {
        boolean http = s.trigger().isHttp();
        if (http) {
            g.rawMembers(CLASS_HTTP);
        } else {
            g.rawMembers(CLASS_BASE);
        }
        boolean bad = s.outcome() == Outcome.BLOCKED || s.outcome() == Outcome.PARTIAL;
        g.field("severity_id", bad ? 3 : 1);
        g.field("severity", bad ? "Medium" : "Informational");
        g.field("status_id", s.outcome() == Outcome.SUCCESS ? 1 : 2);
        g.field("status", s.outcome() == Outcome.SUCCESS ? "Success" : "Failure");
        g.field("duration", s.durationMicros() / 1000);
        g.field("message", "invocation " + s.outcome().id());
        metadata(g, s);
        sourceEndpoint(g, s.sourceIp());
        if (http) {
            g.name("http_request").beginObject();
            if (s.httpMethod() != null) {
                g.field("http_method", s.httpMethod());
            }
            g.name("url").beginObject();
            g.field("path", s.httpPath() == null ? "" : s.httpPath());
            g.endObject();
            g.endObject();
            if (s.httpStatus() > 0) {
                g.name("http_response").beginObject();
                g.field("code", s.httpStatus());
                g.endObject();
            }
        }
        vigilStart(g, s);
        g.field("trigger", s.trigger().id());
        g.field("duration_us", s.durationMicros());
        g.field("shield_us", s.shieldMicros());
        g.field("cold_start", s.coldStart());
        g.field("outcome", s.outcome().id());
        g.field("findings", s.findings());
        g.field("records", s.records());
        g.endObject();
    }

    private void writeError(JsonWriter g, VigilError e) {
        g.rawMembers(CLASS_BASE);
        g.field("severity_id", 2);
        g.field("severity", "Low");
        g.field("message", e.message());
        metadata(g, e);
        vigilStart(g, e);
        g.field("code", e.code());
        g.field("component", e.component());
        g.field("count", e.count());
        g.endObject();
    }

    private static void findingHeader(JsonWriter g, int severityId, String severity, Action action) {
        g.rawMembers(CLASS_FINDING);
        g.field("severity_id", severityId);
        g.field("severity", severity);
        g.field("action_id", action.ocsfId());
        g.field("action", action.ocsfLabel());
        g.field("status_id", 1);
        g.field("status", "New");
    }

    private static final String METADATA_VERSION = "\"version\":\"" + OCSF_VERSION + '"';
    private static final String CLASS_FINDING = classFields(2004, "Detection Finding", 2, "Findings", 1, "Create");
    private static final String CLASS_HTTP = classFields(4002, "HTTP Activity", 4, "Network Activity", 99, "Other");
    private static final String CLASS_BASE = classFields(0, "Base Event", 0, "Uncategorized", 99, "Other");

    /** The class members of an event, rendered once per class. */
    private static String classFields(
            int classUid, String className, int categoryUid, String categoryName, int activityId, String activityName) {
        JsonWriter g = new JsonWriter(new StringBuilder(192), 1);
        g.beginObject();
        g.field("class_uid", classUid);
        g.field("class_name", className);
        g.field("category_uid", categoryUid);
        g.field("category_name", categoryName);
        g.field("activity_id", activityId);
        g.field("activity_name", activityName);
        g.field("type_uid", classUid * 100L + activityId);
        g.endObject();
        String object = g.toString();
        return object.substring(1, object.length() - 1);
    }

    private static void findingInfo(JsonWriter g, String ruleId, String title, String type, String analyticName) {
        g.name("finding_info").beginObject();
        g.field("uid", newUid());
        g.field("title", title);
        g.name("types").beginArray();
        g.value(type);
        g.endArray();
        g.name("analytic").beginObject();
        g.field("uid", ruleId);
        g.field("name", analyticName);
        g.field("type_id", 1);
        g.field("type", "Rule");
        g.endObject();
        g.endObject();
    }

    private void metadata(JsonWriter g, TelemetryEvent event) {
        g.name("metadata").beginObject();
        g.rawMembers(METADATA_VERSION);
        g.field("uid", newUid());
        g.name("product").rawValue(productJson);
        g.endObject();
        String cloud = rendered(event.function()).cloud;
        if (cloud != null) {
            g.name("cloud").rawValue(cloud);
        }
    }

    private void vigilStart(JsonWriter g, TelemetryEvent event) {
        g.name("vigil").beginObject();
        g.field("kind", event.kind());
        g.field("schema", SCHEMA_VERSION);
        g.name("function").rawValue(rendered(event.function()).functionJson);
        optional(g, "request_id", event.requestId());
    }

    /** OCSF {@code src_endpoint}: the client's address, when known. */
    private static void sourceEndpoint(JsonWriter g, String ip) {
        if (ip != null) {
            g.name("src_endpoint").beginObject();
            g.field("ip", ip);
            g.endObject();
        }
    }

    private static void optional(JsonWriter g, String name, String value) {
        if (value != null) {
            g.field(name, value);
        }
    }

    /**
     * A 128-bit identifier in hex: a per-process seed and a scrambled per-process counter (SplitMix64), so ids are
     * unique within a process and collide across processes only by chance. Cheaper at cold start than
     * {@code UUID.randomUUID()} (which seeds SecureRandom) or {@code ThreadLocalRandom}.
     */
    static String newUid() {
        long n;
        synchronized (TelemetryJson.class) {
            n = ++uidCounter;
        }
        char[] out = new char[32];
        UID_PREFIX.getChars(0, 16, out, 0);
        long v = mix(UID_SEED + n * 0x9E3779B97F4A7C15L);
        for (int i = 31; i >= 16; i--) {
            out[i] = HEX_DIGITS[(int) (v & 0xf)];
            v >>>= 4;
        }
        return new String(out);
    }

    private static final char[] HEX_DIGITS = "0123456789abcdef".toCharArray();

    private static final long UID_SEED =
            mix(System.nanoTime() ^ (System.currentTimeMillis() << 20) ^ System.identityHashCode(new Object()));
    private static final String UID_PREFIX = hex16(UID_SEED);
    private static long uidCounter;

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static String hex16(long v) {
        char[] out = new char[16];
        for (int i = 15; i >= 0; i--) {
            out[i] = "0123456789abcdef".charAt((int) (v & 0xf));
            v >>>= 4;
        }
        return new String(out);
    }
}
