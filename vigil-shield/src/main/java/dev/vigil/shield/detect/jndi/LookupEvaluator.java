package dev.vigil.shield.detect.jndi;

import dev.vigil.shield.detect.AsciiText;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;

/**
 * Resolves Log4j 2 lookup syntax to the text a vulnerable logger would end up with, without looking anything up. The
 * grammar is Log4j's {@code StrSubstitutor}: {@code ${name}}, nested lookups anywhere inside (the name itself is
 * substituted first), {@code name:-default}, the {@code $${} escape, and the result of a lookup substituted again.
 * The {@code Interpolator} splits the name at its first {@code :} into a lower-cased prefix and a key:
 *
 * <ul>
 *   <li>{@code lower}, {@code upper}: the key case-mapped (Java rules, so {@code ı} upper-cases to {@code I});
 *   <li>{@code date}: the quoted literal parts of the pattern ({@code 'j'} gives {@code j}), digits for the rest;
 *   <li>{@code jndi}: recorded as a JNDI lookup of the key;
 *   <li>data lookups ({@code env}, {@code sys}, {@code java}, {@code hostName}, ...): recorded as a leak; the default
 *       when one is given (an attacker picks a missing key), else a placeholder;
 *   <li>anything else: the default value, or the lookup text left as is.
 * </ul>
 *
 * <p>Work is bounded: nesting depth {@value #MAX_DEPTH}, output {@value #MAX_OUTPUT} characters per level, and a budget
 * of {@value #BUDGET} character steps per evaluation; when a bound is hit the text evaluated so far is judged.
 */
final class LookupEvaluator {

    static final int MAX_DEPTH = 12;
    static final int MAX_OUTPUT = 4096;
    static final int BUDGET = 200_000;

    /** A lookup with the {@code jndi} prefix was resolved. */
    boolean jndi;
    /** Lookup-building obfuscation: empty-key defaults, case/date functions on fragments, computed lookup names. */
    boolean obfuscated;
    /** A lookup that reads environment, system or runtime data. */
    boolean leak;

    private int budget = BUDGET;

    /** The text of {@code s[from, to)} with every lookup resolved. */
    String evaluate(String s, int from, int to) {
        return eval(s, from, to, 0);
    }

    private String eval(String s, int from, int to, int depth) {
        StringBuilder out = new StringBuilder(Math.min(to - from, MAX_OUTPUT));
        int i = from;
        while (i < to && out.length() < MAX_OUTPUT) {
            if (--budget <= 0) {
                out.append(s, i, Math.min(to, i + MAX_OUTPUT - out.length()));
                break;
            }
            char c = s.charAt(i);
            if (c == '$' && i + 2 < to && s.charAt(i + 1) == '$' && s.charAt(i + 2) == '{') {
                // escaped opener: Log4j keeps "${" literally and scans on after it
                out.append("${");
                i += 3;
                continue;
            }
            if (c == '$' && i + 1 < to && s.charAt(i + 1) == '{') {
                int close = matchClose(s, i + 2, to);
                if (close < 0) {
                    out.append(s, i, Math.min(to, i + MAX_OUTPUT - out.length()));
                    break;
                }
                if (depth >= MAX_DEPTH) {
                    out.append(s, i, close + 1);
                } else {
                    String content = eval(s, i + 2, close, depth + 1);
                    if (!obfuscated && nameIsComputed(s, i + 2, close)) {
                        obfuscated = true;
                    }
                    out.append(resolve(content, depth));
                }
                i = close + 1;
                continue;
            }
            out.append(c);
            i++;
        }
        return out.toString();
    }

    /** The index of the {@code '}'} closing a lookup whose content starts at {@code from}, or -1. */
    private int matchClose(String s, int from, int to) {
        int level = 1;
        for (int k = from; k < to; k++) {
            if (--budget <= 0) {
                return -1;
            }
            char c = s.charAt(k);
            if (c == '$' && k + 1 < to && s.charAt(k + 1) == '{') {
                level++;
                k++;
            } else if (c == '}') {
                level--;
                if (level == 0) {
                    return k;
                }
            }
        }
        return -1;
    }

    /**
     * Whether the lookup's name part (before its first {@code :} or {@code :-}) contains a nested lookup: the name is
     * computed, which only obfuscation needs.
     */
    private static boolean nameIsComputed(String s, int from, int to) {
        for (int k = from; k < to - 1; k++) {
            char c = s.charAt(k);
            if (c == ':') {
                return false;
            }
            if (c == '$' && s.charAt(k + 1) == '{') {
                return true;
            }
        }
        return false;
    }

    private String resolve(String content, int depth) {
        int d = content.indexOf(":-");
        String name = d >= 0 ? content.substring(0, d) : content;
        String def = d >= 0 ? content.substring(d + 2) : null;
        int colon = name.indexOf(':');
        String value = null;
        if (colon >= 0) {
            String prefix = AsciiText.lower(name.substring(0, colon).trim());
            String key = name.substring(colon + 1);
            switch (prefix) {
                case "jndi":
                    jndi = true;
                    break;
                case "lower":
                    value = key.toLowerCase(Locale.ROOT);
                    if (key.length() <= 4) {
                        obfuscated = true;
                    }
                    break;
                case "upper":
                    value = key.toUpperCase(Locale.ROOT);
                    if (key.length() <= 4) {
                        obfuscated = true;
                    }
                    break;
                case "base64":
                    value = base64(key);
                    obfuscated = true;
                    break;
                case "date":
                    value = dateLiterals(key);
                    if (value.indexOf('\'') < 0 && key.indexOf('\'') >= 0) {
                        obfuscated = true;
                    }
                    break;
                case "env":
                case "sys":
                case "java":
                case "ctx":
                case "main":
                case "jvmrunargs":
                case "docker":
                case "k8s":
                case "kubernetes":
                case "spring":
                case "web":
                case "bundle":
                case "sd":
                case "map":
                case "marker":
                case "log4j":
                case "event":
                    leak = true;
                    value = def != null ? def : "x";
                    if (def != null && def.length() <= 4) {
                        obfuscated = true;
                    }
                    break;
                case "":
                    if (def != null) {
                        obfuscated = true; // ${:-j} and ${::-j}: an empty key only exists to yield its default
                    }
                    break;
                default:
                    break;
            }
        } else if (AsciiText.lower(name.trim()).equals("hostname")) {
            leak = true;
            value = "x";
        } else if (name.isEmpty() && def != null) {
            obfuscated = true;
        }
        if (value == null) {
            value = def;
        }
        if (value == null) {
            return "${" + content + "}";
        }
        if (value.indexOf("${") >= 0 && depth + 1 < MAX_DEPTH) {
            // Log4j substitutes the result of a lookup again
            value = eval(value, 0, value.length(), depth + 1);
        }
        return value;
    }

    /** The key base64-decoded as UTF-8 (Log4j's {@code base64} lookup); the key itself when it is not base64. */
    private static String base64(String key) {
        try {
            return new String(Base64.getMimeDecoder().decode(key.trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return key;
        }
    }

    /** The literal parts of a {@code SimpleDateFormat} pattern; pattern letters read as a digit. */
    private static String dateLiterals(String pattern) {
        StringBuilder out = new StringBuilder(pattern.length());
        boolean quoted = false;
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\'') {
                if (i + 1 < pattern.length() && pattern.charAt(i + 1) == '\'') {
                    out.append('\'');
                    i++;
                } else {
                    quoted = !quoted;
                }
            } else if (quoted || !AsciiText.isLetter(c)) {
                out.append(c);
            } else {
                out.append('0');
            }
        }
        return out.toString();
    }
}
