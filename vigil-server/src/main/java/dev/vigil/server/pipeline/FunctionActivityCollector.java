package dev.vigil.server.pipeline;

import dev.vigil.detect.event.Event;
import dev.vigil.detect.event.FieldPath;
import dev.vigil.server.store.FunctionActivity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sums one batch's Shield telemetry into {@link FunctionActivity} per (tenant, function), field names as in {@code
 * docs/telemetry.md}: {@code invocation} lines count an invocation ({@code vigil.trigger}, {@code
 * vigil.duration_us}, {@code vigil.cold_start}, {@code vigil.outcome = error}, {@code vigil.function.runtime}, {@code
 * cloud.region}, {@code cloud.account.uid}); {@code policy_violation} lines of policy {@code egress} count an
 * outbound destination ({@code dst_endpoint.hostname} or {@code .ip}, with {@code :port}). Not thread-safe.
 */
public final class FunctionActivityCollector {
    static final FieldPath KIND = FieldPath.of("vigil.kind");
    static final FieldPath TRIGGER = FieldPath.of("vigil.trigger");
    static final FieldPath DURATION_US = FieldPath.of("vigil.duration_us");
    static final FieldPath COLD_START = FieldPath.of("vigil.cold_start");
    static final FieldPath OUTCOME = FieldPath.of("vigil.outcome");
    static final FieldPath RUNTIME = FieldPath.of("vigil.function.runtime");
    static final FieldPath REGION = FieldPath.of("cloud.region");
    static final FieldPath ACCOUNT = FieldPath.of("cloud.account.uid");
    static final FieldPath POLICY = FieldPath.of("vigil.policy");
    static final FieldPath DST_HOST = FieldPath.of("dst_endpoint.hostname");
    static final FieldPath DST_IP = FieldPath.of("dst_endpoint.ip");
    static final FieldPath DST_PORT = FieldPath.of("dst_endpoint.port");

    private final Map<List<String>, FunctionActivity> activities = new LinkedHashMap<>();
    private final Map<List<String>, String[]> deployments = new LinkedHashMap<>();

    /** Counts {@code event} if it is Shield telemetry about a function; other events are ignored. */
    public void add(Event event, String tenant, long timeMillis) {
        if (!EventFacts.isShield(event)) {
            return;
        }
        String function = event.text(EventFacts.VIGIL_FUNCTION);
        if (function == null || function.isBlank()) {
            return;
        }
        String kind = event.text(KIND);
        if ("invocation".equals(kind)) {
            FunctionActivity activity = activity(tenant, function);
            String[] deployment = deployments.computeIfAbsent(List.of(tenant, function), k -> new String[3]);
            keep(deployment, 0, event.text(RUNTIME));
            keep(deployment, 1, event.text(REGION));
            keep(deployment, 2, event.text(ACCOUNT));
            activity.deployment(deployment[0], deployment[1], deployment[2])
                    .invocation(
                            timeMillis,
                            event.text(TRIGGER),
                            parseLong(event.text(DURATION_US)),
                            "error".equals(event.text(OUTCOME)),
                            "true".equals(event.text(COLD_START)));
        } else if ("policy_violation".equals(kind) && "egress".equals(event.text(POLICY))) {
            String destination = destination(event);
            if (destination != null) {
                activity(tenant, function).egress(timeMillis, destination);
            }
        }
    }

    /** The activities counted so far, one per function. */
    public List<FunctionActivity> activities() {
        return new ArrayList<>(activities.values());
    }

    private FunctionActivity activity(String tenant, String function) {
        return activities.computeIfAbsent(List.of(tenant, function), k -> new FunctionActivity(tenant, function));
    }

    private static void keep(String[] known, int index, String value) {
        if (value != null && !value.isBlank()) {
            known[index] = value;
        }
    }

    private static String destination(Event event) {
        String host = event.text(DST_HOST);
        if (host == null) {
            host = event.text(DST_IP);
        }
        if (host == null) {
            return null;
        }
        String port = event.text(DST_PORT);
        return port == null ? host : host + ":" + port;
    }

    private static long parseLong(String text) {
        if (text == null) {
            return 0;
        }
        try {
            return Math.max(0, (long) Double.parseDouble(text));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
