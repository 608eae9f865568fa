package dev.vigil.detect.condition;

import java.util.List;

/** The syntax tree of a Sigma condition. */
public sealed interface ConditionNode {

    /** A search identifier by name. */
    record Identifier(String name, int column) implements ConditionNode {}

    /** All of {@code parts}. */
    record And(List<ConditionNode> parts) implements ConditionNode {
        /** Copies the list. */
        public And {
            parts = List.copyOf(parts);
        }
    }

    /** Any of {@code parts}. */
    record Or(List<ConditionNode> parts) implements ConditionNode {
        /** Copies the list. */
        public Or {
            parts = List.copyOf(parts);
        }
    }

    /** The negation of {@code part}. */
    record Not(ConditionNode part) implements ConditionNode {}

    /**
     * {@code 1 of pattern} ({@code all == false}) or {@code all of pattern}; {@code pattern} is {@code them} or a name
     * in which {@code *} matches any run of characters.
     */
    record Quantified(boolean all, String pattern, int column) implements ConditionNode {
        /** Whether the pattern is {@code them}. */
        public boolean them() {
            return pattern.equals("them");
        }
    }
}
