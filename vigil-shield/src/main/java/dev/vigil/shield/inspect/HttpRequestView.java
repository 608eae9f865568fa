package dev.vigil.shield.inspect;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The HTTP request carried by an API-style event, normalised across API Gateway v1/v2, ALB and function URLs.
 *
 * @param method the HTTP method, upper case
 * @param path the request path
 * @param headers headers keyed by lower-case name; multi-value headers keep every value in order
 * @param query query-string parameters, each with every value in order
 * @param body the body bytes exactly as the client sent them (after undoing {@code isBase64Encoded}); empty if none
 */
public record HttpRequestView(
        String method, String path, Map<String, List<String>> headers, Map<String, List<String>> query, byte[] body) {

    /** The first value of a header, looked up case-insensitively, or {@code null}. */
    public String header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** The media type of the body without parameters, lower case, or an empty string. */
    public String contentType() {
        String ct = header("content-type");
        if (ct == null) {
            return "";
        }
        int semi = ct.indexOf(';');
        return (semi < 0 ? ct : ct.substring(0, semi)).trim().toLowerCase(Locale.ROOT);
    }
}
