package dev.vigil.detect.condition;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.detect.match.EventPredicate;
import dev.vigil.detect.match.Predicates;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Random boolean expressions, written with as few parentheses as Sigma's precedence allows, evaluate like the same
 * expression in Java: checks precedence and associativity over many shapes (seeded, so failures reproduce).
 */
class ConditionRandomTest {
    private static final List<String> NAMES = List.of("a", "b", "c", "d");

    /** An expression tree; {@code op} is "id", "not", "and" or "or". */
    private record Expr(String op, String name, Expr left, Expr right) {
        boolean eval(Map<String, Boolean> truth) {
            return switch (op) {
                case "id" -> truth.get(name);
                case "not" -> !left.eval(truth);
                case "and" -> left.eval(truth) && right.eval(truth);
                default -> left.eval(truth) || right.eval(truth);
            };
        }

        int precedence() {
            return switch (op) {
                case "or" -> 1;
                case "and" -> 2;
                case "not" -> 3;
                default -> 4;
            };
        }

        /** Sigma text with parentheses only where precedence needs them (and/or are associative). */
        String render() {
            return switch (op) {
                case "id" -> name;
                case "not" -> "not " + wrap(left, 3);
                default -> wrap(left, precedence()) + " " + op + " " + wrap(right, precedence());
            };
        }

        private static String wrap(Expr e, int needed) {
            return e.precedence() < needed ? "(" + e.render() + ")" : e.render();
        }
    }

    private static Expr random(Random r, int depth) {
        int pick = depth == 0 ? 0 : r.nextInt(4);
        return switch (pick) {
            case 0 -> new Expr("id", NAMES.get(r.nextInt(NAMES.size())), null, null);
            case 1 -> new Expr("not", null, random(r, depth - 1), null);
            case 2 -> new Expr("and", null, random(r, depth - 1), random(r, depth - 1));
            default -> new Expr("or", null, random(r, depth - 1), random(r, depth - 1));
        };
    }

    @Test
    void minimal_parentheses_keep_the_meaning() {
        Random r = new Random(20261123);
        for (int i = 0; i < 1_000; i++) {
            Expr e = random(r, 1 + r.nextInt(5));
            String text = e.render();
            for (int mask = 0; mask < 16; mask++) {
                Map<String, Boolean> truth = new LinkedHashMap<>();
                Map<String, EventPredicate> ids = new LinkedHashMap<>();
                for (int k = 0; k < NAMES.size(); k++) {
                    boolean v = (mask & (1 << k)) != 0;
                    truth.put(NAMES.get(k), v);
                    ids.put(NAMES.get(k), v ? Predicates.TRUE : Predicates.FALSE);
                }
                boolean actual =
                        new ConditionCompiler(ids).compile(List.of(text)).test(null);
                assertThat(actual).as("%s with %s", text, truth).isEqualTo(e.eval(truth));
            }
        }
    }
}
