package dev.vigil.shield.aws.events;

import dev.vigil.shield.inspect.HttpRequestView;
import dev.vigil.shield.inspect.InputSink;
import dev.vigil.shield.inspect.Source;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the HTTP-shaped events share: the proxy shape of API Gateway REST (payload 1.0) and ALB, the payload 2.0 shape
 * of HTTP APIs and function URLs, and the reporting of paths, parameters, headers, cookies and bodies.
 */
final class HttpRequests {

    private HttpRequests() {}

    // ---- payload 1.0 (API Gateway REST) and ALB --------------------------------------------------------------

    /** Extracts a payload 1.0 / ALB request; ALB passes query strings still percent-encoded, so decode them. */
    static void extractProxy(Map<String, Object> event, boolean decodeQuery, InputSink sink) {
        path(Fields.string(event, "path"), sink);
        pathParameters(Fields.map(event, "pathParameters"), sink);
        query(preferMultiValue(event, "multiValueQueryStringParameters", "queryStringParameters"), decodeQuery, sink);
        Map<String, Object> headers = preferMultiValue(event, "multiValueHeaders", "headers");
        headers(headers, sink);
        String body = HttpBodies.text(Fields.string(event, "body"), Fields.isTrue(event, "isBase64Encoded"));
        HttpBodies.extract(body, header(headers, "content-type"), "body", Source.BODY, -1, sink);
    }

    /** The request of a payload 1.0 / ALB event. */
    static HttpRequestView viewProxy(Map<String, Object> event, boolean decodeQuery) {
        Map<String, List<String>> headers =
                multiMap(preferMultiValue(event, "multiValueHeaders", "headers"), true, false);
        Map<String, List<String>> query = multiMap(
                preferMultiValue(event, "multiValueQueryStringParameters", "queryStringParameters"),
                false,
                decodeQuery);
        return new HttpRequestView(
                HttpBodies.upper(Fields.string(event, "httpMethod")),
                orEmpty(Fields.string(event, "path")),
                headers,
                query,
                HttpBodies.bytes(Fields.string(event, "body"), Fields.isTrue(event, "isBase64Encoded")));
    }

    // ---- payload 2.0 (HTTP API, function URL) ------------------------------------------------------------------

    /** Extracts a payload 2.0 request. */
    static void extractV2(Map<String, Object> event, InputSink sink) {
        path(v2Path(event), sink);
        pathParameters(Fields.map(event, "pathParameters"), sink);
        String raw = Fields.string(event, "rawQueryString");
        if (raw != null && !raw.isEmpty()) {
            HttpBodies.pairs(raw, '&', false, true, new HttpBodies.ReportingPairs("query", Source.QUERY, -1, sink));
        } else {
            query(Fields.map(event, "queryStringParameters"), false, sink);
        }
        Map<String, Object> headers = Fields.map(event, "headers");
        headers(headers, sink);
        List<?> cookies = Fields.list(event, "cookies");
        if (cookies != null) {
            for (Object c : cookies) {
                if (c instanceof String s) {
                    cookies(s, sink);
                }
            }
        }
        String body = HttpBodies.text(Fields.string(event, "body"), Fields.isTrue(event, "isBase64Encoded"));
        HttpBodies.extract(body, header(headers, "content-type"), "body", Source.BODY, -1, sink);
    }

    /** The request of a payload 2.0 event; the {@code cookies} array becomes a {@code cookie} header again. */
    static HttpRequestView viewV2(Map<String, Object> event) {
        Map<String, List<String>> headers = multiMap(Fields.map(event, "headers"), true, false);
        List<?> cookies = Fields.list(event, "cookies");
        if (cookies != null && !cookies.isEmpty() && !headers.containsKey("cookie")) {
            StringBuilder joined = new StringBuilder();
            for (Object c : cookies) {
                if (c instanceof String s) {
                    if (joined.length() > 0) {
                        joined.append("; ");
                    }
                    joined.append(s);
                }
            }
            headers.put("cookie", List.of(joined.toString()));
        }
        Map<String, List<String>> query;
        String raw = Fields.string(event, "rawQueryString");
        if (raw != null && !raw.isEmpty()) {
            HttpBodies.CollectingPairs parsed = new HttpBodies.CollectingPairs();
            HttpBodies.pairs(raw, '&', false, true, parsed);
            query = parsed.values;
        } else {
            query = multiMap(Fields.map(event, "queryStringParameters"), false, false);
        }
        Map<String, Object> http = Fields.map(Fields.map(event, "requestContext"), "http");
        return new HttpRequestView(
                HttpBodies.upper(Fields.string(http, "method")),
                orEmpty(v2Path(event)),
                headers,
                query,
                HttpBodies.bytes(Fields.string(event, "body"), Fields.isTrue(event, "isBase64Encoded")));
    }

    /**
     * The method of {@link #viewV2} ({@code v2}) or {@link #viewProxy}, without building the rest of the view.
     */
    static String method(Map<String, Object> event, boolean v2) {
        return HttpBodies.upper(
                v2
                        ? Fields.string(Fields.map(Fields.map(event, "requestContext"), "http"), "method")
                        : Fields.string(event, "httpMethod"));
    }

    /** The path of {@link #viewV2} ({@code v2}) or {@link #viewProxy}, without building the rest of the view. */
    static String path(Map<String, Object> event, boolean v2) {
        return orEmpty(v2 ? v2Path(event) : Fields.string(event, "path"));
    }

    private static String v2Path(Map<String, Object> event) {
        String raw = Fields.string(event, "rawPath");
        return raw != null ? raw : Fields.string(Fields.map(Fields.map(event, "requestContext"), "http"), "path");
    }

    /** Whether a payload 2.0 event came through a function URL ({@code <id>.lambda-url.<region>.on.aws}). */
    static boolean isFunctionUrl(Map<String, Object> event) {
        String domain = Fields.string(Fields.map(event, "requestContext"), "domainName");
        return domain != null && domain.contains(".lambda-url.");
    }

    /** Whether {@code event} has the payload 2.0 shape. */
    static boolean isV2(Map<String, Object> event) {
        return "2.0".equals(Fields.string(event, "version"))
                && Fields.map(Fields.map(event, "requestContext"), "http") != null;
    }

    // ---- shared reporting --------------------------------------------------------------------------------------

    private static void path(String path, InputSink sink) {
        if (path != null && !path.isEmpty()) {
            sink.accept("path", path, Source.PATH, -1);
        }
    }

    private static void pathParameters(Map<String, Object> parameters, InputSink sink) {
        if (parameters == null) {
            return;
        }
        for (Map.Entry<String, Object> e : parameters.entrySet()) {
            String value = Fields.text(e.getValue());
            if (value != null && !value.isEmpty()) {
                sink.accept(Names.child("pathParameters", e.getKey()), value, Source.PATH, -1);
            }
        }
    }

    /** The multi-value map when the event has a non-empty one (payload 1.0 and ALB give both), else the other. */
    private static Map<String, Object> preferMultiValue(Map<String, Object> event, String multi, String single) {
        Map<String, Object> values = Fields.map(event, multi);
        return values != null && !values.isEmpty() ? values : Fields.map(event, single);
    }

    /** Reports query values (single or multi-valued) and unusual parameter names. */
    private static void query(Map<String, Object> query, boolean decode, InputSink sink) {
        if (query == null) {
            return;
        }
        for (Map.Entry<String, Object> e : query.entrySet()) {
            String name = decode ? Decoding.url(e.getKey(), true) : e.getKey();
            String location = Names.child("query", name);
            if (!name.isEmpty() && !Names.isPlain(name)) {
                sink.accept(location, name, Source.QUERY, -1);
            }
            Object value = e.getValue();
            if (value instanceof List<?> list) {
                for (Object v : list) {
                    queryValue(location, Fields.text(v), decode, sink);
                }
            } else {
                queryValue(location, Fields.text(value), decode, sink);
            }
        }
    }

    private static void queryValue(String location, String value, boolean decode, InputSink sink) {
        if (value != null && !value.isEmpty()) {
            sink.accept(location, decode ? Decoding.url(value, true) : value, Source.QUERY, -1);
        }
    }

    /** Reports header values (single or multi-valued), unusual header names, and the cookies of {@code Cookie}. */
    private static void headers(Map<String, Object> headers, InputSink sink) {
        if (headers == null) {
            return;
        }
        for (Map.Entry<String, Object> e : headers.entrySet()) {
            String name = e.getKey();
            String lower = Names.lower(name);
            String location = Names.child("headers", lower);
            if (!Names.isPlain(name)) {
                sink.accept(location, name, Source.HEADER, -1);
            }
            boolean cookie = lower.equals("cookie");
            Object value = e.getValue();
            if (value instanceof List<?> list) {
                for (Object v : list) {
                    headerValue(location, Fields.text(v), cookie, sink);
                }
            } else {
                headerValue(location, Fields.text(value), cookie, sink);
            }
        }
    }

    private static void headerValue(String location, String value, boolean cookie, InputSink sink) {
        if (value != null && !value.isEmpty()) {
            sink.accept(location, value, Source.HEADER, -1);
            if (cookie) {
                cookies(value, sink);
            }
        }
    }

    /** Reports the {@code name=value} pairs of a {@code Cookie} header or of one payload 2.0 cookie. */
    private static void cookies(String cookieText, InputSink sink) {
        HttpBodies.pairs(
                cookieText, ';', true, false, new HttpBodies.ReportingPairs("cookies", Source.COOKIE, -1, sink));
    }

    /** The first value of a header, looked up ignoring case, from a single- or multi-valued header map. */
    static String header(Map<String, Object> headers, String lowerName) {
        if (headers == null) {
            return null;
        }
        Object v = headers.get(lowerName);
        if (v == null) {
            for (Map.Entry<String, Object> e : headers.entrySet()) {
                if (e.getKey().equalsIgnoreCase(lowerName)) {
                    v = e.getValue();
                    break;
                }
            }
        }
        if (v instanceof List<?> l) {
            v = l.isEmpty() ? null : l.get(0);
        }
        return Fields.text(v);
    }

    private static Map<String, List<String>> multiMap(Map<String, Object> source, boolean lowerKeys, boolean decode) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (source == null) {
            return out;
        }
        for (Map.Entry<String, Object> e : source.entrySet()) {
            String key = e.getKey();
            key = lowerKeys ? Names.lower(key) : decode ? Decoding.url(key, true) : key;
            List<String> values = out.get(key);
            if (values == null) {
                values = new ArrayList<>(1);
                out.put(key, values);
            }
            Object value = e.getValue();
            if (value instanceof List<?> list) {
                for (Object v : list) {
                    addText(values, Fields.text(v), decode);
                }
            } else {
                addText(values, Fields.text(value), decode);
            }
        }
        return out;
    }

    private static void addText(List<String> values, String value, boolean decode) {
        if (value != null) {
            values.add(decode ? Decoding.url(value, true) : value);
        }
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
