package dev.vigil.detect.condition;

import dev.vigil.detect.InvalidRuleException;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses a Sigma condition into a {@link ConditionNode}.
 *
 * <pre>
 * or_expr  := and_expr ("or" and_expr)*
 * and_expr := not_expr ("and" not_expr)*
 * not_expr := "not" not_expr | atom
 * atom     := "(" or_expr ")" | ("1" | "any" | "all") "of" (pattern | "them") | identifier
 * </pre>
 *
 * Keywords are lower case. Conditions longer than {@link #MAX_LENGTH} characters or nested deeper than {@link
 * #MAX_DEPTH} (parentheses and {@code not}s) are rejected, so a hostile condition cannot exhaust the stack.
 */
public final class ConditionParser {
    /** Longest accepted condition, in characters. */
    public static final int MAX_LENGTH = 10_000;

    /** Deepest accepted nesting of parentheses and {@code not}. */
    public static final int MAX_DEPTH = 100;

    private final List<ConditionToken> tokens;
    private int pos;
    private int depth;

    private ConditionParser(List<ConditionToken> tokens) {
        this.tokens = tokens;
    }

    /**
     * Parses {@code text}.
     *
     * @throws InvalidRuleException naming the offending token and its column
     */
    public static ConditionNode parse(String text) {
        if (text.length() > MAX_LENGTH) {
            throw new InvalidRuleException(
                    "condition: longer than " + MAX_LENGTH + " characters (" + text.length() + ")");
        }
        if (text.isBlank()) {
            throw new InvalidRuleException("condition: empty");
        }
        ConditionParser parser = new ConditionParser(ConditionTokenizer.tokenize(text));
        ConditionNode node = parser.orExpr();
        ConditionToken rest = parser.peek();
        if (rest.kind() != ConditionToken.Kind.END) {
            if (rest.kind() == ConditionToken.Kind.CLOSE) {
                throw error("unbalanced ')' at column " + rest.column());
            }
            String lower = rest.text().toLowerCase(java.util.Locale.ROOT);
            if (rest.kind() == ConditionToken.Kind.WORD && isKeyword(lower)) {
                throw error("unexpected " + rest.describe() + " (keywords are lower case)");
            }
            throw error("unexpected " + rest.describe() + " (expected 'and', 'or' or the end)");
        }
        return node;
    }

    private ConditionNode orExpr() {
        List<ConditionNode> parts = new ArrayList<>();
        parts.add(andExpr());
        while (peek().isWord("or")) {
            pos++;
            parts.add(andExpr());
        }
        return parts.size() == 1 ? parts.get(0) : new ConditionNode.Or(parts);
    }

    private ConditionNode andExpr() {
        List<ConditionNode> parts = new ArrayList<>();
        parts.add(notExpr());
        while (peek().isWord("and")) {
            pos++;
            parts.add(notExpr());
        }
        return parts.size() == 1 ? parts.get(0) : new ConditionNode.And(parts);
    }

    private ConditionNode notExpr() {
        ConditionToken t = peek();
        if (t.isWord("not")) {
            pos++;
            enter(t);
            ConditionNode inner = notExpr();
            depth--;
            return new ConditionNode.Not(inner);
        }
        return atom();
    }

    private ConditionNode atom() {
        ConditionToken t = next();
        switch (t.kind()) {
            case OPEN: {
                enter(t);
                ConditionNode inner = orExpr();
                ConditionToken close = next();
                if (close.kind() != ConditionToken.Kind.CLOSE) {
                    throw error(
                            "unbalanced '(' at column " + t.column() + ": expected ')' but found " + close.describe());
                }
                depth--;
                return inner;
            }
            case CLOSE:
                throw error("unexpected ')' at column " + t.column() + " (expected an identifier, 'not' or '(')");
            case END:
                throw error("unexpected end of the condition (expected an identifier, 'not' or '(')");
            default:
                return wordAtom(t);
        }
    }

    private ConditionNode wordAtom(ConditionToken t) {
        String w = t.text();
        if (peek().isWord("of")) {
            if (!w.equals("1") && !w.equals("any") && !w.equals("all")) {
                throw error("'" + w + " of' at column " + t.column()
                        + " is not supported (use '1 of', 'any of' or 'all of')");
            }
            pos++;
            ConditionToken pattern = next();
            if (pattern.kind() != ConditionToken.Kind.WORD || isKeyword(pattern.text())) {
                throw error("expected a pattern or 'them' after '" + w + " of' at column " + t.column() + " but found "
                        + pattern.describe());
            }
            return new ConditionNode.Quantified(w.equals("all"), pattern.text(), pattern.column());
        }
        if (isKeyword(w) || w.equals("them")) {
            throw error("unexpected " + t.describe() + " (expected an identifier, 'not' or '(')");
        }
        if (w.indexOf('*') >= 0) {
            throw error("pattern '" + w + "' at column " + t.column() + " needs '1 of' or 'all of' before it");
        }
        return new ConditionNode.Identifier(w, t.column());
    }

    private static boolean isKeyword(String w) {
        return w.equals("and") || w.equals("or") || w.equals("not") || w.equals("of");
    }

    private void enter(ConditionToken t) {
        if (++depth > MAX_DEPTH) {
            throw error("nested deeper than " + MAX_DEPTH + " levels at column " + t.column());
        }
    }

    private ConditionToken peek() {
        return tokens.get(pos);
    }

    private ConditionToken next() {
        ConditionToken t = tokens.get(pos);
        if (t.kind() != ConditionToken.Kind.END) {
            pos++;
        }
        return t;
    }

    private static InvalidRuleException error(String message) {
        return new InvalidRuleException("condition: " + message);
    }
}
