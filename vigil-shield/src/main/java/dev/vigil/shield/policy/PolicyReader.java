package dev.vigil.shield.policy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/** Turns the composed root node of a {@code vigil.yaml} into a validated {@link Policy}. */
final class PolicyReader {

    static final Map<String, Mode> MODES = choices(Mode.values());
    static final Map<String, BatchMode> BATCH_MODES = choices(BatchMode.values());
    static final Map<String, TmpResidueMode> TMP_RESIDUE_MODES = choices(TmpResidueMode.values());

    private static final List<String> ROOT_KEYS = List.of(
            "version",
            "mode",
            "budget_ms",
            "categories",
            "exclusions",
            "batch",
            "hygiene",
            "authenticity",
            "telemetry");
    private static final List<String> EXCLUSION_KEYS =
            List.of("functions", "locations", "parameters", "categories", "rules");
    private static final List<String> BATCH_KEYS = List.of("on_block");
    private static final List<String> HYGIENE_KEYS = List.of("env_secrets", "tmp_residue", "response_leaks");
    private static final List<String> TELEMETRY_KEYS =
            List.of("stdout", "endpoint", "token_env", "flush_timeout_ms", "queue_capacity", "batch_size");

    private static final BigDecimal MAX_BUDGET_MS = BigDecimal.valueOf(1000);
    private static final BigDecimal HALF_MICRO_MS = new BigDecimal("0.0005");
    private static final int MAX_ID_LENGTH = 64;
    private static final int MAX_URL_LENGTH = 2048;

    private final YamlNodes nodes;

    PolicyReader(YamlNodes nodes) {
        this.nodes = nodes;
    }

    Policy read(Node root) {
        Policy d = Policy.defaults();
        if (YamlNodes.isNull(root)) {
            return withSource(d, nodes.source());
        }
        if (!(root instanceof MappingNode)) {
            throw nodes.error(
                    root,
                    "",
                    "the policy must be a mapping of keys (like 'mode: block'), got " + YamlNodes.describe(root));
        }
        Map<String, YamlNodes.Entry> keys = nodes.mapping(root, "", ROOT_KEYS);
        Node version = value(keys, "version");
        if (version != null) {
            BigDecimal v = version instanceof ScalarNode scalar ? YamlNodes.parseDecimal(scalar.getValue()) : null;
            if (v == null || v.compareTo(BigDecimal.ONE) != 0) {
                throw nodes.error(
                        version, "version", "unsupported version " + YamlNodes.describe(version) + " (expected 1)");
            }
        }
        Node mode = value(keys, "mode");
        Node budget = value(keys, "budget_ms");
        Node categories = value(keys, "categories");
        Node exclusions = value(keys, "exclusions");
        Node batch = value(keys, "batch");
        Node hygiene = value(keys, "hygiene");
        Node authenticity = value(keys, "authenticity");
        Node telemetry = value(keys, "telemetry");
        return new Policy(
                mode == null ? d.mode() : nodes.choice(mode, "mode", "mode", MODES),
                categories == null ? Map.of() : categories(categories),
                exclusions == null ? List.of() : exclusions(exclusions),
                budget == null ? d.budgetMicros() : budgetMicros(budget),
                batch == null ? d.batchMode() : batch(batch),
                hygiene == null ? d.hygiene() : hygiene(hygiene),
                authenticity == null ? List.of() : new AuthenticityReader(nodes).read(authenticity),
                telemetry == null ? d.telemetry() : telemetry(telemetry),
                nodes.source());
    }

    static Policy withSource(Policy p, String source) {
        return new Policy(
                p.mode(),
                p.categories(),
                p.exclusions(),
                p.budgetMicros(),
                p.batchMode(),
                p.hygiene(),
                p.authenticity(),
                p.telemetry(),
                source);
    }

    /** The value of a key, or null when absent or YAML null. */
    static Node value(Map<String, YamlNodes.Entry> keys, String key) {
        YamlNodes.Entry e = keys.get(key);
        return e == null ? null : e.value();
    }

    private long budgetMicros(Node node) {
        BigDecimal ms = nodes.decimal(node, "budget_ms");
        return budgetMicros(ms, nodes.string(node, "budget_ms"), detail -> nodes.error(node, "budget_ms", detail));
    }

    /**
     * Milliseconds (greater than 0, at most 1000) to microseconds, rounded half-up, at least 1. The range is checked
     * before any arithmetic and {@code text} (not the number) is echoed: {@code 1e999999999} is a valid BigDecimal
     * whose plain string or rescaling would take minutes.
     */
    static long budgetMicros(BigDecimal ms, String text, Function<String, PolicyException> fail) {
        if (ms.signum() <= 0 || ms.compareTo(MAX_BUDGET_MS) > 0) {
            throw fail.apply(
                    "must be greater than 0 and at most 1000 (milliseconds), got " + YamlNodes.clean(text.strip(), 60));
        }
        if (ms.compareTo(HALF_MICRO_MS) < 0) {
            return 1;
        }
        return ms.movePointRight(3).setScale(0, RoundingMode.HALF_UP).longValueExact();
    }

    private Map<String, Mode> categories(Node node) {
        Map<String, Mode> out = new LinkedHashMap<>();
        for (YamlNodes.Entry e : nodes.mapping(node, "categories", null).values()) {
            checkCategoryId(e.key(), e.keyNode(), e.path());
            if (e.value() == null) {
                throw nodes.error(
                        e.keyNode(), e.path(), "expected a mode (one of block, monitor, off), got nothing (null)");
            }
            out.put(e.key(), nodes.choice(e.value(), e.path(), "mode", MODES));
        }
        return out;
    }

    private void checkCategoryId(String id, Node node, String path) {
        if (!isCategoryId(id)) {
            throw nodes.error(
                    node,
                    path,
                    "invalid category id " + YamlNodes.quote(id) + " (use lower-case letters, digits and '_', at most "
                            + MAX_ID_LENGTH + " characters)");
        }
    }

    static boolean isCategoryId(String id) {
        if (id.isEmpty() || id.length() > MAX_ID_LENGTH) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) {
                return false;
            }
        }
        return true;
    }

    private List<Exclusion> exclusions(Node node) {
        List<Node> items = nodes.list(node, "exclusions");
        List<Exclusion> out = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            out.add(exclusion(items.get(i), "exclusions[" + i + "]"));
        }
        return out;
    }

    private Exclusion exclusion(Node node, String path) {
        Map<String, YamlNodes.Entry> keys = nodes.mapping(node, path, EXCLUSION_KEYS);
        List<String> functions = optionalList(keys, "functions");
        List<String> locations = optionalList(keys, "locations");
        List<String> parameters = optionalList(keys, "parameters");
        List<String> categories = optionalList(keys, "categories");
        List<String> rules = optionalList(keys, "rules");
        for (int i = 0; i < categories.size(); i++) {
            YamlNodes.Entry e = keys.get("categories");
            Node at = e.value() instanceof SequenceNode seq ? seq.getValue().get(i) : e.value();
            checkCategoryId(
                    categories.get(i), at, e.value() instanceof SequenceNode ? e.path() + "[" + i + "]" : e.path());
        }
        if (functions.isEmpty()
                && locations.isEmpty()
                && parameters.isEmpty()
                && categories.isEmpty()
                && rules.isEmpty()) {
            throw nodes.error(node, path, "an exclusion needs at least one of " + String.join(", ", EXCLUSION_KEYS));
        }
        return new Exclusion(
                functions,
                locations,
                parameters,
                new LinkedHashSet<>(categories),
                new LinkedHashSet<>(rules),
                YamlNodes.line(node));
    }

    private List<String> optionalList(Map<String, YamlNodes.Entry> keys, String key) {
        YamlNodes.Entry e = keys.get(key);
        return e == null || e.value() == null ? List.of() : nodes.stringList(e.value(), e.path());
    }

    private BatchMode batch(Node node) {
        Map<String, YamlNodes.Entry> keys = nodes.mapping(node, "batch", BATCH_KEYS);
        Node onBlock = value(keys, "on_block");
        return onBlock == null
                ? Policy.defaults().batchMode()
                : nodes.choice(onBlock, "batch.on_block", "batch mode", BATCH_MODES);
    }

    private HygieneConfig hygiene(Node node) {
        HygieneConfig d = HygieneConfig.defaults();
        Map<String, YamlNodes.Entry> keys = nodes.mapping(node, "hygiene", HYGIENE_KEYS);
        Node env = value(keys, "env_secrets");
        Node tmp = value(keys, "tmp_residue");
        Node leaks = value(keys, "response_leaks");
        return new HygieneConfig(
                env == null ? d.envSecrets() : nodes.bool(env, "hygiene.env_secrets"),
                tmp == null
                        ? d.tmpResidue()
                        : nodes.choice(tmp, "hygiene.tmp_residue", "tmp_residue mode", TMP_RESIDUE_MODES),
                leaks == null ? d.responseLeaks() : nodes.bool(leaks, "hygiene.response_leaks"));
    }

    private TelemetryConfig telemetry(Node node) {
        TelemetryConfig d = TelemetryConfig.defaults();
        Map<String, YamlNodes.Entry> keys = nodes.mapping(node, "telemetry", TELEMETRY_KEYS);
        Node stdout = value(keys, "stdout");
        Node endpoint = value(keys, "endpoint");
        Node tokenEnv = value(keys, "token_env");
        Node flush = value(keys, "flush_timeout_ms");
        Node queue = value(keys, "queue_capacity");
        Node batchSize = value(keys, "batch_size");
        String endpointText = null;
        if (endpoint != null) {
            String text = nodes.string(endpoint, "telemetry.endpoint");
            endpointText = endpoint(text, detail -> nodes.error(endpoint, "telemetry.endpoint", detail));
        }
        String tokenEnvName = d.tokenEnv();
        if (tokenEnv != null) {
            tokenEnvName = envName(nodes, tokenEnv, "telemetry.token_env");
        }
        return new TelemetryConfig(
                stdout == null ? d.stdout() : nodes.bool(stdout, "telemetry.stdout"),
                endpointText,
                tokenEnvName,
                flush == null ? d.flushTimeoutMs() : (int) nodes.integer(flush, "telemetry.flush_timeout_ms", 1, 5000),
                queue == null ? d.queueCapacity() : (int) nodes.integer(queue, "telemetry.queue_capacity", 1, 100_000),
                batchSize == null ? d.batchSize() : (int) nodes.integer(batchSize, "telemetry.batch_size", 1, 10_000));
    }

    /**
     * Validates a collector URL: absolute http(s) with a host and no user info. The URL itself never appears in the
     * message, since a query string or user info may carry a credential.
     */
    static String endpoint(String text, Function<String, PolicyException> fail) {
        String s = text.strip();
        if (s.isEmpty() || s.length() > MAX_URL_LENGTH) {
            throw fail.apply("expected an http or https URL of at most " + MAX_URL_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(s);
        } catch (URISyntaxException e) {
            throw fail.apply("not a valid URL (expected an http or https URL)");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw fail.apply("expected an http or https URL");
        }
        if (uri.getRawUserInfo() != null) {
            throw fail.apply("the URL must not contain credentials (put the token in the variable named by token_env)");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw fail.apply("the URL has no host (expected e.g. https://collector.example.com/api/v1/events)");
        }
        return s;
    }

    /** A string naming an environment variable; the name is checked, the variable is never read. */
    static String envName(YamlNodes nodes, Node node, String path) {
        String name = nodes.string(node, path).strip();
        String problem = envNameProblem(name);
        if (problem != null) {
            throw nodes.error(node, path, problem);
        }
        return name;
    }

    private static final List<String> SECRET_PREFIXES =
            List.of("whsec_", "sk_live_", "sk_test_", "rk_live_", "rk_test_", "ghp_", "gho_", "github_pat_", "xox");

    /**
     * Why {@code name} is not an environment variable name, or null when it is one. Never echoes the text: a user may
     * have pasted the secret itself.
     */
    static String envNameProblem(String name) {
        for (String prefix : SECRET_PREFIXES) {
            if (name.startsWith(prefix)) {
                return "looks like a secret value; give the name of the environment variable that holds it";
            }
        }
        boolean ok = !name.isEmpty() && name.length() <= 256;
        for (int i = 0; ok && i < name.length(); i++) {
            char c = name.charAt(i);
            ok = c == '_' || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (i > 0 && c >= '0' && c <= '9');
        }
        return ok ? null : "expected the name of an environment variable ([A-Za-z_][A-Za-z0-9_]*), not its value";
    }

    private static <E extends Enum<E>> Map<String, E> choices(E[] values) {
        Map<String, E> out = new LinkedHashMap<>();
        for (E v : values) {
            out.put(v.name().toLowerCase(Locale.ROOT), v);
        }
        return Collections.unmodifiableMap(out);
    }
}
