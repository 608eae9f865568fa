package dev.vigil.shield.aws.events;

import dev.vigil.core.telemetry.Trigger;
import java.util.List;
import java.util.Map;

/**
 * The client address of an HTTP-triggered event, for telemetry ({@code src_endpoint.ip}).
 *
 * <ul>
 *   <li>API Gateway REST (payload 1.0): {@code requestContext.identity.sourceIp}, set by API Gateway;
 *   <li>API Gateway HTTP API and function URLs (payload 2.0): {@code requestContext.http.sourceIp}, set by AWS;
 *   <li>ALB: the last entry of {@code X-Forwarded-For}. ALB appends the address of the peer that connected to it
 *       (its default {@code append} mode), so the last entry is the one the client cannot choose; earlier entries
 *       are whatever the client or intermediate proxies wrote. Behind a CDN or proxy the last entry is that proxy.
 *       With the ALB attribute {@code routing.http.xff_header_processing.mode} set to {@code preserve} the whole
 *       header is client-controlled, and with {@code remove} there is none.
 * </ul>
 *
 * Only plain IP literals (hex digits, {@code .} and {@code :}, at most 45 characters) are returned: the value ends
 * up in telemetry that detection rules group by, so anything else (a forged header with spaces, names, control
 * characters) gives {@code null} rather than attacker text.
 */
public final class SourceAddress {

    /** Longest textual IPv6 address (with an embedded IPv4 part). */
    static final int MAX_LENGTH = 45;

    private SourceAddress() {}

    /** The client address of {@code event} for {@code trigger}, or {@code null} when unknown or not an IP literal. */
    public static String of(Trigger trigger, Map<String, Object> event) {
        if (trigger == null || event == null) {
            return null;
        }
        Map<String, Object> context = Fields.map(event, "requestContext");
        switch (trigger) {
            case API_GATEWAY_REST:
                return literal(Fields.string(Fields.map(context, "identity"), "sourceIp"));
            case API_GATEWAY_HTTP:
            case FUNCTION_URL:
                return literal(Fields.string(Fields.map(context, "http"), "sourceIp"));
            case ALB:
                return literal(lastForwardedFor(event));
            default:
                return null;
        }
    }

    /** The last entry of the last {@code X-Forwarded-For} value, from multi-value or single-value headers. */
    private static String lastForwardedFor(Map<String, Object> event) {
        String header = lastValue(Fields.map(event, "multiValueHeaders"));
        if (header == null) {
            header = lastValue(Fields.map(event, "headers"));
        }
        if (header == null) {
            return null;
        }
        int comma = header.lastIndexOf(',');
        return header.substring(comma + 1).strip();
    }

    private static String lastValue(Map<String, Object> headers) {
        if (headers == null) {
            return null;
        }
        Object value = null;
        for (Map.Entry<String, Object> e : headers.entrySet()) {
            if (e.getKey().equalsIgnoreCase("x-forwarded-for")) {
                value = e.getValue();
            }
        }
        if (value instanceof List<?> list) {
            value = list.isEmpty() ? null : list.get(list.size() - 1);
        }
        return Fields.text(value);
    }

    /** {@code text} when it looks like an IPv4 or IPv6 literal, else {@code null}. */
    static String literal(String text) {
        if (text == null || text.length() < 2 || text.length() > MAX_LENGTH) {
            return null;
        }
        boolean separator = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '.' || c == ':') {
                separator = true;
            } else if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) {
                return null;
            }
        }
        return separator ? text : null;
    }
}
