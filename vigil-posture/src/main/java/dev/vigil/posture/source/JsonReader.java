package dev.vigil.posture.source;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** Reads JSON into a {@link Node} tree with locations, iteratively, within {@link SourceLimits}. */
public final class JsonReader {
    private final SourceLimits limits;
    private final JsonFactory factory;

    public JsonReader(SourceLimits limits) {
        this.limits = limits;
        this.factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(limits.maxDepth())
                        .maxStringLength(limits.maxChars())
                        .maxDocumentLength(limits.maxChars())
                        .build())
                .build();
    }

    /**
     * Reads one JSON value.
     *
     * @throws SourceException naming line, column and reason when the text is not JSON or breaks a limit
     */
    public Node read(String file, String text) throws SourceException {
        if (text.length() > limits.maxChars()) {
            throw new SourceException(
                    Location.startOf(file), "file is larger than " + limits.maxChars() + " characters");
        }
        // A byte-order mark is legal at the start of a file (editors on Windows write one); Jackson rejects it in a
        // String, so it is dropped here.
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        try (JsonParser p = factory.createParser(body)) {
            Deque<Object[]> stack = new ArrayDeque<>(); // {Location, List entries|items, pendingKey, keyLocation}
            Node root = null;
            long count = 0;
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                Location loc = at(file, p.currentTokenLocation());
                Node done = null;
                switch (t) {
                    case START_OBJECT, START_ARRAY -> {
                        if (++count > limits.maxNodes()) {
                            throw new SourceException(loc, "more than " + limits.maxNodes() + " values");
                        }
                        stack.push(new Object[] {loc, new ArrayList<>(), null, null, t == JsonToken.START_OBJECT});
                    }
                    case FIELD_NAME -> {
                        Object[] f = stack.peek();
                        f[2] = p.currentName();
                        f[3] = loc;
                    }
                    case END_OBJECT, END_ARRAY -> {
                        Object[] f = stack.pop();
                        @SuppressWarnings("unchecked")
                        List<Object> list = (List<Object>) f[1];
                        if ((Boolean) f[4]) {
                            List<MapNode.Entry> entries = new ArrayList<>(list.size());
                            for (Object o : list) {
                                entries.add((MapNode.Entry) o);
                            }
                            done = new MapNode(entries, (Location) f[0]);
                        } else {
                            List<Node> items = new ArrayList<>(list.size());
                            for (Object o : list) {
                                items.add((Node) o);
                            }
                            done = new SeqNode(items, (Location) f[0]);
                        }
                    }
                    case VALUE_STRING -> done = new ScalarNode(p.getText(), ScalarNode.Kind.STRING, loc);
                    case VALUE_NUMBER_INT -> done = new ScalarNode(p.getText(), ScalarNode.Kind.INT, loc);
                    case VALUE_NUMBER_FLOAT -> done = new ScalarNode(p.getText(), ScalarNode.Kind.FLOAT, loc);
                    case VALUE_TRUE, VALUE_FALSE -> done = new ScalarNode(p.getText(), ScalarNode.Kind.BOOL, loc);
                    case VALUE_NULL -> done = new ScalarNode("null", ScalarNode.Kind.NULL, loc);
                    default -> throw new SourceException(loc, "unexpected JSON token " + t);
                }
                if (done == null) {
                    continue;
                }
                if (!(done instanceof MapNode) && !(done instanceof SeqNode) && ++count > limits.maxNodes()) {
                    throw new SourceException(loc, "more than " + limits.maxNodes() + " values");
                }
                Object[] parent = stack.peek();
                if (parent == null) {
                    root = done;
                    break;
                }
                @SuppressWarnings("unchecked")
                List<Object> list = (List<Object>) parent[1];
                if ((Boolean) parent[4]) {
                    list.add(new MapNode.Entry((String) parent[2], (Location) parent[3], done));
                } else {
                    list.add(done);
                }
            }
            if (root != null && p.nextToken() != null) {
                throw new SourceException(at(file, p.currentTokenLocation()), "invalid JSON: text after the value");
            }
            return root;
        } catch (JsonProcessingException e) {
            JsonLocation l = e.getLocation();
            String msg = e.getOriginalMessage();
            int nl = msg == null ? -1 : msg.indexOf('\n');
            throw new SourceException(
                    l == null ? Location.startOf(file) : at(file, l),
                    "invalid JSON: " + (msg == null ? "syntax error" : nl < 0 ? msg : msg.substring(0, nl)));
        } catch (IOException e) {
            throw new SourceException(Location.startOf(file), "cannot read: " + e.getMessage());
        }
    }

    private static Location at(String file, JsonLocation l) {
        return new Location(file, Math.max(1, l.getLineNr()), Math.max(1, l.getColumnNr()));
    }
}
