package dev.vigil.posture.secrets;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds secrets in a named value: known token shapes anywhere, the literal value of a secret-named setting, and
 * (for environment variables) AWS secret-key-shaped and random-looking strings. Every match is masked.
 */
public final class SecretDetector {
    private SecretDetector() {}

    /** Minimum length of a token judged by entropy alone. */
    static final int ENTROPY_MIN_LENGTH = 24;
    /** Bits per character above which a mixed-case alphanumeric token is taken for a random key. */
    static final double ENTROPY_THRESHOLD = 4.2;

    /** Secrets in a function's environment variable {@code name=value}. */
    public static List<SecretMatch> inEnvironment(String name, String value) {
        List<SecretMatch> out = new ArrayList<>(TokenShapes.find(value));
        if (!out.isEmpty()) {
            return out;
        }
        SecretMatch named = named(name, value);
        if (named != null) {
            return List.of(named);
        }
        SecretMatch aws = TokenShapes.awsSecretKey(value);
        if (aws != null) {
            return List.of(aws);
        }
        SecretMatch random = highEntropy(value);
        return random == null ? List.of() : List.of(random);
    }

    /** AWS credentials in an environment variable: access key ids, and secret access keys by shape or by name. */
    public static List<SecretMatch> awsCredentials(String name, String value) {
        List<SecretMatch> out = new ArrayList<>();
        for (SecretMatch m : TokenShapes.find(value)) {
            if (m.kind().aws()) {
                out.add(m);
            }
        }
        if (!out.isEmpty()) {
            return out;
        }
        if (SecretNames.isAwsSecretKeyName(name) && !Placeholders.isPlaceholderOrReference(value)) {
            return List.of(SecretMatch.of(SecretKind.AWS_SECRET_ACCESS_KEY, value, 0, value.length()));
        }
        SecretMatch key = TokenShapes.awsSecretKey(value);
        return key == null ? List.of() : List.of(key);
    }

    /** Secrets in any other template value {@code name: value}: token shapes, or a secret-named literal. */
    public static List<SecretMatch> inTemplateValue(String name, String value) {
        List<SecretMatch> shapes = TokenShapes.find(value);
        if (!shapes.isEmpty()) {
            return shapes;
        }
        SecretMatch named = named(name, value);
        return named == null ? List.of() : List.of(named);
    }

    /**
     * The whole value as a secret when {@code name} is secret-like and the value a literal; null otherwise. A value
     * that is a JSON object (a secret template such as {@code {"username": "app"}}) is judged by its own keys.
     */
    public static SecretMatch named(String name, String value) {
        if (value == null || !SecretNames.isSecretName(name)) {
            return null;
        }
        String v = value.trim();
        if (v.startsWith("{") && v.endsWith("}") && v.length() < 65_536) {
            return jsonHasSecret(v, 0) ? SecretMatch.of(SecretKind.NAMED_SECRET, value, 0, value.length()) : null;
        }
        if (!literalSecret(value)) {
            return null;
        }
        return SecretMatch.of(SecretKind.NAMED_SECRET, value, 0, value.length());
    }

    /** Loaded on first use: most scans never meet a JSON-valued secret setting. */
    private static final class Json {
        static final com.fasterxml.jackson.databind.ObjectMapper MAPPER =
                new com.fasterxml.jackson.databind.ObjectMapper();
    }

    private static boolean jsonHasSecret(String text, int depth) {
        com.fasterxml.jackson.databind.JsonNode node;
        try {
            node = Json.MAPPER.readTree(text);
        } catch (java.io.IOException | RuntimeException notJson) {
            return literalSecret(text);
        }
        return jsonHasSecret(node, depth);
    }

    private static boolean jsonHasSecret(com.fasterxml.jackson.databind.JsonNode node, int depth) {
        if (node == null || !node.isObject() || depth > 8) {
            return false;
        }
        var fields = node.fields();
        while (fields.hasNext()) {
            var e = fields.next();
            if (e.getValue().isObject()) {
                if (jsonHasSecret(e.getValue(), depth + 1)) {
                    return true;
                }
            } else if (e.getValue().isTextual()
                    && SecretNames.isSecretName(e.getKey())
                    && literalSecret(e.getValue().asText())) {
                return true;
            }
        }
        return false;
    }

    /** True when {@code value} could be a secret's literal value (not a reference, placeholder, flag or prose). */
    public static boolean literalSecret(String value) {
        if (Placeholders.isPlaceholderOrReference(value)) {
            return false;
        }
        String v = value.trim();
        if (v.chars().allMatch(Character::isDigit) && v.length() < 6) {
            return false;
        }
        int spaces = 0;
        for (int i = 0; i < v.length(); i++) {
            if (v.charAt(i) == ' ') {
                spaces++;
            }
        }
        return spaces < 3;
    }

    /**
     * The first token (a run of base64/base64url characters) of at least {@link #ENTROPY_MIN_LENGTH} characters
     * that mixes upper case, lower case and digits with high entropy; hexadecimal strings (digests, ids) never count.
     */
    public static SecretMatch highEntropy(String value) {
        if (value == null) {
            return null;
        }
        int n = value.length();
        int i = 0;
        while (i < n) {
            if (!tokenChar(value.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            boolean upper = false;
            boolean lower = false;
            boolean digit = false;
            while (i < n && tokenChar(value.charAt(i))) {
                char c = value.charAt(i);
                upper |= c >= 'A' && c <= 'Z';
                lower |= c >= 'a' && c <= 'z';
                digit |= c >= '0' && c <= '9';
                i++;
            }
            if (i - start >= ENTROPY_MIN_LENGTH
                    && upper
                    && lower
                    && digit
                    && Entropy.shannon(value.subSequence(start, i)) >= ENTROPY_THRESHOLD) {
                return SecretMatch.of(SecretKind.HIGH_ENTROPY, value, start, i);
            }
        }
        return null;
    }

    private static boolean tokenChar(char c) {
        return (c >= 'A' && c <= 'Z')
                || (c >= 'a' && c <= 'z')
                || (c >= '0' && c <= '9')
                || c == '/'
                || c == '+'
                || c == '='
                || c == '_'
                || c == '-';
    }
}
