package dev.vigil.detect.rule;

/**
 * One comparison of a correlation condition ({@code gte: 100}). A condition with several comparisons holds when all
 * hold.
 */
public record Comparison(Operator op, double value) {

    /** Correlation condition operators. */
    public enum Operator {
        GT,
        GTE,
        LT,
        LTE,
        EQ,
        NEQ
    }

    /** Whether {@code aggregate op value} holds. */
    public boolean test(double aggregate) {
        switch (op) {
            case GT:
                return aggregate > value;
            case GTE:
                return aggregate >= value;
            case LT:
                return aggregate < value;
            case LTE:
                return aggregate <= value;
            case EQ:
                return aggregate == value;
            default:
                return aggregate != value;
        }
    }
}
