package dev.vigil.shield.aws.events;

import dev.vigil.shield.inspect.InputSink;
import dev.vigil.shield.inspect.Source;
import dev.vigil.shield.json.Json;
import dev.vigil.shield.json.JsonException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads HTTP bodies the way the function's framework would: undoes {@code isBase64Encoded}, then parses JSON,
 * {@code application/x-www-form-urlencoded} and {@code multipart/form-data} bodies into their fields. The whole body
 * is always reported first (location {@code body}), then its parts: {@code body.$.order.note},
 * {@code body.form.note}, {@code body.multipart.note}.
 */
final class HttpBodies {

    /** Most form fields read from one body (Tomcat's default parameter limit). */
    static final int MAX_FORM_FIELDS = 10_000;

    /** Most multipart parts read from one body. */
    static final int MAX_MULTIPART_PARTS = 1_000;

    /** Longest multipart boundary accepted (RFC 2046 allows 70 characters). */
    static final int MAX_BOUNDARY = 200;

    private static final byte[] EMPTY = new byte[0];

    private HttpBodies() {}

    /** The body bytes exactly as the client sent them: base64 undone when flagged; empty when there is no body. */
    static byte[] bytes(String body, boolean base64) {
        if (body == null || body.isEmpty()) {
            return EMPTY;
        }
        if (base64) {
            byte[] decoded = Decoding.base64(body);
            if (decoded != null) {
                return decoded;
            }
        }
        return body.getBytes(StandardCharsets.UTF_8);
    }

    /** The body as text: base64 undone when flagged (and valid), read as UTF-8. */
    static String text(String body, boolean base64) {
        if (body == null || !base64 || body.isEmpty()) {
            return body;
        }
        byte[] decoded = Decoding.base64(body);
        return decoded == null ? body : Decoding.utf8(decoded);
    }

    /**
     * Reports {@code body} (already base64-decoded text) at {@code location}, then its fields according to
     * {@code contentType} (the full header value, parameters included).
     */
    static void extract(
            String body, String contentType, String location, Source source, int recordIndex, InputSink sink) {
        if (body == null || body.isEmpty()) {
            return;
        }
        sink.accept(location, body, source, recordIndex);
        String media = mediaType(contentType);
        if (media.equals("application/x-www-form-urlencoded")) {
            form(body, location + ".form", source, recordIndex, sink);
        } else if (media.startsWith("multipart/")) {
            String boundary = parameter(contentType, "boundary");
            if (boundary != null && !boundary.isEmpty() && boundary.length() <= MAX_BOUNDARY) {
                multipart(body, boundary, location + ".multipart", source, recordIndex, sink);
            }
        } else if (media.contains("json") || Decoding.looksLikeJson(body)) {
            Object parsed;
            try {
                parsed = Json.parse(body);
            } catch (JsonException e) {
                return;
            }
            JsonWalker.walk(parsed, location + ".$", source, recordIndex, sink);
        }
    }

    /** The media type without parameters, lower case; empty when absent. */
    static String mediaType(String contentType) {
        if (contentType == null) {
            return "";
        }
        int semi = contentType.indexOf(';');
        return Names.lower((semi < 0 ? contentType : contentType.substring(0, semi)).trim());
    }

    /** Receives one decoded {@code name=value} pair. */
    interface PairSink {
        void pair(String name, String value);
    }

    /** Reports each pair as a value under {@code prefix} (named classes, not lambdas: cheaper at cold start). */
    static final class ReportingPairs implements PairSink {
        private final String prefix;
        private final Source source;
        private final int recordIndex;
        private final InputSink sink;

        ReportingPairs(String prefix, Source source, int recordIndex, InputSink sink) {
            this.prefix = prefix;
            this.source = source;
            this.recordIndex = recordIndex;
            this.sink = sink;
        }

        @Override
        public void pair(String name, String value) {
            nameAndValue(Names.child(prefix, name), name, value, source, recordIndex, sink);
        }
    }

    /** Collects pairs into a multi-valued map, in order. */
    static final class CollectingPairs implements PairSink {
        final Map<String, List<String>> values = new LinkedHashMap<>();

        @Override
        public void pair(String name, String value) {
            List<String> list = values.get(name);
            if (list == null) {
                list = new ArrayList<>(1);
                values.put(name, list);
            }
            list.add(value);
        }
    }

    /**
     * Splits {@code text} on {@code separator} into {@code name=value} pairs (a pair without {@code =} is a name with
     * an empty value), trimming blanks around names when asked and percent-decoding ({@code +} as space) when asked.
     * Reads at most {@link #MAX_FORM_FIELDS} pairs.
     */
    static void pairs(String text, char separator, boolean trim, boolean urlDecode, PairSink out) {
        int n = text.length();
        int start = 0;
        int count = 0;
        while (start < n && count < MAX_FORM_FIELDS) {
            int end = start;
            int eq = -1;
            while (end < n) {
                char c = text.charAt(end);
                if (c == separator) {
                    break;
                }
                if (c == '=' && eq < 0) {
                    eq = end;
                }
                end++;
            }
            if (end > start) {
                String name = eq < 0 ? text.substring(start, end) : text.substring(start, eq);
                String value = eq < 0 ? "" : text.substring(eq + 1, end);
                if (trim) {
                    name = name.trim();
                    value = value.trim();
                }
                if (urlDecode) {
                    name = Decoding.url(name, true);
                    value = Decoding.url(value, true);
                }
                if (!name.isEmpty() || !value.isEmpty()) {
                    out.pair(name, value);
                    count++;
                }
            }
            start = end + 1;
        }
    }

    /** Reports a name (when it is not plain) and its value at {@code location}. */
    static void nameAndValue(
            String location, String name, String value, Source source, int recordIndex, InputSink sink) {
        if (!name.isEmpty() && !Names.isPlain(name)) {
            sink.accept(location, name, source, recordIndex);
        }
        if (!value.isEmpty()) {
            sink.accept(location, value, source, recordIndex);
        }
    }

    private static void form(String body, String prefix, Source source, int recordIndex, InputSink sink) {
        pairs(body, '&', false, true, new ReportingPairs(prefix, source, recordIndex, sink));
    }

    private static void multipart(
            String body, String boundary, String prefix, Source source, int recordIndex, InputSink sink) {
        String delimiter = "--" + boundary;
        int[] table = DelimiterSearch.table(delimiter);
        int n = body.length();
        int pos = DelimiterSearch.indexOf(body, delimiter, table, 0);
        int parts = 0;
        while (pos >= 0 && parts < MAX_MULTIPART_PARTS) {
            int after = pos + delimiter.length();
            if (body.startsWith("--", after)) {
                return;
            }
            int lineEnd = body.indexOf('\n', after);
            if (lineEnd < 0) {
                return;
            }
            String disposition = null;
            String partType = null;
            int lineStart = lineEnd + 1;
            int contentStart = -1;
            while (lineStart <= n) {
                int nl = body.indexOf('\n', lineStart);
                int end = nl < 0 ? n : nl;
                int trimmedEnd = end > lineStart && body.charAt(end - 1) == '\r' ? end - 1 : end;
                if (trimmedEnd == lineStart) {
                    contentStart = nl < 0 ? n : nl + 1;
                    break;
                }
                if (startsWithIgnoreCase(body, lineStart, "content-disposition:")) {
                    disposition = body.substring(lineStart + 20, trimmedEnd);
                } else if (startsWithIgnoreCase(body, lineStart, "content-type:")) {
                    partType = body.substring(lineStart + 13, trimmedEnd).trim();
                }
                if (nl < 0) {
                    break;
                }
                lineStart = nl + 1;
            }
            if (contentStart < 0) {
                return;
            }
            int next = DelimiterSearch.indexOf(body, delimiter, table, contentStart);
            int contentEnd = next < 0 ? n : next;
            if (contentEnd > contentStart && body.charAt(contentEnd - 1) == '\n') {
                contentEnd--;
                if (contentEnd > contentStart && body.charAt(contentEnd - 1) == '\r') {
                    contentEnd--;
                }
            }
            part(body, contentStart, contentEnd, disposition, partType, prefix, source, recordIndex, sink);
            parts++;
            pos = next;
        }
    }

    private static void part(
            String body,
            int start,
            int end,
            String disposition,
            String partType,
            String prefix,
            Source source,
            int recordIndex,
            InputSink sink) {
        String name = disposition == null ? null : parameter(disposition, "name");
        if (name == null) {
            name = "";
        }
        String filename = disposition == null ? null : parameter(disposition, "filename");
        String location = Names.child(prefix, name);
        if (!name.isEmpty() && !Names.isPlain(name)) {
            sink.accept(location, name, source, recordIndex);
        }
        if (filename != null && !filename.isEmpty()) {
            sink.accept(location + ".filename", filename, source, recordIndex);
        }
        if (filename == null || isTextual(mediaType(partType))) {
            JsonWalker.text(body.substring(start, end), location, source, recordIndex, sink);
        }
    }

    private static boolean isTextual(String media) {
        return media.isEmpty()
                || media.startsWith("text/")
                || media.contains("json")
                || media.contains("xml")
                || media.equals("application/x-www-form-urlencoded");
    }

    private static boolean startsWithIgnoreCase(String s, int offset, String prefix) {
        return s.regionMatches(true, offset, prefix, 0, prefix.length());
    }

    /**
     * The value of parameter {@code name} in a header value such as {@code form-data; name="a"; filename="b.txt"} or
     * {@code multipart/form-data; boundary=xyz}, unquoted; {@code null} when absent.
     */
    static String parameter(String headerValue, String name) {
        if (headerValue == null) {
            return null;
        }
        int n = headerValue.length();
        int i = headerValue.indexOf(';');
        while (i >= 0 && i < n) {
            i++;
            while (i < n && (headerValue.charAt(i) == ' ' || headerValue.charAt(i) == '\t')) {
                i++;
            }
            int nameStart = i;
            while (i < n && headerValue.charAt(i) != '=' && headerValue.charAt(i) != ';') {
                i++;
            }
            boolean matches = headerValue.substring(nameStart, i).trim().equalsIgnoreCase(name);
            if (i >= n || headerValue.charAt(i) == ';') {
                continue;
            }
            i++; // '='
            while (i < n && headerValue.charAt(i) == ' ') {
                i++;
            }
            String value;
            if (i < n && headerValue.charAt(i) == '"') {
                StringBuilder sb = new StringBuilder();
                i++;
                while (i < n && headerValue.charAt(i) != '"') {
                    char c = headerValue.charAt(i);
                    if (c == '\\' && i + 1 < n) {
                        c = headerValue.charAt(++i);
                    }
                    sb.append(c);
                    i++;
                }
                value = sb.toString();
                i = headerValue.indexOf(';', i);
            } else {
                int semi = headerValue.indexOf(';', i);
                value = (semi < 0 ? headerValue.substring(i) : headerValue.substring(i, semi)).trim();
                i = semi;
            }
            if (matches) {
                return value;
            }
        }
        return null;
    }

    /** Upper case for HTTP methods. */
    static String upper(String s) {
        return s == null ? "" : s.toUpperCase(Locale.ROOT);
    }
}
