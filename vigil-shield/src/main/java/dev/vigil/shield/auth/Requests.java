package dev.vigil.shield.auth;

import dev.vigil.shield.inspect.HttpRequestView;
import java.util.List;
import java.util.Map;

/** Null-tolerant access to the parts of a request the verifiers read. */
final class Requests {

    private static final byte[] EMPTY = new byte[0];

    private Requests() {}

    /** The first value of a header (name already lower case), trimmed; {@code null} when absent or blank. */
    static String header(HttpRequestView request, String lowerCaseName) {
        if (request == null) {
            return null;
        }
        Map<String, List<String>> headers = request.headers();
        if (headers == null) {
            return null;
        }
        List<String> values = headers.get(lowerCaseName);
        if (values == null || values.isEmpty() || values.get(0) == null) {
            return null;
        }
        String value = values.get(0).trim();
        return value.isEmpty() ? null : value;
    }

    /** The raw body, never {@code null}. */
    static byte[] body(HttpRequestView request) {
        return request == null || request.body() == null ? EMPTY : request.body();
    }
}
