package dev.vigil.shield.policy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Reads the {@code authenticity} list: for each entry its type, name and paths, and the settings its type requires
 * or allows, with defaults filled in so verifiers read one complete map.
 */
final class AuthenticityReader {

    static final String GITHUB = "github";
    static final String STRIPE = "stripe";
    static final String SLACK = "slack";
    static final String HMAC = "hmac";
    static final String JWT = "jwt";

    static final int DEFAULT_TOLERANCE_S = 300;
    static final int DEFAULT_LEEWAY_S = 60;
    static final String DEFAULT_JWT_HEADER = "Authorization";

    private static final Map<String, List<String>> TYPE_KEYS = typeKeys();
    private static final Map<String, String> TYPES = identity(TYPE_KEYS.keySet());
    private static final List<String> COMMON_KEYS = List.of("type", "name", "paths");
    private static final Set<String> ALL_KEYS = allKeys();
    private static final Map<String, String> HMAC_ALGORITHMS = identity(List.of("sha1", "sha256", "sha512"));
    private static final Map<String, String> ENCODINGS = identity(List.of("hex", "base64"));
    private static final List<String> JWT_ALGORITHMS = List.of(
            "HS256", "HS384", "HS512", "RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512",
            "EdDSA");

    private final YamlNodes nodes;

    AuthenticityReader(YamlNodes nodes) {
        this.nodes = nodes;
    }

    List<AuthenticityConfig> read(Node node) {
        List<Node> items = nodes.list(node, "authenticity");
        List<AuthenticityConfig> out = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            out.add(entry(items.get(i), "authenticity[" + i + "]"));
        }
        return out;
    }

    private AuthenticityConfig entry(Node node, String path) {
        Map<String, YamlNodes.Entry> keys = nodes.mapping(node, path, ALL_KEYS);
        Node typeNode = PolicyReader.value(keys, "type");
        if (typeNode == null) {
            throw nodes.error(
                    node,
                    path + ".type",
                    "missing required key 'type' (one of " + String.join(", ", TYPES.keySet()) + ")");
        }
        String type = nodes.choice(typeNode, path + ".type", "type", TYPES);
        List<String> allowed = TYPE_KEYS.get(type);
        for (YamlNodes.Entry e : keys.values()) {
            if (!COMMON_KEYS.contains(e.key()) && !allowed.contains(e.key())) {
                List<String> all = new ArrayList<>(COMMON_KEYS);
                all.addAll(allowed);
                throw nodes.error(
                        e.keyNode(),
                        e.path(),
                        "key " + YamlNodes.quote(e.key()) + " is not used by type '" + type + "' (allowed keys: "
                                + String.join(", ", all) + ")");
            }
        }
        Node nameNode = PolicyReader.value(keys, "name");
        String name = nameNode == null ? type : nodes.nonEmptyString(nameNode, path + ".name");
        List<String> paths = paths(keys.get("paths"));

        Map<String, String> settings = new LinkedHashMap<>();
        Entries e = new Entries(node, path, type, keys);
        switch (type) {
            case GITHUB -> settings.put("secret_env", e.requiredEnvName("secret_env"));
            case STRIPE, SLACK -> {
                settings.put("secret_env", e.requiredEnvName("secret_env"));
                settings.put("tolerance_s", Long.toString(e.integer("tolerance_s", 1, 3600, DEFAULT_TOLERANCE_S)));
            }
            case HMAC -> hmac(e, settings);
            default -> jwt(e, settings);
        }
        return new AuthenticityConfig(name, type, paths, settings, YamlNodes.line(node));
    }

    private List<String> paths(YamlNodes.Entry entry) {
        if (entry == null || entry.value() == null) {
            return List.of();
        }
        List<String> paths = nodes.stringList(entry.value(), entry.path());
        for (int i = 0; i < paths.size(); i++) {
            String p = paths.get(i);
            if (!p.startsWith("/") && !p.startsWith("*")) {
                Node at = entry.value() instanceof SequenceNode seq
                        ? seq.getValue().get(i)
                        : entry.value();
                throw nodes.error(at, entry.path(), "path globs start with '/' or '*', got " + YamlNodes.quote(p));
            }
        }
        return paths;
    }

    private void hmac(Entries e, Map<String, String> settings) {
        settings.put("secret_env", e.requiredEnvName("secret_env"));
        Node header = e.required("header");
        settings.put("header", httpHeader(header, e.path("header")));
        Node algorithm = e.value("algorithm");
        settings.put(
                "algorithm",
                algorithm == null
                        ? "sha256"
                        : nodes.choice(algorithm, e.path("algorithm"), "algorithm", HMAC_ALGORITHMS));
        Node encoding = e.value("encoding");
        settings.put(
                "encoding",
                encoding == null ? "hex" : nodes.choice(encoding, e.path("encoding"), "encoding", ENCODINGS));
        Node prefix = e.value("prefix");
        if (prefix != null) {
            String p = nodes.string(prefix, e.path("prefix"));
            if (!p.isEmpty()) {
                settings.put("prefix", p);
            }
        }
    }

    private void jwt(Entries e, Map<String, String> settings) {
        Node jwksFile = e.value("jwks_file");
        Node jwksEnv = e.value("jwks_env");
        if (jwksFile != null && jwksEnv != null) {
            throw nodes.error(jwksEnv, e.path("jwks_env"), "give only one of jwks_file and jwks_env");
        }
        if (jwksFile != null) {
            settings.put("jwks_file", nodes.nonEmptyString(jwksFile, e.path("jwks_file")));
        }
        if (jwksEnv != null) {
            settings.put("jwks_env", PolicyReader.envName(nodes, jwksEnv, e.path("jwks_env")));
        }
        settings.put("issuer", nodes.nonEmptyString(e.required("issuer"), e.path("issuer")));
        settings.put("audience", audience(e.required("audience"), e.path("audience")));
        Node algorithmsNode = e.required("algorithms");
        List<String> algorithms = jwtAlgorithms(algorithmsNode, e.path("algorithms"));
        settings.put("algorithms", String.join(",", algorithms));
        Node header = e.value("header");
        settings.put("header", header == null ? DEFAULT_JWT_HEADER : httpHeader(header, e.path("header")));
        settings.put("leeway_s", Long.toString(e.integer("leeway_s", 0, 600, DEFAULT_LEEWAY_S)));

        String symmetric = null;
        String asymmetric = null;
        for (String a : algorithms) {
            if (a.startsWith("HS")) {
                symmetric = symmetric == null ? a : symmetric;
            } else {
                asymmetric = asymmetric == null ? a : asymmetric;
            }
        }
        Node secretEnv = e.value("secret_env");
        if (symmetric != null && secretEnv == null) {
            throw nodes.error(
                    e.node,
                    e.path("secret_env"),
                    "missing required key 'secret_env' for " + symmetric
                            + " (HMAC-signed tokens are verified with a shared secret)");
        }
        if (symmetric == null && secretEnv != null) {
            throw nodes.error(secretEnv, e.path("secret_env"), "secret_env is only used with HS256, HS384 or HS512");
        }
        if (secretEnv != null) {
            settings.put("secret_env", PolicyReader.envName(nodes, secretEnv, e.path("secret_env")));
        }
        if (asymmetric != null && jwksFile == null && jwksEnv == null) {
            throw nodes.error(
                    e.node,
                    e.path("jwks_file"),
                    "missing required key 'jwks_file' or 'jwks_env' for " + asymmetric
                            + " (the issuer's public keys, as a JWKS)");
        }
    }

    private String audience(Node node, String path) {
        List<String> audiences = nodes.stringList(node, path);
        for (String a : audiences) {
            if (a.indexOf(',') >= 0) {
                throw nodes.error(node, path, "an audience must not contain ',' (give several as a list)");
            }
        }
        return String.join(",", new LinkedHashSet<>(audiences));
    }

    private List<String> jwtAlgorithms(Node node, String path) {
        List<String> names = nodes.stringList(node, path);
        Set<String> out = new LinkedHashSet<>();
        for (int i = 0; i < names.size(); i++) {
            Node at = node instanceof SequenceNode seq ? seq.getValue().get(i) : node;
            String atPath = node instanceof SequenceNode ? path + "[" + i + "]" : path;
            String name = names.get(i);
            if (name.equalsIgnoreCase("none")) {
                throw nodes.error(at, atPath, "algorithm 'none' is refused: unsigned tokens are never accepted");
            }
            String canonical = null;
            for (String known : JWT_ALGORITHMS) {
                if (known.equalsIgnoreCase(name)) {
                    canonical = known;
                }
            }
            if (canonical == null) {
                throw nodes.error(
                        at,
                        atPath,
                        "unknown algorithm " + YamlNodes.quote(name) + " (expected one of "
                                + String.join(", ", JWT_ALGORITHMS) + ")");
            }
            out.add(canonical);
        }
        return new ArrayList<>(out);
    }

    private String httpHeader(Node node, String path) {
        String name = nodes.nonEmptyString(node, path);
        boolean ok = name.length() <= 128;
        for (int i = 0; ok && i < name.length(); i++) {
            char c = name.charAt(i);
            ok = (c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
        }
        if (!ok) {
            throw nodes.error(node, path, "invalid HTTP header name " + YamlNodes.quote(name));
        }
        return name;
    }

    /** The keys of one entry, with the entry's node, path and type for "missing" errors. */
    private final class Entries {
        final Node node;
        final String path;
        final String type;
        final Map<String, YamlNodes.Entry> keys;

        Entries(Node node, String path, String type, Map<String, YamlNodes.Entry> keys) {
            this.node = node;
            this.path = path;
            this.type = type;
            this.keys = keys;
        }

        String path(String key) {
            return path + "." + key;
        }

        Node value(String key) {
            return PolicyReader.value(keys, key);
        }

        Node required(String key) {
            Node v = value(key);
            if (v == null) {
                throw nodes.error(node, path(key), "missing required key '" + key + "' for type '" + type + "'");
            }
            return v;
        }

        String requiredEnvName(String key) {
            return PolicyReader.envName(nodes, required(key), path(key));
        }

        long integer(String key, long min, long max, long dflt) {
            Node v = value(key);
            return v == null ? dflt : nodes.integer(v, path(key), min, max);
        }
    }

    private static Map<String, List<String>> typeKeys() {
        Map<String, List<String>> m = new LinkedHashMap<>();
        m.put(GITHUB, List.of("secret_env"));
        m.put(STRIPE, List.of("secret_env", "tolerance_s"));
        m.put(SLACK, List.of("secret_env", "tolerance_s"));
        m.put(HMAC, List.of("secret_env", "header", "algorithm", "encoding", "prefix"));
        m.put(
                JWT,
                List.of(
                        "jwks_file",
                        "jwks_env",
                        "issuer",
                        "audience",
                        "algorithms",
                        "header",
                        "leeway_s",
                        "secret_env"));
        return Collections.unmodifiableMap(m);
    }

    private static Set<String> allKeys() {
        Set<String> all = new LinkedHashSet<>(COMMON_KEYS);
        TYPE_KEYS.values().forEach(all::addAll);
        return Collections.unmodifiableSet(all);
    }

    private static Map<String, String> identity(Iterable<String> words) {
        Map<String, String> m = new LinkedHashMap<>();
        words.forEach(w -> m.put(w, w));
        return Collections.unmodifiableMap(m);
    }
}
