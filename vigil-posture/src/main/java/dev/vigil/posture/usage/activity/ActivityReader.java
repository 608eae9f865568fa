package dev.vigil.posture.usage.activity;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * Reads AWS API calls from CloudTrail logs and Shield telemetry: files or directories (recursive, in name order),
 * gzip or plain, either CloudTrail's S3 delivery format {@code {"Records":[…]}} (or a bare JSON array of records) or
 * JSON lines (one record per line, as {@code vigil hunt} reads them). Each line or record is bounded by
 * {@link ActivityLimits}; a record that cannot be used is reported as {@code file:line: reason} and reading goes on.
 */
public final class ActivityReader {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final ActivityLimits limits;
    private final JsonFactory json;
    private final Consumer<String> problems;
    private long records;
    private long calls;
    private long bad;
    private long files;
    private long reported;

    /**
     * @param limits size bounds
     * @param problems receives {@code file:line: reason} messages (at most {@link ActivityLimits#maxProblems()})
     */
    public ActivityReader(ActivityLimits limits, Consumer<String> problems) {
        this.limits = limits;
        this.problems = problems;
        this.json = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(limits.maxDepth())
                        .maxStringLength(limits.maxStringChars())
                        .maxDocumentLength(-1)
                        .build())
                .build();
    }

    /** Records seen (API calls and other lines). */
    public long records() {
        return records;
    }

    /** API calls handed on. */
    public long calls() {
        return calls;
    }

    /** Records that were reported and skipped. */
    public long bad() {
        return bad;
    }

    /** Files read. */
    public long files() {
        return files;
    }

    /**
     * Reads every input, handing each API call to {@code sink} in file order.
     *
     * @throws IOException when an input cannot be read at all (missing file, unreadable directory)
     */
    public void read(List<Path> inputs, Consumer<ApiCall> sink) throws IOException {
        for (Path input : inputs) {
            if (Files.isDirectory(input)) {
                List<Path> found;
                try (Stream<Path> walk = Files.walk(input)) {
                    found = walk.filter(Files::isRegularFile)
                            .filter(ActivityReader::looksLikeLog)
                            .sorted()
                            .toList();
                }
                for (Path f : found) {
                    readFile(f, sink);
                }
            } else if (Files.isRegularFile(input)) {
                readFile(input, sink);
            } else {
                throw new IOException(input + ": no such file or directory");
            }
        }
    }

    /**
     * In a directory, only files named like logs are read ({@code .json}, {@code .jsonl}, {@code .ndjson},
     * {@code .log}, {@code .gz}, or no extension), so a README next to the logs is not reported line by line.
     */
    static boolean looksLikeLog(Path file) {
        String n = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        if (n.startsWith(".")) {
            return false;
        }
        return n.endsWith(".json")
                || n.endsWith(".jsonl")
                || n.endsWith(".ndjson")
                || n.endsWith(".log")
                || n.endsWith(".gz")
                || n.indexOf('.') < 0;
    }

    /** Reads one file (gzip detected by its magic bytes). */
    public void readFile(Path file, Consumer<ApiCall> sink) throws IOException {
        files++;
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            InputStream in = raw;
            raw.mark(2);
            int b0 = raw.read();
            int b1 = raw.read();
            raw.reset();
            if (b0 == 0x1f && b1 == 0x8b) {
                in = new BufferedInputStream(new GZIPInputStream(raw, 1 << 16), 1 << 16);
            }
            read(file.toString(), in, sink);
        } catch (java.util.zip.ZipException | java.io.EOFException e) {
            // a damaged or truncated archive: what was read before counts, the rest of the file is skipped
            bad++;
            problem(file + ": broken or truncated gzip (" + e.getMessage() + "); rest of the file skipped");
        }
    }

    /** Reads one stream named {@code name} (must support mark/reset). */
    public void read(String name, InputStream in, Consumer<ApiCall> sink) throws IOException {
        if (!in.markSupported()) {
            in = new BufferedInputStream(in, 1 << 16);
        }
        if (isRecordsDocument(in)) {
            readDocument(name, in, sink);
        } else if (isPrettyObject(in)) {
            readObject(name, in, sink);
        } else {
            readLines(name, in, sink);
        }
    }

    /** True when the content starts like {@code {"Records":[} or {@code [} (one JSON document of many records). */
    private static boolean isRecordsDocument(InputStream in) throws IOException {
        in.mark(256);
        byte[] head = in.readNBytes(256);
        in.reset();
        String s = new String(head, StandardCharsets.ISO_8859_1)
                .replace("\uFEFF", "")
                .replace("\u00ef\u00bb\u00bf", "");
        int i = 0;
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        if (i < s.length() && s.charAt(i) == '[') {
            return true;
        }
        String compact = s.substring(i).replaceAll("\\s+", "");
        return compact.startsWith("{\"Records\":[");
    }

    /** True when the content is one pretty-printed JSON object: a line holding only its opening brace. */
    private static boolean isPrettyObject(InputStream in) throws IOException {
        in.mark(256);
        byte[] head = in.readNBytes(256);
        in.reset();
        int i = 0;
        while (i < head.length && (head[i] == ' ' || head[i] == '\t' || head[i] == '\r' || head[i] == '\n')) {
            i++;
        }
        if (i >= head.length || head[i] != '{') {
            return false;
        }
        for (int j = i + 1; j < head.length; j++) {
            if (head[j] == '\n') {
                return true;
            }
            if (head[j] != ' ' && head[j] != '\t' && head[j] != '\r') {
                return false;
            }
        }
        return false;
    }

    private void readDocument(String name, InputStream in, Consumer<ApiCall> sink) throws IOException {
        try (JsonParser p = json.createParser(in)) {
            JsonToken t = p.nextToken();
            if (t == JsonToken.START_OBJECT) {
                while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                    String field = p.currentName();
                    t = p.nextToken();
                    if (field.equals("Records") && t == JsonToken.START_ARRAY) {
                        readArray(name, p, sink);
                    } else {
                        p.skipChildren();
                    }
                }
            } else if (t == JsonToken.START_ARRAY) {
                readArray(name, p, sink);
            }
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            bad++;
            JsonLocation l =
                    e instanceof com.fasterxml.jackson.core.JsonProcessingException jpe ? jpe.getLocation() : null;
            problem(name + ":" + (l == null ? 1 : Math.max(1, l.getLineNr())) + ": " + shortMessage(e)
                    + " (rest of the file skipped)");
        }
    }

    /** One pretty-printed record (an event as the console shows it), or a pretty {@code {"Records":[…]}}. */
    private void readObject(String name, InputStream in, Consumer<ApiCall> sink) throws IOException {
        try (JsonParser p = json.createParser(in)) {
            p.nextToken();
            long line = Math.max(1, p.currentTokenLocation().getLineNr());
            JsonNode node = boundedTree(p);
            records++;
            if (node == null) {
                bad++;
                problem(name + ":" + line + ": record larger than " + limits.maxRecordBytes() + " bytes, skipped");
                return;
            }
            JsonNode wrapped = node.get("Records");
            if (wrapped != null && wrapped.isArray()) {
                records--;
                for (JsonNode r : wrapped) {
                    records++;
                    handle(r, name, line, sink);
                }
                return;
            }
            handle(node, name, line, sink);
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            bad++;
            JsonLocation l =
                    e instanceof com.fasterxml.jackson.core.JsonProcessingException jpe ? jpe.getLocation() : null;
            problem(name + ":" + (l == null ? 1 : Math.max(1, l.getLineNr())) + ": " + shortMessage(e));
        }
    }

    private void readArray(String name, JsonParser p, Consumer<ApiCall> sink) throws IOException {
        JsonToken t;
        while ((t = p.nextToken()) != null && t != JsonToken.END_ARRAY) {
            long line = Math.max(1, p.currentTokenLocation().getLineNr());
            JsonNode node = boundedTree(p);
            records++;
            if (node == null) {
                bad++;
                problem(name + ":" + line + ": record larger than " + limits.maxRecordBytes() + " bytes, skipped");
                continue;
            }
            handle(node, name, line, sink);
        }
    }

    private void readLines(String name, InputStream in, Consumer<ApiCall> sink) throws IOException {
        BoundedLines lines = new BoundedLines(in, limits.maxRecordBytes());
        byte[] line;
        boolean first = true;
        while ((line = lines.next()) != null) {
            long nr = lines.lineNumber();
            if (lines.truncated()) {
                records++;
                bad++;
                problem(name + ":" + nr + ": line longer than " + limits.maxRecordBytes() + " bytes, skipped");
                continue;
            }
            if (isBlank(line)) {
                continue;
            }
            JsonNode node;
            try (JsonParser p = json.createParser(line)) {
                p.nextToken();
                node = boundedTree(p);
                if (p.nextToken() != null) {
                    throw new com.fasterxml.jackson.core.JsonParseException(p, "text after the JSON value");
                }
            } catch (com.fasterxml.jackson.core.JacksonException e) {
                records++;
                bad++;
                if (first) {
                    problem(name + ":" + nr + ": neither JSON lines nor a CloudTrail log (" + shortMessage(e)
                            + "); file skipped");
                    return;
                }
                problem(name + ":" + nr + ": not JSON: " + shortMessage(e));
                continue;
            }
            first = false;
            JsonNode wrapped = node == null ? null : node.get("Records");
            if (wrapped != null && wrapped.isArray()) {
                for (JsonNode r : wrapped) {
                    records++;
                    handle(r, name, nr, sink);
                }
                continue;
            }
            records++;
            handle(node, name, nr, sink);
        }
    }

    private void handle(JsonNode node, String name, long line, Consumer<ApiCall> sink) {
        try {
            ApiCall c = RecordDecoder.decode(node, name, line);
            if (c != null) {
                calls++;
                sink.accept(c);
            }
        } catch (RecordDecoder.BadRecord e) {
            bad++;
            problem(name + ":" + line + ": " + e.getMessage());
        }
    }

    /**
     * Reads the value at the parser's current token into a tree, or returns null (having consumed the value) when it
     * spans more than {@link ActivityLimits#maxRecordBytes()}. Iterative, so nesting costs no stack.
     */
    private JsonNode boundedTree(JsonParser p) throws IOException {
        long start = offset(p.currentTokenLocation());
        JsonToken t = p.currentToken();
        if (t.isScalarValue()) {
            return scalar(p, t);
        }
        Deque<JsonNode> stack = new ArrayDeque<>();
        JsonNode root = t == JsonToken.START_OBJECT ? NODES.objectNode() : NODES.arrayNode();
        stack.push(root);
        String pending = null;
        boolean tooLarge = false;
        int depth = 1;
        int tokens = 0;
        while (depth > 0 && (t = p.nextToken()) != null) {
            // strings are where the bytes are; other tokens are checked now and then
            boolean check = t == JsonToken.VALUE_STRING || (++tokens & 15) == 0 || depth == 1;
            if (!tooLarge && check && offset(p.currentLocation()) - start > limits.maxRecordBytes()) {
                tooLarge = true;
                stack.clear();
            }
            switch (t) {
                case START_OBJECT, START_ARRAY -> {
                    depth++;
                    if (!tooLarge) {
                        JsonNode child = t == JsonToken.START_OBJECT ? NODES.objectNode() : NODES.arrayNode();
                        attach(stack.peek(), pending, child);
                        stack.push(child);
                    }
                    pending = null;
                }
                case END_OBJECT, END_ARRAY -> {
                    depth--;
                    if (!tooLarge && depth > 0) {
                        stack.pop();
                    }
                }
                case FIELD_NAME -> pending = p.currentName();
                default -> {
                    if (!tooLarge) {
                        attach(stack.peek(), pending, scalar(p, t));
                    }
                    pending = null;
                }
            }
        }
        return tooLarge ? null : root;
    }

    private static void attach(JsonNode parent, String field, JsonNode child) {
        if (parent instanceof ObjectNode o) {
            o.set(field == null ? "" : field, child);
        } else if (parent instanceof ArrayNode a) {
            a.add(child);
        }
    }

    private static JsonNode scalar(JsonParser p, JsonToken t) throws IOException {
        return switch (t) {
            case VALUE_STRING -> NODES.textNode(p.getText());
            case VALUE_NUMBER_INT -> NODES.numberNode(p.getLongValue());
            case VALUE_NUMBER_FLOAT -> NODES.numberNode(p.getDoubleValue());
            case VALUE_TRUE -> NODES.booleanNode(true);
            case VALUE_FALSE -> NODES.booleanNode(false);
            default -> NODES.nullNode();
        };
    }

    private static long offset(JsonLocation l) {
        long b = l.getByteOffset();
        return b >= 0 ? b : l.getCharOffset();
    }

    private static boolean isBlank(byte[] line) {
        for (byte b : line) {
            if (b != ' ' && b != '\t' && b != '\r') {
                return false;
            }
        }
        return true;
    }

    private static String shortMessage(Exception e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }

    private void problem(String message) {
        if (reported++ < limits.maxProblems()) {
            problems.accept(message);
        } else if (reported == limits.maxProblems() + 1) {
            problems.accept("(more problems are counted but not shown)");
        }
    }

    /** Lines of at most {@code max} bytes; longer ones are consumed and flagged. */
    private static final class BoundedLines {
        private final InputStream in;
        private final int max;
        private final byte[] chunk = new byte[1 << 16];
        private int pos;
        private int limit;
        private byte[] line = new byte[8192];
        private long number;
        private boolean truncated;
        private boolean eof;

        BoundedLines(InputStream in, int max) {
            this.in = in;
            this.max = max;
        }

        /** The next line without its terminator (empty when truncated), or null at the end. */
        byte[] next() throws IOException {
            int len = 0;
            truncated = false;
            boolean any = false;
            while (true) {
                if (pos == limit) {
                    if (eof) {
                        break;
                    }
                    limit = in.read(chunk, 0, chunk.length);
                    pos = 0;
                    if (limit <= 0) {
                        limit = 0;
                        eof = true;
                        break;
                    }
                }
                any = true;
                int start = pos;
                while (pos < limit && chunk[pos] != '\n') {
                    pos++;
                }
                int n = pos - start;
                if (!truncated && len + n > max) {
                    truncated = true;
                }
                if (!truncated) {
                    if (len + n > line.length) {
                        line = java.util.Arrays.copyOf(line, Math.min(max, Math.max(len + n, line.length * 2)));
                    }
                    System.arraycopy(chunk, start, line, len, n);
                    len += n;
                }
                if (pos < limit) {
                    pos++; // the newline
                    break;
                }
            }
            if (!any) {
                return null;
            }
            number++;
            return truncated ? new byte[0] : java.util.Arrays.copyOf(line, len);
        }

        long lineNumber() {
            return number;
        }

        boolean truncated() {
            return truncated;
        }
    }
}
