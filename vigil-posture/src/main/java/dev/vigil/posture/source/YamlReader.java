package dev.vigil.posture.source;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Parse;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.CollectionStartEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.resolver.ScalarResolver;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * Reads YAML into a {@link Node} tree, safely: builds the tree straight from the parser's event stream with an
 * explicit stack (no recursion, so no stack overflow on deep input), bounds depth, aliases and the size an alias
 * expands to, constructs no objects from tags, and expands CloudFormation short-form tags ({@code !Ref},
 * {@code !GetAtt}, {@code !Sub}, …) into their long form. Plain scalars resolve by the YAML 1.2 core schema.
 * Merge keys ({@code <<: *defaults}), which Serverless Framework files use, are applied.
 */
public final class YamlReader {
    private static final ScalarResolver RESOLVER = new CoreSchema().getScalarResolver();
    private static final String MERGE_KEY = "<<";

    private final SourceLimits limits;

    public YamlReader(SourceLimits limits) {
        this.limits = limits;
    }

    /**
     * Reads the first document of {@code text}.
     *
     * @param file the name reported in locations
     * @return the root node, or null for an empty document
     * @throws SourceException naming the line, column and reason when the text is not YAML or breaks a limit
     */
    public Node read(String file, String text) throws SourceException {
        if (text.length() > limits.maxChars()) {
            throw new SourceException(
                    Location.startOf(file), "file is larger than " + limits.maxChars() + " characters");
        }
        LoadSettings settings = LoadSettings.builder()
                .setLabel(file)
                .setUseMarks(true)
                .setParseComments(false)
                .setCodePointLimit(Math.max(limits.maxChars(), 1))
                .setMaxAliasesForCollections(limits.maxAliases())
                .build();
        Builder b = new Builder(file);
        try {
            for (Event e : new Parse(settings).parseString(text)) {
                if (b.accept(e)) {
                    break;
                }
            }
        } catch (MarkedYamlEngineException e) {
            Mark m = e.getProblemMark().or(e::getContextMark).orElse(null);
            Location at = m == null ? Location.startOf(file) : new Location(file, m.getLine() + 1, m.getColumn() + 1);
            String problem = e.getProblem() != null ? e.getProblem() : "syntax error";
            String context = e.getContext() != null ? e.getContext() + ": " : "";
            throw new SourceException(at, "invalid YAML: " + context + problem);
        } catch (LimitExceeded e) {
            throw new SourceException(e.at, e.getMessage());
        } catch (RuntimeException e) {
            String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            int nl = msg.indexOf('\n');
            throw new SourceException(Location.startOf(file), "invalid YAML: " + (nl < 0 ? msg : msg.substring(0, nl)));
        }
        return b.root;
    }

    private static final class LimitExceeded extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient Location at;

        LimitExceeded(Location at, String message) {
            super(message, null, false, false);
            this.at = at;
        }
    }

    private record Anchored(Node node, long size) {}

    /** A collection being built. */
    private static final class Frame {
        final boolean map;
        final String tag;
        final String anchor;
        final Location location;
        final long startCount;
        final List<MapNode.Entry> entries = new ArrayList<>();
        final List<Node> items = new ArrayList<>();
        String pendingKey;
        Location pendingKeyLocation;
        boolean sawMerge;

        Frame(boolean map, String tag, String anchor, Location location, long startCount) {
            this.map = map;
            this.tag = tag;
            this.anchor = anchor;
            this.location = location;
            this.startCount = startCount;
        }
    }

    private final class Builder {
        final String file;
        final Deque<Frame> stack = new ArrayDeque<>();
        final Map<String, Anchored> anchors = new HashMap<>();
        long count;
        int aliases;
        Node root;
        boolean started;

        Builder(String file) {
            this.file = file;
        }

        Location at(Optional<Mark> mark) {
            return mark.map(m -> new Location(file, m.getLine() + 1, m.getColumn() + 1))
                    .orElse(Location.startOf(file));
        }

        /** Returns true when the first document is complete. */
        boolean accept(Event e) {
            switch (e.getEventId()) {
                case DocumentStart -> started = true;
                case DocumentEnd -> {
                    return started;
                }
                case MappingStart, SequenceStart -> {
                    CollectionStartEvent c = (CollectionStartEvent) e;
                    Location loc = at(e.getStartMark());
                    if (stack.size() >= limits.maxDepth()) {
                        throw new LimitExceeded(loc, "nested deeper than " + limits.maxDepth() + " levels");
                    }
                    countNode(loc, 1);
                    boolean map = e.getEventId() == Event.ID.MappingStart;
                    stack.push(new Frame(
                            map,
                            c.getTag().orElse(null),
                            c.getAnchor().map(a -> a.getValue()).orElse(null),
                            loc,
                            count));
                }
                case MappingEnd, SequenceEnd -> {
                    Frame f = stack.pop();
                    Node node = f.map ? new MapNode(merged(f), f.location) : new SeqNode(f.items, f.location);
                    node = applyTag(f.tag, node, f.location);
                    if (f.anchor != null) {
                        anchors.put(f.anchor, new Anchored(node, count - f.startCount + 1));
                    }
                    add(node, f.location);
                }
                case Scalar -> {
                    ScalarEvent s = (ScalarEvent) e;
                    Location loc = at(e.getStartMark());
                    countNode(loc, 1);
                    Node node = scalar(s, loc);
                    if (s.getAnchor().isPresent()) {
                        anchors.put(s.getAnchor().get().getValue(), new Anchored(node, 1));
                    }
                    add(node, loc);
                }
                case Alias -> {
                    AliasEvent a = (AliasEvent) e;
                    Location loc = at(e.getStartMark());
                    String name = a.getAlias().getValue();
                    Anchored target = anchors.get(name);
                    if (target == null) {
                        throw new LimitExceeded(loc, "invalid YAML: unknown alias *" + name);
                    }
                    if (++aliases > limits.maxAliases()) {
                        throw new LimitExceeded(loc, "more than " + limits.maxAliases() + " YAML aliases");
                    }
                    countNode(loc, target.size());
                    add(target.node(), loc);
                }
                default -> {}
            }
            return false;
        }

        void countNode(Location loc, long n) {
            count += n;
            if (count > limits.maxNodes()) {
                throw new LimitExceeded(
                        loc, "document expands to more than " + limits.maxNodes() + " values (alias bomb?)");
            }
        }

        void add(Node node, Location loc) {
            Frame f = stack.peek();
            if (f == null) {
                root = node;
            } else if (!f.map) {
                f.items.add(node);
            } else if (f.pendingKey == null) {
                if (!(node instanceof ScalarNode s)) {
                    throw new LimitExceeded(loc, "mapping keys must be plain values, not maps or lists");
                }
                f.pendingKey = s.kind() == ScalarNode.Kind.NULL ? "" : s.value();
                f.pendingKeyLocation = loc;
            } else {
                if (f.pendingKey.equals(MERGE_KEY)) {
                    f.sawMerge = true;
                }
                f.entries.add(new MapNode.Entry(f.pendingKey, f.pendingKeyLocation, node));
                f.pendingKey = null;
            }
        }

        List<MapNode.Entry> merged(Frame f) {
            if (!f.sawMerge) {
                return f.entries;
            }
            List<MapNode.Entry> out = new ArrayList<>();
            List<MapNode.Entry> inherited = new ArrayList<>();
            for (MapNode.Entry e : f.entries) {
                if (!e.key().equals(MERGE_KEY)) {
                    out.add(e);
                } else if (e.value() instanceof MapNode m) {
                    inherited.addAll(m.entries());
                } else if (e.value() instanceof SeqNode s) {
                    for (Node n : s.items()) {
                        if (n instanceof MapNode m) {
                            inherited.addAll(m.entries());
                        }
                    }
                }
            }
            java.util.Set<String> present = new java.util.HashSet<>();
            for (MapNode.Entry o : out) {
                present.add(o.key());
            }
            for (MapNode.Entry e : inherited) {
                if (present.add(e.key())) {
                    out.add(e);
                }
            }
            return out;
        }

        Node scalar(ScalarEvent s, Location loc) {
            String tag = s.getTag().orElse(null);
            String value = s.getValue();
            ScalarNode.Kind kind;
            if (tag != null && !tag.equals("!")) {
                kind = switch (tag) {
                    case "tag:yaml.org,2002:int" -> ScalarNode.Kind.INT;
                    case "tag:yaml.org,2002:float" -> ScalarNode.Kind.FLOAT;
                    case "tag:yaml.org,2002:bool" -> ScalarNode.Kind.BOOL;
                    case "tag:yaml.org,2002:null" -> ScalarNode.Kind.NULL;
                    default -> ScalarNode.Kind.STRING;
                };
            } else if (s.isPlain() && surelyString(value)) {
                kind = ScalarNode.Kind.STRING;
            } else if (s.isPlain()) {
                Tag t = RESOLVER.resolve(value, true);
                kind = t.equals(Tag.NULL)
                        ? ScalarNode.Kind.NULL
                        : t.equals(Tag.BOOL)
                                ? ScalarNode.Kind.BOOL
                                : t.equals(Tag.INT)
                                        ? ScalarNode.Kind.INT
                                        : t.equals(Tag.FLOAT) ? ScalarNode.Kind.FLOAT : ScalarNode.Kind.STRING;
            } else {
                kind = ScalarNode.Kind.STRING;
            }
            // An empty tagged scalar (e.g. "!GetAZs" alone) is an empty string argument, not null.
            if (tag != null && tag.startsWith("!") && kind == ScalarNode.Kind.NULL) {
                kind = ScalarNode.Kind.STRING;
            }
            Node node = new ScalarNode(value, kind, loc);
            return applyTag(tag, node, loc);
        }

        /**
         * True when a plain scalar cannot be a null, bool, int or float of the YAML 1.2 core schema, judged from its
         * first character (those all start with a digit, a sign, a dot, {@code ~} or n/t/f). Most keys and values of
         * a template are such strings, so the schema's regular expressions run only for the rest.
         */
        boolean surelyString(String value) {
            if (value.isEmpty()) {
                return false;
            }
            char c = value.charAt(0);
            return switch (c) {
                case '0',
                        '1',
                        '2',
                        '3',
                        '4',
                        '5',
                        '6',
                        '7',
                        '8',
                        '9',
                        '+',
                        '-',
                        '.',
                        '~',
                        'n',
                        'N',
                        't',
                        'T',
                        'f',
                        'F' -> false;
                default -> true;
            };
        }

        /** Expands a CloudFormation short-form tag into the long form; other tags leave the node as it is. */
        Node applyTag(String tag, Node node, Location loc) {
            String fn = Intrinsic.longName(tag);
            if (fn == null) {
                return node;
            }
            Node arg = node;
            if (fn.equals("Fn::GetAtt") && node instanceof ScalarNode s) {
                String v = s.value();
                int dot = v.indexOf('.');
                List<Node> parts = new ArrayList<>(2);
                parts.add(new ScalarNode(dot < 0 ? v : v.substring(0, dot), ScalarNode.Kind.STRING, loc));
                if (dot >= 0) {
                    parts.add(new ScalarNode(v.substring(dot + 1), ScalarNode.Kind.STRING, loc));
                }
                arg = new SeqNode(parts, loc);
            }
            return new MapNode(List.of(new MapNode.Entry(fn, loc, arg)), loc);
        }
    }
}
