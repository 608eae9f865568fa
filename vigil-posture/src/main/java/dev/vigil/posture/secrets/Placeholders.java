package dev.vigil.posture.secrets;

import java.util.Locale;
import java.util.Set;

/**
 * Values that are not secrets although a secret-named setting holds them: references resolved at deploy or run time
 * ({@code ${…}}, {@code {{resolve:…}}}, ARNs, parameter paths) and dummy words ({@code changeit} is not one: a
 * default password that gets deployed is a secret).
 */
public final class Placeholders {
    private Placeholders() {}

    private static final Set<String> DUMMY = Set.of(
            "none",
            "null",
            "nil",
            "undefined",
            "n/a",
            "na",
            "tbd",
            "todo",
            "dummy",
            "placeholder",
            "redacted",
            "example",
            "sample",
            "secret",
            "password",
            "token",
            "true",
            "false",
            "yes",
            "no",
            "on",
            "off",
            "enabled",
            "disabled",
            "required",
            "optional");

    /** True when {@code value} is empty, a dummy word, a masked or templated value, or a reference to a secret. */
    public static boolean isPlaceholderOrReference(String value) {
        if (value == null) {
            return true;
        }
        String v = value.trim();
        if (v.isEmpty()) {
            return true;
        }
        String lower = v.toLowerCase(Locale.ROOT);
        if (DUMMY.contains(lower)) {
            return true;
        }
        if (v.contains("${") || v.contains("{{") || v.startsWith("$(") || v.startsWith("#{")) {
            return true;
        }
        // Step Functions paths and intrinsic functions, resolved at run time.
        if (v.startsWith("$.") || v.startsWith("$$.") || v.startsWith("States.")) {
            return true;
        }
        if (instruction(lower)) {
            return true;
        }
        if (v.startsWith("<") && v.endsWith(">")) {
            return true;
        }
        if (v.startsWith("%") && v.endsWith("%") && v.length() > 2) {
            return true;
        }
        if (lower.startsWith("arn:")
                || lower.startsWith("alias/")
                || lower.startsWith("ssm:")
                || lower.startsWith("secretsmanager:")
                || lower.startsWith("resolve:")) {
            return true;
        }
        if (isPath(v)) {
            return true;
        }
        return sameCharacter(v);
    }

    /** Text that tells the reader what to put there: {@code YOUR-TOKEN-HERE}, {@code REPLACE_ME}, {@code KEYEXAMPLE}. */
    private static boolean instruction(String lower) {
        return lower.startsWith("your")
                || lower.startsWith("insert")
                || lower.startsWith("enter")
                || lower.contains("replace")
                || lower.contains("example")
                || lower.contains("changeit") && lower.length() < 10
                || lower.endsWith("-here")
                || lower.endsWith("_here")
                || lower.endsWith(" here")
                || lower.contains("placeholder")
                || lower.contains("dummy")
                || lower.contains("xxxx");
    }

    /** True for a password part of a URL that is a placeholder ({@code ${DB_PASS}}, {@code <password>}, {@code ***}). */
    static boolean isPlaceholderPassword(String password) {
        if (password.startsWith("$")
                || password.startsWith("<")
                || password.startsWith("{")
                || password.startsWith("%")) {
            return true;
        }
        return isPlaceholderOrReference(password);
    }

    /** A parameter-store or file path such as {@code /prod/db/password}: the name of a secret, not the secret. */
    private static boolean isPath(String v) {
        if (v.length() < 2 || v.charAt(0) != '/' || v.indexOf('/', 1) < 0) {
            return false;
        }
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (!(Character.isLetterOrDigit(c) || c == '/' || c == '-' || c == '_' || c == '.')) {
                return false;
            }
        }
        return true;
    }

    private static boolean sameCharacter(String v) {
        char first = v.charAt(0);
        if (Character.isLetterOrDigit(first) && v.length() < 4) {
            return false;
        }
        for (int i = 1; i < v.length(); i++) {
            if (v.charAt(i) != first) {
                return false;
            }
        }
        return v.length() >= 3;
    }
}
