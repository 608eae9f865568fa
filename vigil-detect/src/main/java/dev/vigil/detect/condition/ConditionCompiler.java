package dev.vigil.detect.condition;

import dev.vigil.detect.InvalidRuleException;
import dev.vigil.detect.match.EventPredicate;
import dev.vigil.detect.match.Predicates;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns condition syntax trees into predicates over a rule's search identifiers.
 *
 * <p>{@code them} and patterns skip identifiers starting with {@code _} unless the pattern itself starts with {@code
 * _}. An undefined identifier or a pattern that matches nothing is rejected.
 */
public final class ConditionCompiler {
    private final Map<String, EventPredicate> identifiers;
    private final Set<String> used = new LinkedHashSet<>();

    /**
     * A compiler over {@code identifiers} (name → predicate); its iteration order is the order {@code 1 of} and
     * {@code all of} combine them in.
     */
    public ConditionCompiler(Map<String, EventPredicate> identifiers) {
        this.identifiers = identifiers;
    }

    /**
     * Parses and compiles a condition, or a list of conditions (any of them matching means the rule matches).
     *
     * @throws InvalidRuleException naming the problem; for a list, which entry
     */
    public EventPredicate compile(List<String> conditions) {
        if (conditions.isEmpty()) {
            throw new InvalidRuleException("condition: empty list");
        }
        List<EventPredicate> parts = new ArrayList<>();
        for (int i = 0; i < conditions.size(); i++) {
            try {
                parts.add(compile(ConditionParser.parse(conditions.get(i))));
            } catch (InvalidRuleException e) {
                if (conditions.size() == 1) {
                    throw e;
                }
                throw new InvalidRuleException("condition " + (i + 1) + " of " + conditions.size() + ": "
                        + e.getMessage().replaceFirst("^condition: ", ""));
            }
        }
        return Predicates.or(parts);
    }

    /** Compiles one parsed condition. */
    public EventPredicate compile(ConditionNode node) {
        if (node instanceof ConditionNode.Identifier id) {
            return identifier(id);
        }
        if (node instanceof ConditionNode.And and) {
            return Predicates.and(compileAll(and.parts()));
        }
        if (node instanceof ConditionNode.Or or) {
            return Predicates.or(compileAll(or.parts()));
        }
        if (node instanceof ConditionNode.Not not) {
            return Predicates.not(compile(not.part()));
        }
        return quantified((ConditionNode.Quantified) node);
    }

    /** The identifiers the compiled conditions refer to, in first-use order. */
    public Set<String> used() {
        return used;
    }

    private List<EventPredicate> compileAll(List<ConditionNode> nodes) {
        List<EventPredicate> out = new ArrayList<>(nodes.size());
        for (ConditionNode n : nodes) {
            out.add(compile(n));
        }
        return out;
    }

    private EventPredicate identifier(ConditionNode.Identifier id) {
        EventPredicate p = identifiers.get(id.name());
        if (p == null) {
            String lower = id.name().toLowerCase(Locale.ROOT);
            String hint = switch (lower) {
                case "and", "or", "not", "of", "them", "all", "any" -> " (keywords are lower case)";
                default -> "";
            };
            throw new InvalidRuleException(
                    "condition: undefined search identifier '" + id.name() + "' at column " + id.column() + hint);
        }
        used.add(id.name());
        return p;
    }

    private EventPredicate quantified(ConditionNode.Quantified q) {
        List<EventPredicate> parts = new ArrayList<>();
        boolean underscoreAllowed = !q.them() && q.pattern().startsWith("_");
        for (Map.Entry<String, EventPredicate> e : identifiers.entrySet()) {
            String name = e.getKey();
            if (name.startsWith("_") && !underscoreAllowed) {
                continue;
            }
            if (q.them() || Glob.matches(q.pattern(), name)) {
                used.add(name);
                parts.add(e.getValue());
            }
        }
        if (parts.isEmpty()) {
            throw new InvalidRuleException(
                    "condition: '" + q.pattern() + "' at column " + q.column() + " matches no search identifier");
        }
        return q.all() ? Predicates.and(parts) : Predicates.or(parts);
    }

    /** {@code *} matches any run of characters; everything else is literal. */
    static final class Glob {
        private Glob() {}

        static boolean matches(String pattern, String name) {
            // Iterative two-pointer glob match with backtracking to the last '*': linear enough for short names.
            int p = 0;
            int s = 0;
            int star = -1;
            int mark = 0;
            while (s < name.length()) {
                if (p < pattern.length() && pattern.charAt(p) == '*') {
                    star = p++;
                    mark = s;
                } else if (p < pattern.length() && pattern.charAt(p) == name.charAt(s)) {
                    p++;
                    s++;
                } else if (star >= 0) {
                    p = star + 1;
                    s = ++mark;
                } else {
                    return false;
                }
            }
            while (p < pattern.length() && pattern.charAt(p) == '*') {
                p++;
            }
            return p == pattern.length();
        }
    }
}
