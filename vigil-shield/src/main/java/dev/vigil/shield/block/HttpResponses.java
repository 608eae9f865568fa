package dev.vigil.shield.block;

import dev.vigil.core.telemetry.Trigger;
import dev.vigil.shield.json.Json;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The refusal a blocked HTTP invocation returns, in the response shape its trigger expects: API Gateway REST (v1) and
 * HTTP (v2) proxy integrations, Lambda function URLs, and ALB (with {@code statusDescription}, and
 * {@code multiValueHeaders} when the target group sends multi-value headers).
 *
 * <p>The body names no rule and quotes nothing from the request, so it teaches an attacker nothing; it carries the
 * request id so a legitimate user can report a false positive.
 */
public final class HttpResponses {

    private HttpResponses() {}

    /** A 403 Forbidden refusal. */
    public static Map<String, Object> forbidden(Trigger trigger, boolean multiValueHeaders, String requestId) {
        return refusal(trigger, multiValueHeaders, 403, "Forbidden", requestId, null);
    }

    /**
     * A 401 Unauthorized refusal.
     *
     * @param challenge a {@code WWW-Authenticate} value, or {@code null}
     */
    public static Map<String, Object> unauthorized(
            Trigger trigger, boolean multiValueHeaders, String requestId, String challenge) {
        return refusal(trigger, multiValueHeaders, 401, "Unauthorized", requestId, challenge);
    }

    private static Map<String, Object> refusal(
            Trigger trigger, boolean multiValueHeaders, int status, String reason, String requestId, String challenge) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("message", reason);
        if (requestId != null) {
            body.put("requestId", requestId);
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("content-type", "application/json");
        headers.put("cache-control", "no-store");
        if (challenge != null) {
            headers.put("www-authenticate", challenge);
        }
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("statusCode", status);
        if (trigger == Trigger.ALB) {
            response.put("statusDescription", status + " " + reason);
        }
        if (trigger == Trigger.ALB && multiValueHeaders) {
            Map<String, Object> multi = new LinkedHashMap<>();
            headers.forEach((k, v) -> multi.put(k, List.of(v)));
            response.put("multiValueHeaders", multi);
        } else {
            response.put("headers", headers);
        }
        response.put("body", Json.writeString(body));
        response.put("isBase64Encoded", false);
        return response;
    }
}
