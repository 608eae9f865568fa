package dev.vigil.detect.condition;

import dev.vigil.detect.InvalidRuleException;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a condition into words and parentheses. A word is a run of letters, digits, {@code _ - . *}. A {@code |}
 * (the removed v1 aggregation syntax) and any other character are rejected with their column.
 */
final class ConditionTokenizer {
    private ConditionTokenizer() {}

    static List<ConditionToken> tokenize(String text) {
        List<ConditionToken> tokens = new ArrayList<>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '(') {
                tokens.add(new ConditionToken(ConditionToken.Kind.OPEN, "(", i + 1));
                i++;
            } else if (c == ')') {
                tokens.add(new ConditionToken(ConditionToken.Kind.CLOSE, ")", i + 1));
                i++;
            } else if (c == '|') {
                throw new InvalidRuleException("condition: '|' at column " + (i + 1)
                        + " is v1 aggregation syntax; rewrite as a correlation rule");
            } else if (isWordChar(c)) {
                int start = i;
                while (i < n && isWordChar(text.charAt(i))) {
                    i++;
                }
                tokens.add(new ConditionToken(ConditionToken.Kind.WORD, text.substring(start, i), start + 1));
            } else {
                throw new InvalidRuleException(
                        "condition: unexpected character '" + printable(text, i) + "' at column " + (i + 1));
            }
        }
        tokens.add(new ConditionToken(ConditionToken.Kind.END, "", n + 1));
        return tokens;
    }

    private static boolean isWordChar(char c) {
        return (c >= 'a' && c <= 'z')
                || (c >= 'A' && c <= 'Z')
                || (c >= '0' && c <= '9')
                || c == '_'
                || c == '-'
                || c == '.'
                || c == '*';
    }

    private static String printable(String text, int i) {
        int cp = text.codePointAt(i);
        if (Character.isISOControl(cp)) {
            return String.format("\\u%04x", cp);
        }
        return new String(Character.toChars(cp));
    }
}
