package dev.vigil.shield;

import com.amazonaws.services.lambda.runtime.Context;
import dev.vigil.core.Severity;
import dev.vigil.core.telemetry.Action;
import dev.vigil.core.telemetry.Evidence;
import dev.vigil.core.telemetry.FunctionInfo;
import dev.vigil.core.telemetry.InvocationSummary;
import dev.vigil.core.telemetry.Outcome;
import dev.vigil.core.telemetry.PolicyViolation;
import dev.vigil.core.telemetry.SecurityFinding;
import dev.vigil.core.telemetry.Trigger;
import dev.vigil.core.telemetry.VigilError;
import dev.vigil.shield.auth.AuthResult;
import dev.vigil.shield.aws.events.EventAdapter;
import dev.vigil.shield.aws.events.EventAdapters;
import dev.vigil.shield.aws.events.EventTrees;
import dev.vigil.shield.aws.events.SourceAddress;
import dev.vigil.shield.block.Batches;
import dev.vigil.shield.block.HttpResponses;
import dev.vigil.shield.detect.Detection;
import dev.vigil.shield.hygiene.LeakScan;
import dev.vigil.shield.hygiene.ResponseLeakScanner;
import dev.vigil.shield.inspect.HttpRequestView;
import dev.vigil.shield.json.Json;
import dev.vigil.shield.json.JsonException;
import dev.vigil.shield.policy.BatchMode;
import dev.vigil.shield.policy.ExclusionMatcher;
import dev.vigil.shield.policy.Mode;
import dev.vigil.shield.policy.Policy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * One invocation as the Shield sees it: the decision taken on the event (let through, refuse, or filter a batch),
 * what to do with the response, and the telemetry to report at the end. Created by {@link Shield#begin}; the
 * wrappers call {@code prepare…}, {@code after…} and exactly one {@code end…} method.
 */
public final class Invocation {

    /**
     * The first {@link #WARM_UP_INVOCATIONS} invocations of a runtime instance get this many times the budget: their
     * code runs interpreted or barely compiled and loads classes, which says nothing about the event.
     */
    static final int COLD_BUDGET_FACTOR = 10;

    /** How many invocations of a runtime instance count as warming up (larger budget). */
    static final int WARM_UP_INVOCATIONS = 20;

    /** Whether this invocation is one of the runtime instance's first few; set by the Shield before inspection. */
    boolean warmingUp;

    private final Shield shield;
    private final Context context;
    private final long startNanos;
    private final boolean coldStart;
    private final FunctionInfo function;
    private final String requestId;
    private long shieldNanos;

    private Map<String, Object> tree;
    private EventAdapter adapter;
    private Trigger trigger = Trigger.UNKNOWN;
    private HttpRequestView http;
    /** The request's method and path for telemetry; null when the event has no HTTP view. */
    private String httpMethod;

    private String httpPath;
    /** The client address of an HTTP trigger for telemetry ({@code src_endpoint.ip}); null when unknown. */
    private String sourceIp;

    private boolean multiValueHeaders;
    private Map<String, Object> refusal;
    private boolean blocked;
    private final Set<Integer> blockedRecords = new TreeSet<>();
    private final List<String> failedRecordIds = new ArrayList<>();
    private int recordCount = 1;
    private int reports;
    private int httpStatus;
    private boolean ended;

    Invocation(Shield shield, Context context, long startNanos, boolean coldStart) {
        this.shield = shield;
        this.context = context;
        this.startNanos = startNanos;
        this.coldStart = coldStart;
        this.function = shield.function(context);
        this.requestId = context == null ? null : context.getAwsRequestId();
    }

    /** Whether the Shield refused the invocation; the handler must not run. */
    public boolean blocked() {
        return blocked;
    }

    /** The trigger the event came from. */
    public Trigger trigger() {
        return trigger;
    }

    /** The indices of batch records the policy removed before the handler runs. */
    public Set<Integer> blockedRecords() {
        return Set.copyOf(blockedRecords);
    }

    /** The refusal for a blocked HTTP invocation as a response tree, or {@code null} for other triggers. */
    public Map<String, Object> refusal() {
        return refusal;
    }

    byte[] refusalBytes() {
        return refusal == null ? null : Json.write(refusal);
    }

    @SuppressWarnings("unchecked")
    void inspect(Object event) {
        Policy policy = shield.policy;
        shield.tmpWatch.beforeInvocation(this);
        if (policy.mode() == Mode.OFF) {
            return;
        }
        Object parsed;
        if (event instanceof byte[] bytes) {
            try {
                parsed = Json.parse(bytes);
            } catch (JsonException e) {
                parsed = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
            }
        } else {
            parsed = EventTrees.fromObject(event);
        }
        if (parsed instanceof Map<?, ?> map) {
            tree = (Map<String, Object>) map;
        } else {
            tree = new LinkedHashMap<>();
            tree.put("payload", parsed);
        }
        adapter = EventAdapters.forEvent(tree);
        trigger = adapter.trigger();
        if (adapter.recordsField() != null && tree.get(adapter.recordsField()) instanceof List<?> records) {
            recordCount = records.size();
        }
        if (trigger.isHttp()) {
            multiValueHeaders = tree.containsKey("multiValueHeaders");
            sourceIp = SourceAddress.of(trigger, tree);
            if (shield.gate != null) {
                http = adapter.http(tree);
                if (http != null) {
                    httpMethod = http.method();
                    httpPath = http.path();
                    checkAuthenticity(policy);
                    if (blocked) {
                        return;
                    }
                }
            } else {
                // without authenticity checks only the request line is needed (for telemetry)
                String[] line = EventAdapters.requestLine(adapter, tree);
                if (line != null) {
                    httpMethod = line[0];
                    httpPath = line[1];
                }
            }
        }
        long budgetNanos = policy.budgetMicros() * 1000 * (coldStart || warmingUp ? COLD_BUDGET_FACTOR : 1);
        Inspector.Result result = shield.inspector.inspect(tree, adapter, startNanos + budgetNanos);
        reportDetectorFailures(result.failures);
        if (result.budgetExceededBy != null) {
            failOpen(
                    "budget_exceeded",
                    "detector:" + result.budgetExceededBy,
                    "inspection stopped after " + budgetNanos / 1000 + " us budget; " + result.values
                            + " values inspected, the rest let through");
        }
        decide(result.hits, policy);
    }

    private void checkAuthenticity(Policy policy) {
        AuthResult auth = shield.gate.check(http, System.currentTimeMillis() / 1000);
        if (auth.isOk()) {
            return;
        }
        Mode mode = policy.modeFor("authenticity");
        boolean block = mode == Mode.BLOCK;
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("authenticator", String.valueOf(auth.authenticator()));
        attributes.put("code", String.valueOf(auth.code()));
        attributes.put("reason", String.valueOf(auth.reason()));
        attributes.put("path", Evidence.of(http.path()));
        report(new PolicyViolation(
                System.currentTimeMillis(),
                function,
                requestId,
                "authenticity",
                RuleIds.AUTHENTICITY,
                "Event failed authenticity check " + auth.authenticator() + " (" + auth.code() + ")",
                Severity.HIGH,
                block ? Action.BLOCKED : Action.MONITORED,
                attributes,
                sourceIp));
        if (block) {
            blocked = true;
            httpStatus = 401;
            refusal = HttpResponses.unauthorized(trigger, multiValueHeaders, requestId, null);
        }
    }

    private void decide(List<Inspector.Hit> hits, Policy policy) {
        if (hits.isEmpty()) {
            return;
        }
        boolean batch = trigger.isBatch() && adapter.recordsField() != null;
        for (Inspector.Hit hit : mostSpecific(hits)) {
            Detection d = hit.detection();
            String location = hit.value().location();
            String category = hit.detector().category();
            if (ExclusionMatcher.excluded(
                    policy, function.name(), location, hit.value().name(), category, d.ruleId())) {
                continue;
            }
            Action action;
            if (policy.modeFor(category) != Mode.BLOCK) {
                action = Action.MONITORED;
            } else if (batch && hit.value().recordIndex() >= 0) {
                blockedRecords.add(hit.value().recordIndex());
                action = policy.batchMode() == BatchMode.REPORT ? Action.REPORTED_FAILURE : Action.DROPPED;
            } else {
                blocked = true;
                action = Action.BLOCKED;
            }
            report(new SecurityFinding(
                    System.currentTimeMillis(),
                    function,
                    requestId,
                    trigger,
                    hit.detector().id(),
                    category,
                    d.ruleId(),
                    d.title(),
                    d.severity(),
                    location,
                    Evidence.around(d.variant().text(), d.start(), d.end(), Evidence.DEFAULT_MAX),
                    d.variant().decoding(),
                    action,
                    hit.value().recordIndex(),
                    sourceIp));
        }
        if (blocked && trigger.isHttp()) {
            httpStatus = 403;
            refusal = HttpResponses.forbidden(trigger, multiValueHeaders, requestId);
        }
        if (!blockedRecords.isEmpty() && policy.batchMode() == BatchMode.REPORT) {
            List<?> records = (List<?>) tree.get(adapter.recordsField());
            for (int index : blockedRecords) {
                if (records.get(index) instanceof Map<?, ?> record) {
                    @SuppressWarnings("unchecked")
                    String id = adapter.recordId((Map<String, Object>) record);
                    if (id != null) {
                        failedRecordIds.add(id);
                    }
                }
            }
        }
    }

    /**
     * One hit per attack: adapters report a payload whole ({@code body}) and then its parts ({@code body.$.note}), so
     * the same match can arrive twice. Hits of the same rule, record and matched text keep only the most specific
     * location (the longest one that extends the other).
     */
    private static List<Inspector.Hit> mostSpecific(List<Inspector.Hit> hits) {
        if (hits.size() == 1) {
            return hits;
        }
        Map<String, Inspector.Hit> chosen = new LinkedHashMap<>();
        for (Inspector.Hit hit : hits) {
            Detection d = hit.detection();
            String text = d.variant().text();
            String matched = text.substring(
                    Math.max(0, Math.min(d.start(), text.length())), Math.max(0, Math.min(d.end(), text.length())));
            String key = d.ruleId() + '\u0000' + hit.value().recordIndex() + '\u0000' + matched;
            Inspector.Hit previous = chosen.get(key);
            String location = hit.value().location();
            if (previous == null) {
                chosen.put(key, hit);
            } else if (location.startsWith(previous.value().location())) {
                chosen.put(key, hit);
            } else if (!previous.value().location().startsWith(location)) {
                chosen.put(key + '\u0000' + location, hit);
            }
        }
        return new ArrayList<>(chosen.values());
    }

    Object prepareTypedInput(Object input) {
        if (blockedRecords.isEmpty()) {
            return input;
        }
        if (blockedRecords.size() >= recordCount) {
            return null;
        }
        try {
            return TypedEvents.withoutRecords(input, adapter.recordsField(), blockedRecords);
        } catch (UnsupportedOperationException e) {
            failOpen("batch_filter_failed", "shield", e.getMessage());
            return input;
        }
    }

    byte[] prepareStreamInput(byte[] input) {
        if (blockedRecords.isEmpty()) {
            return input;
        }
        if (blockedRecords.size() >= recordCount) {
            return null;
        }
        return Json.write(Batches.withoutRecords(tree, adapter.recordsField(), blockedRecords));
    }

    /** The response when every record of a batch was removed and the handler is not called. */
    Object responseWithoutHandler() {
        return failedRecordIds.isEmpty() ? null : Batches.failures(failedRecordIds);
    }

    byte[] responseBytesWithoutHandler() {
        return Json.write(responseWithoutHandler());
    }

    /** Whether the wrapper must capture the handler's response for {@link #afterStreamResponse}. */
    boolean needsResponse() {
        return !failedRecordIds.isEmpty()
                || (trigger.isHttp() && shield.policy.hygiene().responseLeaks());
    }

    Object afterTypedResponse(Object response) {
        long t0 = System.nanoTime();
        try {
            if (trigger.isHttp() && shield.policy.hygiene().responseLeaks()) {
                response = checkLeaks(response);
            }
            if (!failedRecordIds.isEmpty()) {
                if (response == null || response instanceof Map) {
                    response = Batches.mergeFailures(response, failedRecordIds).response();
                } else if (!TypedEvents.addBatchFailures(response, failedRecordIds)) {
                    reportUnmergedFailures();
                }
            }
        } catch (RuntimeException e) {
            failOpen("internal_error", "shield", e.getClass().getSimpleName() + " checking the response");
        }
        shieldNanos += System.nanoTime() - t0;
        return response;
    }

    byte[] afterStreamResponse(byte[] response) {
        long t0 = System.nanoTime();
        try {
            Object tree = Json.parse(response);
            Object after = tree;
            if (trigger.isHttp() && shield.policy.hygiene().responseLeaks()) {
                after = checkLeaks(after);
            }
            if (!failedRecordIds.isEmpty()) {
                Batches.Merge merge = Batches.mergeFailures(after, failedRecordIds);
                if (!merge.merged()) {
                    reportUnmergedFailures();
                }
                after = merge.response();
            }
            if (after != tree) {
                response = Json.write(after);
            }
        } catch (JsonException e) {
            if (!failedRecordIds.isEmpty()) {
                reportUnmergedFailures();
            }
        } catch (RuntimeException e) {
            failOpen("internal_error", "shield", e.getClass().getSimpleName() + " checking the response");
        }
        shieldNanos += System.nanoTime() - t0;
        return response;
    }

    private Object checkLeaks(Object response) {
        if (response instanceof Map<?, ?> map && Boolean.TRUE.equals(map.get("isBase64Encoded"))) {
            return response;
        }
        String body = response instanceof String s ? s : TypedEvents.body(response);
        if (response instanceof Map<?, ?> map && map.get("statusCode") instanceof Number n) {
            httpStatus = n.intValue();
        }
        if (body == null || body.isEmpty()) {
            return response;
        }
        LeakScan scan = ResponseLeakScanner.scan(body);
        if (!scan.found()) {
            return response;
        }
        boolean sanitize = shield.policy.mode() == Mode.BLOCK;
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("kinds", String.join(",", scan.kinds()));
        report(new PolicyViolation(
                System.currentTimeMillis(),
                function,
                requestId,
                "hygiene.response",
                RuleIds.RESPONSE_LEAK,
                "Response leaks " + String.join(", ", scan.kinds()),
                scan.kinds().contains("stack_trace") && scan.kinds().size() == 1 ? Severity.MEDIUM : Severity.HIGH,
                sanitize ? Action.SANITIZED : Action.MONITORED,
                attributes,
                sourceIp));
        if (!sanitize) {
            return response;
        }
        return response instanceof String ? scan.sanitized() : TypedEvents.withBody(response, scan.sanitized());
    }

    private void reportUnmergedFailures() {
        failOpen(
                "batch_report_unsupported",
                "shield",
                failedRecordIds.size() + " blocked records could not be added to the handler's response as"
                        + " batchItemFailures; return SQSBatchResponse/StreamsEventResponse or a map, or use"
                        + " batch.on_block: drop");
    }

    /** One {@code detector_failed} event per failing detector, counting the values it failed on. */
    private void reportDetectorFailures(List<Inspector.Failure> failures) {
        if (failures.isEmpty()) {
            return;
        }
        Map<String, int[]> counts = new LinkedHashMap<>();
        Map<String, String> firstError = new LinkedHashMap<>();
        for (Inspector.Failure f : failures) {
            int[] n = counts.get(f.detector());
            if (n == null) {
                n = new int[1];
                counts.put(f.detector(), n);
                firstError.put(f.detector(), f.error());
            }
            n[0]++;
        }
        for (Map.Entry<String, int[]> e : counts.entrySet()) {
            report(new VigilError(
                    System.currentTimeMillis(),
                    function,
                    requestId,
                    "detector_failed",
                    "detector:" + e.getKey(),
                    firstError.get(e.getKey()) + " inspecting " + e.getValue()[0]
                            + " value(s); the detector was skipped for them",
                    e.getValue()[0]));
        }
    }

    /** Records a failure inside the Shield: reported once, and the function goes on. */
    void failOpen(String code, String component, String message) {
        report(new VigilError(System.currentTimeMillis(), function, requestId, code, component, message, 1));
    }

    void report(dev.vigil.core.telemetry.TelemetryEvent event) {
        if (!(event instanceof VigilError)) {
            reports++;
        }
        shield.emit(event);
    }

    FunctionInfo function() {
        return function;
    }

    String requestId() {
        return requestId;
    }

    /** Ends an invocation the Shield refused. */
    void endBlocked() {
        end(Outcome.BLOCKED);
    }

    /** Ends an invocation whose handler threw. */
    void endFailed() {
        end(Outcome.ERROR);
    }

    /** Ends an invocation whose handler returned (or was not needed because the whole batch was removed). */
    void endCompleted() {
        end(blockedRecords.isEmpty() ? Outcome.SUCCESS : Outcome.PARTIAL);
    }

    private void end(Outcome outcome) {
        if (ended) {
            return;
        }
        ended = true;
        long now = System.nanoTime();
        try {
            shield.emit(new InvocationSummary(
                    System.currentTimeMillis() - (now - startNanos) / 1_000_000,
                    function,
                    requestId,
                    trigger,
                    (now - startNanos) / 1000,
                    shieldNanos / 1000,
                    coldStart,
                    outcome,
                    reports,
                    recordCount,
                    httpMethod,
                    httpPath == null ? null : Evidence.of(httpPath),
                    outcome == Outcome.BLOCKED ? (refusal == null ? 0 : httpStatus) : httpStatus,
                    sourceIp));
            shield.sink.flush(System.nanoTime() + shield.policy.telemetry().flushTimeoutMs() * 1_000_000L);
        } catch (RuntimeException e) {
            // telemetry must never fail the invocation
        }
    }

    /** Marks the time spent so far as Shield time (called once inspection is done). */
    void markInspected() {
        shieldNanos += System.nanoTime() - startNanos;
    }
}
