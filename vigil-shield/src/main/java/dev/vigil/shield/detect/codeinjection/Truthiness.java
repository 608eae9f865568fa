package dev.vigil.shield.detect.codeinjection;

import dev.vigil.shield.detect.AsciiText;

/**
 * Whether a loop condition is a JavaScript constant that is always true ({@code true}, {@code 1}, {@code !0},
 * {@code !""}, {@code Infinity}, <code>!!{}</code>, {@code this}, {@code new Date}), the shape of an injected endless
 * loop. A falsy constant ({@code !true}, {@code 0}, {@code null}) is not.
 */
final class Truthiness {

    private Truthiness() {}

    static boolean isTruthyConstant(String s, int from, int to) {
        String c = s.substring(from, to).trim();
        // strip redundant parentheses: ((true))
        while (c.length() >= 2 && c.charAt(0) == '(' && c.charAt(c.length() - 1) == ')') {
            c = c.substring(1, c.length() - 1).trim();
        }
        if (c.startsWith("(")) {
            c = c.substring(1).trim();
        }
        boolean negate = false;
        while (c.startsWith("!")) {
            negate = !negate;
            c = c.substring(1).trim();
        }
        if (c.startsWith("+") || c.startsWith("-")) {
            c = c.substring(1).trim();
        }
        int value = constant(c);
        if (value < 0) {
            return false;
        }
        return (value == 1) != negate;
    }

    /** 1 for a truthy constant, 0 for a falsy one, -1 when {@code c} is not a constant. */
    private static int constant(String c) {
        switch (c) {
            case "true":
            case "Infinity":
            case "this":
            case "{}":
            case "[]":
            case "String":
            case "Object":
            case "Number":
            case "Array":
            case "Date":
            case "new Date":
            case "new Date()":
            case "Math":
                return 1;
            case "false":
            case "0":
            case "null":
            case "undefined":
            case "NaN":
            case "\"\"":
            case "''":
            case "``":
                return 0;
            default:
                break;
        }
        int n = c.length();
        if (n > 0 && n < 10) {
            boolean digits = true;
            for (int k = 0; k < n; k++) {
                if (!AsciiText.isDigit(c.charAt(k))) {
                    digits = false;
                    break;
                }
            }
            if (digits) {
                return c.charAt(0) == '0' && n == 1 ? 0 : 1;
            }
        }
        if (n >= 3 && (c.charAt(0) == '"' || c.charAt(0) == '\'') && c.charAt(n - 1) == c.charAt(0)) {
            return 1;
        }
        return -1;
    }
}
