package dev.vigil.posture.format.serverless;

import dev.vigil.posture.format.LoweringContext;
import dev.vigil.posture.source.JsonReader;
import dev.vigil.posture.source.Location;
import dev.vigil.posture.source.MapNode;
import dev.vigil.posture.source.Node;
import dev.vigil.posture.source.ScalarNode;
import dev.vigil.posture.source.SeqNode;
import dev.vigil.posture.source.SourceException;
import dev.vigil.posture.source.SourceLimits;
import dev.vigil.posture.source.YamlReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Resolves Serverless Framework variables ({@code ${source:address, fallback}}) in a serverless.yml the way the
 * framework does before it compiles the service, as far as that is possible without AWS: {@code self}, {@code opt},
 * {@code env}, {@code sls:stage}, {@code aws:region}, {@code param}, {@code strToBool(…)} and {@code file(…)} (YAML
 * and JSON inside the file's own directory tree). Everything else — {@code ssm}, {@code cf}, {@code s3},
 * {@code aws:accountId}, missing values, cycles — becomes the {@code Vigil::Unresolved} marker with the text as
 * written, unless a fallback resolves.
 *
 * <p>A value that is exactly one variable takes the referenced node (a map stays a map); a variable inside a longer
 * string must resolve to a scalar, otherwise the whole string stays unresolved. {@code ${AWS::Region}} and other
 * {@code Fn::Sub} references are not serverless variables and are left as written. Substituted scalars are placed where
 * the variable was written; the children of a substituted map or list keep their own locations.
 *
 * <p>Bounded: nesting depth, number of substitutions, string length, nodes produced, files read and their size. A
 * reference that is being resolved while it is referenced again (a cycle) does not resolve.
 */
public final class VariableResolver {
    static final int MAX_DEPTH = 48;
    static final int MAX_TREE_DEPTH = 400;
    static final int MAX_SUBSTITUTIONS = 20_000;
    static final int MAX_STRING = 256 * 1024;
    static final long MAX_NODES = 1_000_000;
    static final int MAX_FILES = 64;
    static final long MAX_FILE_BYTES = 2L * 1024 * 1024;
    static final int MAX_NOTED = 50;

    private final String file;
    private final MapNode raw;
    private final LoweringContext context;
    private final Map<String, Node> selfCache = new HashMap<>();
    private final Set<String> active = new HashSet<>();
    private final Map<Path, Node> files = new HashMap<>();
    private final List<String> problems = new ArrayList<>();
    private final List<String> unresolved = new ArrayList<>();
    private int unresolvedCount;
    private int substitutions;
    private long nodes;
    private int filesRead;

    /**
     * @param file the serverless.yml as named (locations of included files are named relative to it)
     * @param raw the document as read
     * @param context base directory, environment and options
     */
    public VariableResolver(String file, MapNode raw, LoweringContext context) {
        this.file = file;
        this.raw = raw;
        this.context = context;
    }

    /** The document with every variable resolved or marked unresolved. */
    public MapNode resolveDocument() {
        Node n = resolve(raw, 0);
        return n instanceof MapNode m ? m : raw;
    }

    /** Resolves the variables in one node of the document (or of an included file). */
    public Node resolve(Node node, int depth) {
        if (node == null) {
            return null;
        }
        if (depth > MAX_TREE_DEPTH) {
            return markUnresolved("(nested too deeply)", node.location());
        }
        if (node instanceof ScalarNode s) {
            return s.kind() == ScalarNode.Kind.STRING && s.value().contains("${") ? resolveString(s, depth) : s;
        }
        if (node instanceof MapNode m) {
            List<MapNode.Entry> out = null;
            List<MapNode.Entry> in = m.entries();
            for (int i = 0; i < in.size(); i++) {
                MapNode.Entry e = in.get(i);
                Node v = resolve(e.value(), depth + 1);
                if (v != e.value() && out == null) {
                    out = new ArrayList<>(in.subList(0, i));
                }
                if (out != null) {
                    out.add(v == e.value() ? e : new MapNode.Entry(e.key(), e.keyLocation(), v));
                }
            }
            return out == null ? m : new MapNode(out, m.location());
        }
        SeqNode q = (SeqNode) node;
        List<Node> out = null;
        for (int i = 0; i < q.size(); i++) {
            Node item = q.items().get(i);
            Node v = resolve(item, depth + 1);
            if (v != item && out == null) {
                out = new ArrayList<>(q.items().subList(0, i));
            }
            if (out != null) {
                out.add(v);
            }
        }
        return out == null ? q : new SeqNode(out, q.location());
    }

    /** Problems worth telling the user (a refused {@code file()} path). */
    public List<String> problems() {
        return List.copyOf(problems);
    }

    /** How many values were left unresolved. */
    public int unresolvedCount() {
        return unresolvedCount;
    }

    /** The first unresolved texts, as written (for reports and tests). */
    public List<String> unresolvedTexts() {
        return List.copyOf(unresolved);
    }

    /** The stage the service is compiled for: option, else {@code provider.stage}, else {@code dev}. */
    public String stage() {
        String s = context.options().get("stage");
        if (s != null) {
            return s;
        }
        Node n = lookupSelf("provider.stage", 1);
        return n != null && n.text() != null ? n.text() : "dev";
    }

    /** The region: option, else {@code provider.region}, else {@code us-east-1}. */
    public String region() {
        String s = context.options().get("region");
        if (s != null) {
            return s;
        }
        Node n = lookupSelf("provider.region", 1);
        return n != null && n.text() != null ? n.text() : "us-east-1";
    }

    private Node resolveString(ScalarNode s, int depth) {
        String t = s.value();
        Location at = s.location();
        int start = t.indexOf("${");
        int end = start < 0 ? -1 : closing(t, start);
        if (start == 0 && end == t.length() - 1 && isVariable(t.substring(2, end))) {
            Node v = evaluate(t.substring(2, end), depth + 1, at);
            return v == null ? markUnresolved(t, at) : Nodes.relocate(v, at);
        }
        String text = expand(t, depth, at);
        if (text == null) {
            return markUnresolved(t, at);
        }
        return text.equals(t) ? s : new ScalarNode(text, ScalarNode.Kind.STRING, at);
    }

    /** Substitutes every serverless variable in {@code t} by its scalar text; null when one does not resolve. */
    private String expand(String t, int depth, Location at) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < t.length()) {
            int start = t.indexOf("${", i);
            if (start < 0) {
                out.append(t, i, t.length());
                break;
            }
            int end = closing(t, start);
            if (end < 0) {
                out.append(t, i, t.length());
                break;
            }
            out.append(t, i, start);
            String inner = t.substring(start + 2, end);
            if (isVariable(inner)) {
                Node v = evaluate(inner, depth + 1, at);
                String text = v == null ? null : v.text();
                if (text == null) {
                    return null;
                }
                out.append(text);
            } else {
                out.append(t, start, end + 1);
            }
            if (out.length() > MAX_STRING) {
                return null;
            }
            i = end + 1;
        }
        return out.toString();
    }

    /** The index of the brace that closes the {@code ${} at {@code start}, or -1. */
    static int closing(String t, int start) {
        int depth = 0;
        for (int i = start + 1; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}') {
                if (--depth == 0) {
                    return i;
                }
            } else if ((c == '\'' || c == '"') && depth > 0) {
                int q = t.indexOf(c, i + 1);
                if (q > 0) {
                    i = q;
                }
            }
        }
        return -1;
    }

    /**
     * True when the text inside {@code ${…}} is a serverless variable ({@code source:…} or {@code source(…)}), not a
     * CloudFormation {@code Fn::Sub} reference such as {@code AWS::Region} or {@code Bucket.Arn}.
     */
    static boolean isVariable(String inner) {
        String t = inner.strip();
        int i = 0;
        while (i < t.length() && (Character.isLetterOrDigit(t.charAt(i)) || t.charAt(i) == '_')) {
            i++;
        }
        if (i == 0 || i >= t.length() || !Character.isLetter(t.charAt(0))) {
            return false;
        }
        char c = t.charAt(i);
        if (c == '(') {
            return true;
        }
        return c == ':' && (i + 1 >= t.length() || t.charAt(i + 1) != ':');
    }

    /** Evaluates {@code source:address, fallback, …}; null when nothing resolves. */
    private Node evaluate(String inner, int depth, Location at) {
        if (depth > MAX_DEPTH || ++substitutions > MAX_SUBSTITUTIONS) {
            return null;
        }
        List<String> parts = splitTopLevel(inner);
        for (String part : parts) {
            Node v = evaluatePart(part.strip(), depth, at);
            if (v != null && !Nodes.isNull(v) && !Nodes.isUnresolved(v)) {
                return v;
            }
        }
        // The framework compiles for stage dev in us-east-1 unless told otherwise.
        String first = parts.isEmpty() ? "" : parts.get(0).strip();
        if (first.equals("opt:stage")) {
            return Nodes.str("dev", at);
        }
        if (first.equals("opt:region")) {
            return Nodes.str("us-east-1", at);
        }
        return null;
    }

    private Node evaluatePart(String part, int depth, Location at) {
        if (part.isEmpty()) {
            return null;
        }
        char c0 = part.charAt(0);
        if ((c0 == '\'' || c0 == '"') && part.length() >= 2 && part.charAt(part.length() - 1) == c0) {
            String text = expand(part.substring(1, part.length() - 1), depth, at);
            return text == null ? null : Nodes.str(text, at);
        }
        if (part.startsWith("${") && closing(part, 0) == part.length() - 1) {
            String inner = part.substring(2, part.length() - 1);
            return isVariable(inner) ? evaluate(inner, depth + 1, at) : null;
        }
        if (part.matches("-?\\d{1,18}")) {
            return new ScalarNode(part, ScalarNode.Kind.INT, at);
        }
        if (part.equals("true") || part.equals("false")) {
            return new ScalarNode(part, ScalarNode.Kind.BOOL, at);
        }
        if (part.equals("null")) {
            return null;
        }
        String expr = part.contains("${") ? expand(part, depth, at) : part;
        if (expr == null || !isVariable(expr)) {
            return null;
        }
        int paren = expr.indexOf('(');
        int colon = expr.indexOf(':');
        if (paren > 0 && (colon < 0 || paren < colon)) {
            int close = expr.lastIndexOf(')');
            if (close < paren) {
                return null;
            }
            String source = expr.substring(0, paren);
            String argument = unquote(expr.substring(paren + 1, close).strip());
            String rest = expr.substring(close + 1).strip();
            String address = rest.startsWith(":") ? rest.substring(1).strip() : null;
            return switch (source) {
                case "file" -> readFile(argument, address, depth, at);
                case "strToBool" ->
                    argument.equalsIgnoreCase("true")
                            ? Nodes.bool(true, at)
                            : argument.equalsIgnoreCase("false") || argument.equals("0") || argument.isEmpty()
                                    ? Nodes.bool(false, at)
                                    : null;
                default -> null;
            };
        }
        String source = expr.substring(0, colon);
        String address = expr.substring(colon + 1).strip();
        return switch (source) {
            case "self" -> lookupSelf(address, depth);
            case "opt" -> text(context.options().get(address), at);
            case "env" -> text(context.env().get(address), at);
            case "sls" -> address.equals("stage") ? Nodes.str(stage(), at) : null;
            case "aws" -> address.equals("region") ? Nodes.str(region(), at) : null;
            case "param" -> param(address, depth);
            default -> null;
        };
    }

    private static Node text(String value, Location at) {
        return value == null ? null : Nodes.str(value, at);
    }

    private static String unquote(String s) {
        if (s.length() >= 2) {
            char c = s.charAt(0);
            if ((c == '\'' || c == '"') && s.charAt(s.length() - 1) == c) {
                return s.substring(1, s.length() - 1);
            }
        }
        return s;
    }

    /** Splits at commas outside quotes, parentheses and nested variables. */
    static List<String> splitTopLevel(String s) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        int from = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '{' || c == '(') {
                depth++;
            } else if ((c == '}' || c == ')') && depth > 0) {
                depth--;
            } else if (c == '\'' || c == '"') {
                int q = s.indexOf(c, i + 1);
                if (q > 0) {
                    i = q;
                }
            } else if (c == ',' && depth == 0) {
                out.add(s.substring(from, i));
                from = i + 1;
            }
        }
        out.add(s.substring(from));
        return out;
    }

    /** The value at a dotted path of the document, resolved; null when absent, unresolvable or cyclic. */
    Node lookupSelf(String address, int depth) {
        if (address.isEmpty() || depth > MAX_DEPTH) {
            return null;
        }
        if (selfCache.containsKey(address)) {
            return selfCache.get(address);
        }
        if (!active.add(address)) {
            return null;
        }
        Node result;
        try {
            result = walk(raw, address, depth);
            if (result == null && (address.equals("provider.stage") || address.equals("provider.region"))) {
                result = Nodes.str(address.equals("provider.stage") ? stage() : region(), raw.location());
            }
        } finally {
            active.remove(address);
        }
        selfCache.put(address, result);
        return result;
    }

    /** Walks a dotted path from {@code root}, resolving variables met on the way, and resolves what it finds. */
    private Node walk(Node root, String address, int depth) {
        Node node = root;
        String[] segments = address.split("\\.", -1);
        for (int i = 0; i < segments.length; i++) {
            String seg = segments[i];
            node = shallow(node, depth);
            if (node instanceof MapNode m) {
                Node next = m.get(seg);
                // `service: {name: x}` (v1/v2) still answers ${self:service} with the name.
                if (i == segments.length - 1 && seg.equals("service") && m == raw && next instanceof MapNode sm) {
                    next = sm.get("name");
                }
                node = next;
            } else if (node instanceof SeqNode q && seg.matches("\\d{1,6}")) {
                int idx = Integer.parseInt(seg);
                node = idx < q.size() ? q.items().get(idx) : null;
            } else {
                return null;
            }
            if (node == null) {
                return null;
            }
        }
        Node result = resolve(node, depth + 1);
        if (result == null || Nodes.isNull(result) || Nodes.isUnresolved(result) || !charge(result)) {
            return null;
        }
        return result;
    }

    private Node shallow(Node node, int depth) {
        if (node instanceof ScalarNode s
                && s.kind() == ScalarNode.Kind.STRING
                && s.value().contains("${")) {
            return resolveString(s, depth + 1);
        }
        return node;
    }

    /** Counts the nodes a substitution adds against the budget; false when the budget is spent. */
    private boolean charge(Node node) {
        long budget = MAX_NODES - nodes;
        long n = count(node, budget + 1, 0);
        nodes += n;
        return nodes <= MAX_NODES;
    }

    private static long count(Node node, long limit, int depth) {
        if (!(node instanceof MapNode) && !(node instanceof SeqNode)) {
            return 1;
        }
        long n = 1;
        if (depth > MAX_TREE_DEPTH) {
            return limit;
        }
        if (node instanceof MapNode m) {
            for (MapNode.Entry e : m.entries()) {
                n += count(e.value(), limit - n, depth + 1);
                if (n >= limit) {
                    return n;
                }
            }
        } else {
            for (Node item : ((SeqNode) node).items()) {
                n += count(item, limit - n, depth + 1);
                if (n >= limit) {
                    return n;
                }
            }
        }
        return n;
    }

    /** {@code ${param:x}}: the stage's value under {@code params}, else {@code params.default}. */
    private Node param(String name, int depth) {
        Node v = lookupSelf("params." + stage() + "." + name, depth + 1);
        return v != null ? v : lookupSelf("params.default." + name, depth + 1);
    }

    /**
     * {@code ${file(path):address}}: a YAML or JSON file inside the base directory. Absolute paths, paths that leave
     * the directory (also through a symbolic link) and other file types do not resolve.
     */
    private Node readFile(String path, String address, int depth, Location at) {
        Path base = context.baseDir();
        if (base == null || path.isEmpty()) {
            return null;
        }
        Path target;
        try {
            Path rel = Path.of(path);
            if (rel.isAbsolute()
                    || path.startsWith("/")
                    || path.startsWith("\\")
                    || path.startsWith("~")
                    || path.indexOf(':') >= 0) {
                refuse(path, at);
                return null;
            }
            Path root = base.toAbsolutePath().normalize();
            target = root.resolve(rel).normalize();
            if (!target.startsWith(root)) {
                refuse(path, at);
                return null;
            }
            if (!Files.isRegularFile(target)) {
                return null;
            }
            if (!target.toRealPath().startsWith(root.toRealPath())) {
                refuse(path, at);
                return null;
            }
        } catch (InvalidPathException | IOException e) {
            return null;
        }
        String key = "file:" + target;
        if (!active.add(key)) {
            return null;
        }
        try {
            Node doc = load(target, path);
            if (doc == null) {
                return null;
            }
            if (address == null || address.isEmpty()) {
                Node result = resolve(doc, depth + 1);
                return result == null || Nodes.isUnresolved(result) || !charge(result) ? null : result;
            }
            return walk(doc, address, depth);
        } finally {
            active.remove(key);
        }
    }

    private Node load(Path target, String path) {
        if (files.containsKey(target)) {
            return files.get(target);
        }
        Node doc = null;
        String lower = target.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean json = lower.endsWith(".json");
        boolean yaml = lower.endsWith(".yml") || lower.endsWith(".yaml");
        if ((json || yaml) && ++filesRead <= MAX_FILES) {
            try {
                if (Files.size(target) <= MAX_FILE_BYTES) {
                    String text = Files.readString(target, StandardCharsets.UTF_8);
                    String name = siblingName(path);
                    SourceLimits limits = SourceLimits.DEFAULT;
                    doc = json ? new JsonReader(limits).read(name, text) : new YamlReader(limits).read(name, text);
                }
            } catch (IOException | SourceException | RuntimeException e) {
                doc = null;
            }
        }
        files.put(target, doc);
        return doc;
    }

    /** The included file named as the serverless.yml is named, e.g. {@code dir/vars.yml} next to it. */
    private String siblingName(String path) {
        String p = path.startsWith("./") ? path.substring(2) : path;
        int slash = Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\'));
        return slash < 0 ? p : file.substring(0, slash + 1) + p;
    }

    private void refuse(String path, Location at) {
        if (problems.size() < MAX_NOTED) {
            problems.add(at + ": ${file(" + path + ")} refused: only files inside the service directory are read");
        }
    }

    private Node markUnresolved(String text, Location at) {
        unresolvedCount++;
        if (unresolved.size() < MAX_NOTED) {
            unresolved.add(text);
        }
        return Nodes.unresolved(text, at);
    }
}
