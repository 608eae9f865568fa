package dev.vigil.shield.hygiene;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Finds plaintext secrets in environment variables, meant to run once at cold start.
 *
 * <p>Two families of checks run on each value:
 *
 * <ul>
 *   <li>Shape checks, whatever the variable's name: AWS access key ids, PEM private keys, GitHub, Slack, live Stripe
 *       and Google API keys, JWTs and URLs with a password in them.
 *   <li>Name checks, only under secret-like names (containing {@code SECRET}, {@code PASSWORD}, {@code PASSWD},
 *       {@code PWD}, {@code TOKEN}, {@code API_KEY}, {@code APIKEY}, {@code PRIVATE}, {@code CREDENTIAL} or
 *       {@code AUTH}): a 40-character AWS-style secret access key (also under names containing {@code KEY}), and
 *       otherwise any value of at least 16 characters with high Shannon entropy. Values that are references rather
 *       than secrets (ARNs, {@code {{resolve:...}}}, SSM and Secrets Manager references, {@code ${...}}
 *       placeholders, file paths, URLs without credentials) and names that say they hold metadata ({@code _ARN},
 *       {@code _NAME}, {@code _ID}, {@code _PATH}, {@code _URL} ...) are skipped by the name checks.
 * </ul>
 *
 * <p>Variables the Lambda runtime sets itself are skipped, including {@code AWS_ACCESS_KEY_ID},
 * {@code AWS_SECRET_ACCESS_KEY} and {@code AWS_SESSION_TOKEN}, where Lambda injects the execution role's temporary
 * credentials. Results carry names and kinds only. Each value is examined up to {@link #MAX_VALUE_CHARS} characters
 * in time linear in its length; no regular expressions.
 */
public final class EnvSecretScanner {

    /** How many characters of each value are examined. */
    public static final int MAX_VALUE_CHARS = 64 * 1024;

    /** Values shorter than this are never judged by entropy alone. */
    static final int MIN_ENTROPY_LENGTH = 16;

    private static final Set<String> RUNTIME_NAMES = Set.of(
            "AWS_ACCESS_KEY_ID",
            "AWS_SECRET_ACCESS_KEY",
            "AWS_SESSION_TOKEN",
            "AWS_CONTAINER_AUTHORIZATION_TOKEN",
            "AWS_CONTAINER_CREDENTIALS_FULL_URI",
            "AWS_REGION",
            "AWS_DEFAULT_REGION",
            "AWS_EXECUTION_ENV",
            "AWS_XRAY_CONTEXT_MISSING",
            "AWS_XRAY_DAEMON_ADDRESS",
            "_AWS_XRAY_DAEMON_ADDRESS",
            "_AWS_XRAY_DAEMON_PORT",
            "_X_AMZN_TRACE_ID",
            "_HANDLER",
            "LAMBDA_TASK_ROOT",
            "LAMBDA_RUNTIME_DIR",
            "PATH",
            "LD_LIBRARY_PATH",
            "CLASSPATH",
            "JAVA_HOME",
            "JAVA_TOOL_OPTIONS",
            "_JAVA_OPTIONS",
            "JDK_JAVA_OPTIONS",
            "LANG",
            "LC_ALL",
            "TZ",
            "HOME",
            "PWD",
            "OLDPWD",
            "SHLVL",
            "HOSTNAME",
            "USER",
            "TERM");

    private static final String[] RUNTIME_PREFIXES = {"AWS_LAMBDA_", "_LAMBDA_"};

    private static final String[] SECRET_WORDS = {
        "SECRET", "PASSWORD", "PASSWD", "PWD", "TOKEN", "API_KEY", "APIKEY", "PRIVATE", "CREDENTIAL", "AUTH"
    };

    private static final String[] METADATA_SUFFIXES = {
        "_ARN",
        "_NAME",
        "_ID",
        "_PATH",
        "_FILE",
        "_URL",
        "_URI",
        "_ENDPOINT",
        "_REGION",
        "_HOST",
        "_PORT",
        "_TTL",
        "_TIMEOUT",
        "_EXPIRY",
        "_EXPIRATION",
        "_ENABLED",
        "_MODE",
        "_TYPE",
        "_PARAM",
        "_PARAMETER",
        "_VERSION"
    };

    private EnvSecretScanner() {}

    /**
     * Scans environment variables (typically {@code System.getenv()}) for plaintext secrets.
     *
     * @return one entry per variable and kind found, ordered by variable name; empty for a {@code null} map
     */
    public static List<EnvSecret> scan(Map<String, String> env) {
        if (env == null || env.isEmpty()) {
            return List.of();
        }
        List<EnvSecret> found = new ArrayList<>();
        Map<String, String> sorted = new TreeMap<>();
        for (Map.Entry<String, String> e : env.entrySet()) {
            if (e.getKey() != null && e.getValue() != null && !e.getValue().isEmpty()) {
                sorted.put(e.getKey(), e.getValue());
            }
        }
        for (Map.Entry<String, String> e : sorted.entrySet()) {
            String name = e.getKey();
            if (!isRuntimeName(name)) {
                scanValue(name, e.getValue(), found);
            }
        }
        return List.copyOf(found);
    }

    static boolean isRuntimeName(String name) {
        if (RUNTIME_NAMES.contains(name)) {
            return true;
        }
        for (String prefix : RUNTIME_PREFIXES) {
            if (name.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    private static void scanValue(String name, String value, List<EnvSecret> out) {
        int limit = Math.min(value.length(), MAX_VALUE_CHARS);
        List<String> kinds = new ArrayList<>(2);
        for (int i = 0; i < limit; i++) {
            String kind = null;
            int end = -1;
            switch (value.charAt(i)) {
                case 'A' -> {
                    if ((end = SecretShapes.awsAccessKeyIdAt(value, i, limit)) > 0) {
                        kind = LeakKinds.AWS_ACCESS_KEY_ID;
                    } else if ((end = SecretShapes.googleApiKeyAt(value, i, limit)) > 0) {
                        kind = LeakKinds.GOOGLE_API_KEY;
                    }
                }
                case '-' -> {
                    if ((end = SecretShapes.privateKeyHeaderAt(value, i, limit)) > 0) {
                        kind = LeakKinds.PRIVATE_KEY;
                    }
                }
                case 'g' -> {
                    if ((end = SecretShapes.githubTokenAt(value, i, limit)) > 0) {
                        kind = LeakKinds.GITHUB_TOKEN;
                    }
                }
                case 'x' -> {
                    if ((end = SecretShapes.slackTokenAt(value, i, limit)) > 0) {
                        kind = LeakKinds.SLACK_TOKEN;
                    }
                }
                case 's', 'r' -> {
                    if ((end = SecretShapes.stripeKeyAt(value, i, limit)) > 0) {
                        kind = LeakKinds.STRIPE_KEY;
                    }
                }
                case 'e' -> {
                    if ((end = SecretShapes.jwtAt(value, i, limit)) > 0) {
                        kind = LeakKinds.JWT;
                    }
                }
                default -> {}
            }
            if (kind != null) {
                addOnce(kinds, kind);
                if (kind.equals(LeakKinds.AWS_ACCESS_KEY_ID)
                        && SecretShapes.findAwsSecretRun(value, end, end + 128, limit) >= 0) {
                    addOnce(kinds, LeakKinds.AWS_SECRET_ACCESS_KEY);
                }
                i = end - 1;
            }
        }
        if (SecretShapes.hasPasswordInUrl(value, limit)) {
            addOnce(kinds, LeakKinds.PASSWORD_IN_URL);
        }
        String upperName = name.toUpperCase(Locale.ROOT);
        if (!describesMetadata(upperName) && !isReference(value, limit)) {
            boolean secretName = isSecretLikeName(upperName);
            if ((secretName || upperName.contains("KEY"))
                    && SecretShapes.findAwsSecretRun(value, 0, limit, limit) >= 0) {
                addOnce(kinds, LeakKinds.AWS_SECRET_ACCESS_KEY);
            }
            if (secretName && kinds.isEmpty() && looksRandom(value, limit)) {
                kinds.add(LeakKinds.HIGH_ENTROPY_SECRET);
            }
        }
        for (String kind : kinds) {
            out.add(new EnvSecret(name, kind));
        }
    }

    private static void addOnce(List<String> kinds, String kind) {
        if (!kinds.contains(kind)) {
            kinds.add(kind);
        }
    }

    static boolean isSecretLikeName(String upperName) {
        for (String word : SECRET_WORDS) {
            if (upperName.contains(word)) {
                return true;
            }
        }
        return false;
    }

    private static boolean describesMetadata(String upperName) {
        for (String suffix : METADATA_SUFFIXES) {
            if (upperName.endsWith(suffix)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the (trimmed) value points at a secret rather than being one: an ARN, a CloudFormation dynamic reference,
     * an SSM or Secrets Manager reference, a {@code ${...}} placeholder, a file path, or a URL without credentials.
     */
    static boolean isReference(String value, int limit) {
        int from = 0;
        int to = limit;
        while (from < to && value.charAt(from) <= ' ') {
            from++;
        }
        while (to > from && value.charAt(to - 1) <= ' ') {
            to--;
        }
        if (from == to) {
            return true;
        }
        if (startsWithIgnoreCase(value, from, "arn:")
                || startsWithIgnoreCase(value, from, "ssm:")
                || startsWithIgnoreCase(value, from, "secretsmanager:")
                || startsWithIgnoreCase(value, from, "/aws/reference/secretsmanager/")
                || value.startsWith("{{resolve:", from)
                || (value.startsWith("${", from) && value.charAt(to - 1) == '}')) {
            return true;
        }
        if (isPath(value, from, to)) {
            return true;
        }
        int scheme = value.indexOf("://", from);
        return scheme > from
                && scheme < Math.min(to, from + 32)
                && isSchemeChars(value, from, scheme)
                && !SecretShapes.hasPasswordInUrl(value, to);
    }

    private static boolean isSchemeChars(String s, int from, int to) {
        for (int k = from; k < to; k++) {
            char c = s.charAt(k);
            if (!SecretShapes.isAlnum(c) && c != '+' && c != '.' && c != '-') {
                return false;
            }
        }
        return true;
    }

    /**
     * An absolute or relative file path: {@code /a/b}, {@code ./x}, {@code ../x} or {@code ~/x} made of path
     * characters only. An absolute path needs a second {@code /} or a dot, so that a base64 secret that happens to
     * start with {@code /} does not pass as a path.
     */
    private static boolean isPath(String s, int from, int to) {
        boolean relative = s.startsWith("./", from) || s.startsWith("../", from) || s.startsWith("~/", from);
        if (!relative && s.charAt(from) != '/') {
            return false;
        }
        int slashes = 0;
        boolean dot = false;
        for (int k = from; k < to; k++) {
            char c = s.charAt(k);
            if (c == '/') {
                slashes++;
            } else if (c == '.') {
                dot = true;
            } else if (!SecretShapes.isAlnum(c) && c != '-' && c != '_' && c != '~') {
                return false;
            }
        }
        return relative || slashes >= 2 || dot;
    }

    private static boolean startsWithIgnoreCase(String s, int from, String prefix) {
        return s.regionMatches(true, from, prefix, 0, prefix.length());
    }

    /**
     * Whether the trimmed value looks generated: at least {@link #MIN_ENTROPY_LENGTH} characters, at least two
     * character classes (lower, upper, digit, symbol; separators like {@code -_./:} and space do not count), and
     * Shannon entropy of at least {@code min(3.5, 0.8 * log2(length))} bits per character. A PEM certificate (public
     * material) is not a secret.
     */
    static boolean looksRandom(String value, int limit) {
        int from = 0;
        int to = limit;
        while (from < to && value.charAt(from) <= ' ') {
            from++;
        }
        while (to > from && value.charAt(to - 1) <= ' ') {
            to--;
        }
        int length = to - from;
        if (length < MIN_ENTROPY_LENGTH || value.startsWith("-----BEGIN ", from)) {
            return false;
        }
        int[] ascii = new int[128];
        Map<Character, Integer> other = null;
        boolean lower = false;
        boolean upper = false;
        boolean digit = false;
        boolean symbol = false;
        for (int k = from; k < to; k++) {
            char c = value.charAt(k);
            if (c < 128) {
                ascii[c]++;
            } else {
                if (other == null) {
                    other = new HashMap<>();
                }
                other.merge(c, 1, Integer::sum);
            }
            if (SecretShapes.isLower(c)) {
                lower = true;
            } else if (SecretShapes.isUpper(c)) {
                upper = true;
            } else if (SecretShapes.isDigit(c)) {
                digit = true;
            } else if ("-_./: ".indexOf(c) < 0) {
                symbol = true;
            }
        }
        int classes = (lower ? 1 : 0) + (upper ? 1 : 0) + (digit ? 1 : 0) + (symbol ? 1 : 0);
        if (classes < 2) {
            return false;
        }
        double entropy = 0;
        for (int count : ascii) {
            entropy += term(count, length);
        }
        if (other != null) {
            for (int count : other.values()) {
                entropy += term(count, length);
            }
        }
        double threshold = Math.min(3.5, 0.8 * Math.log(length) / Math.log(2));
        return entropy >= threshold;
    }

    private static double term(int count, int length) {
        if (count == 0) {
            return 0;
        }
        double p = (double) count / length;
        return -p * Math.log(p) / Math.log(2);
    }
}
