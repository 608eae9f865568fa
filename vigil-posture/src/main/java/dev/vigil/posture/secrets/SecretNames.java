package dev.vigil.posture.secrets;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Tells secret-like setting names ({@code DB_PASSWORD}, {@code apiKey}, {@code ClientSecret}) from names that only
 * mention a secret ({@code SECRET_ARN}, {@code PasswordLength}, {@code TokenValidity}).
 */
public final class SecretNames {
    private SecretNames() {}

    private static final Set<String> SECRET_WORDS = Set.of(
            "password",
            "passwd",
            "pwd",
            "pass",
            "passphrase",
            "secret",
            "token",
            "credential",
            "credentials",
            "creds",
            "apikey",
            "privatekey",
            "accesskey",
            "secretkey",
            "authtoken",
            "apitoken",
            "clientsecret",
            "dbpassword",
            "masterpassword");

    /** Second words that make a secret with the first: {@code api key}, {@code private key} … */
    private static final Set<String> KEY_QUALIFIERS =
            Set.of("api", "private", "access", "secret", "auth", "signing", "app", "license", "master", "session");

    /** Words that make the setting about a secret rather than the secret itself, wherever they appear. */
    private static final Set<String> NOT_THE_SECRET = Set.of(
            "name",
            "names",
            "arn",
            "arns",
            "id",
            "ids",
            "path",
            "param",
            "parameter",
            "ssm",
            "file",
            "filename",
            "location",
            "region",
            "ttl",
            "length",
            "len",
            "size",
            "expiry",
            "expires",
            "expiration",
            "validity",
            "header",
            "type",
            "enabled",
            "enable",
            "disabled",
            "policy",
            "rotation",
            "prefix",
            "suffix",
            "version",
            "stage",
            "field",
            "table",
            "bucket",
            "queue",
            "topic",
            "endpoint",
            "url",
            "uri",
            "host",
            "username",
            "count",
            "days",
            "hours",
            "minutes",
            "seconds",
            "timeout",
            "interval",
            "period",
            "mode",
            "format",
            "required",
            "reset",
            "min",
            "max",
            "minimum",
            "maximum",
            "strategy",
            "description",
            "source",
            "role",
            "kms",
            "units",
            "revocation",
            "generate",
            "exclude",
            "manager",
            "store",
            "ref",
            "reference",
            "through");

    /** True when a setting called {@code name} holds a secret. */
    public static boolean isSecretName(String name) {
        List<String> words = words(name);
        if (words.isEmpty()) {
            return false;
        }
        for (String w : words) {
            if (NOT_THE_SECRET.contains(w)) {
                return false;
            }
        }
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            if (SECRET_WORDS.contains(w)) {
                return true;
            }
            if (w.equals("key") && i > 0 && KEY_QUALIFIERS.contains(words.get(i - 1))) {
                return true;
            }
        }
        return false;
    }

    /** True for names of AWS secret access keys ({@code AWS_SECRET_ACCESS_KEY}, {@code aws_secret_key}, {@code SecretAccessKey}). */
    public static boolean isAwsSecretKeyName(String name) {
        List<String> w = words(name);
        boolean secret = w.contains("secret") || w.contains("secretkey");
        boolean access = w.contains("access") || w.contains("aws");
        boolean key = w.contains("key") || w.contains("secretkey");
        return secret && access && key && !w.contains("id") && !w.contains("arn") && !w.contains("name");
    }

    /** The lower-case words of a name: split at non-alphanumerics and camelCase humps ({@code APIKey} = api, key). */
    public static List<String> words(String name) {
        List<String> out = new ArrayList<>();
        if (name == null) {
            return out;
        }
        StringBuilder cur = new StringBuilder();
        int n = name.length();
        for (int i = 0; i < n; i++) {
            char c = name.charAt(i);
            if (!Character.isLetterOrDigit(c)) {
                flush(cur, out);
                continue;
            }
            if (cur.length() > 0 && Character.isUpperCase(c)) {
                char prev = name.charAt(i - 1);
                boolean nextLower = i + 1 < n && Character.isLowerCase(name.charAt(i + 1));
                if (Character.isLowerCase(prev)
                        || Character.isDigit(prev)
                        || (Character.isUpperCase(prev) && nextLower)) {
                    flush(cur, out);
                }
            }
            cur.append(c);
        }
        flush(cur, out);
        return out;
    }

    private static void flush(StringBuilder cur, List<String> out) {
        if (cur.length() > 0) {
            out.add(cur.toString().toLowerCase(Locale.ROOT));
            cur.setLength(0);
        }
    }
}
