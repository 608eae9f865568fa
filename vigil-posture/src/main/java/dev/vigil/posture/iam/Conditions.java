package dev.vigil.posture.iam;

import dev.vigil.posture.source.MapNode;
import dev.vigil.posture.source.Node;
import dev.vigil.posture.source.SeqNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Decides what can be known about a statement's {@code Condition} block from the template alone. Time conditions
 * ({@code aws:CurrentTime}, {@code aws:EpochTime}, {@code aws:TokenIssueTime}) are evaluated against a clock: a
 * request can be made now or later, and a session token can be at most 36 hours old. Every other condition depends
 * on the request, so it is treated as one a caller can satisfy, and never as certainly true.
 */
public final class Conditions {
    /** The longest an STS session lasts, so the oldest token a caller can still use. */
    static final Duration MAX_TOKEN_AGE = Duration.ofHours(36);

    private final Instant now;

    /** Conditions evaluated at {@code now}. */
    public Conditions(Instant now) {
        this.now = now;
    }

    /** Conditions evaluated at the current time. */
    public static Conditions atNow() {
        return new Conditions(Instant.now());
    }

    /** True when some request could satisfy the condition block (null or empty: true). */
    public boolean satisfiable(Node condition) {
        for (Clause c : clauses(condition)) {
            if (c.timeKey() && !timeSatisfiable(c)) {
                return false;
            }
        }
        return true;
    }

    /** True when every request satisfies the condition block: no condition, or only time conditions always true. */
    public boolean alwaysTrue(Node condition) {
        for (Clause c : clauses(condition)) {
            if (!c.timeKey() || !timeAlwaysTrue(c)) {
                return false;
            }
        }
        return true;
    }

    /** One operator, key and its values. */
    private record Clause(String operator, String key, List<String> values, boolean ifExists) {
        boolean timeKey() {
            return key.equals("aws:currenttime") || key.equals("aws:epochtime") || key.equals("aws:tokenissuetime");
        }
    }

    private static List<Clause> clauses(Node condition) {
        List<Clause> out = new ArrayList<>();
        if (!(condition instanceof MapNode ops)) {
            return out;
        }
        for (MapNode.Entry op : ops.entries()) {
            String name = op.key();
            int colon = name.indexOf(':');
            if (colon >= 0) {
                name = name.substring(colon + 1);
            }
            boolean ifExists = name.endsWith("IfExists");
            if (ifExists) {
                name = name.substring(0, name.length() - "IfExists".length());
            }
            if (!(op.value() instanceof MapNode keys)) {
                continue;
            }
            for (MapNode.Entry k : keys.entries()) {
                List<String> values = new ArrayList<>();
                if (k.value() instanceof SeqNode s) {
                    for (Node n : s.items()) {
                        if (n.text() != null) {
                            values.add(n.text());
                        }
                    }
                } else if (k.value().text() != null) {
                    values.add(k.value().text());
                }
                out.add(new Clause(name, k.key().toLowerCase(Locale.ROOT), values, ifExists));
            }
        }
        return out;
    }

    /** The earliest time the key can have in a request made from now on. */
    private Instant earliest(Clause c) {
        return c.key().equals("aws:tokenissuetime") ? now.minus(MAX_TOKEN_AGE) : now;
    }

    private boolean timeSatisfiable(Clause c) {
        Comparison cmp = comparison(c.operator());
        if (cmp == null || c.ifExists()) {
            return true;
        }
        Instant lo = earliest(c);
        boolean parsedAny = false;
        for (String v : c.values()) {
            Instant t = parseTime(v);
            if (t == null) {
                return true;
            }
            parsedAny = true;
            boolean ok = switch (cmp) {
                case LESS -> lo.isBefore(t);
                case LESS_EQUAL -> !lo.isAfter(t);
                case GREATER, GREATER_EQUAL, NOT_EQUAL -> true;
                case EQUAL -> !t.isBefore(lo);
            };
            if (ok) {
                return true;
            }
        }
        return !parsedAny;
    }

    private boolean timeAlwaysTrue(Clause c) {
        Comparison cmp = comparison(c.operator());
        if (cmp == null || c.values().isEmpty()) {
            return false;
        }
        Instant lo = earliest(c);
        for (String v : c.values()) {
            Instant t = parseTime(v);
            if (t == null) {
                return false;
            }
            boolean always = switch (cmp) {
                case GREATER -> lo.isAfter(t);
                case GREATER_EQUAL -> !lo.isBefore(t);
                case NOT_EQUAL -> t.isBefore(lo);
                default -> false;
            };
            if (always) {
                return true;
            }
        }
        return false;
    }

    private enum Comparison {
        LESS,
        LESS_EQUAL,
        GREATER,
        GREATER_EQUAL,
        EQUAL,
        NOT_EQUAL
    }

    private static Comparison comparison(String operator) {
        return switch (operator) {
            case "DateLessThan", "NumericLessThan" -> Comparison.LESS;
            case "DateLessThanEquals", "NumericLessThanEquals" -> Comparison.LESS_EQUAL;
            case "DateGreaterThan", "NumericGreaterThan" -> Comparison.GREATER;
            case "DateGreaterThanEquals", "NumericGreaterThanEquals" -> Comparison.GREATER_EQUAL;
            case "DateEquals", "NumericEquals" -> Comparison.EQUAL;
            case "DateNotEquals", "NumericNotEquals" -> Comparison.NOT_EQUAL;
            default -> null;
        };
    }

    /** An ISO-8601 date/time, a plain date, or epoch seconds; null when none of those. */
    static Instant parseTime(String text) {
        String t = text.trim();
        if (t.isEmpty()) {
            return null;
        }
        if (t.chars().allMatch(Character::isDigit) && t.length() <= 12) {
            return Instant.ofEpochSecond(Long.parseLong(t));
        }
        try {
            return Instant.parse(t);
        } catch (DateTimeParseException e) {
            // try the other ISO forms
        }
        try {
            return OffsetDateTime.parse(t).toInstant();
        } catch (DateTimeParseException e) {
            // try a plain date
        }
        try {
            return LocalDate.parse(t).atStartOfDay().toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
