package dev.vigil.posture.format.serverless;

import java.util.Locale;

/** Logical ids as the Serverless Framework names the resources it generates. */
public final class Names {
    private Names() {}

    /** First letter upper-cased. */
    public static String normalize(String name) {
        return name.isEmpty() ? name : name.substring(0, 1).toUpperCase(Locale.ROOT) + name.substring(1);
    }

    /** A function key as it appears in logical ids: {@code -} -> {@code Dash}, {@code _} -> {@code Underscore}. */
    public static String function(String functionKey) {
        return normalize(functionKey.replace("-", "Dash").replace("_", "Underscore"));
    }

    /** Only letters and digits, first letter upper-cased (topic, queue and bucket names in logical ids). */
    public static String alphaNumeric(String name) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < name.length() && b.length() < 200; i++) {
            char c = name.charAt(i);
            if (c < 128 && Character.isLetterOrDigit(c)) {
                b.append(c);
            }
        }
        return normalize(b.toString());
    }

    /** {@code <Name>LambdaFunction}. */
    public static String lambda(String functionKey) {
        return function(functionKey) + "LambdaFunction";
    }

    /**
     * A REST path as a resource logical id fragment: each segment capitalised, {@code {id}} -> {@code IdVar},
     * {@code -} -> {@code Dash}, {@code _} -> {@code Underscore}, other punctuation dropped.
     */
    public static String pathPart(String segment) {
        String s = segment;
        boolean variable = s.startsWith("{") && s.endsWith("}");
        if (variable) {
            s = s.substring(1, s.length() - 1);
            if (s.endsWith("+")) {
                s = s.substring(0, s.length() - 1) + "Proxy";
            }
        }
        s = s.replace("-", "Dash").replace("_", "Underscore").replace(".", "Dot");
        return alphaNumeric(s) + (variable ? "Var" : "");
    }

    /** An HTTP method as in logical ids: {@code Get}, {@code Post}, {@code Any}. */
    public static String method(String method) {
        String m = method.toLowerCase(Locale.ROOT);
        return m.equals("*") ? "Any" : normalize(m);
    }
}
