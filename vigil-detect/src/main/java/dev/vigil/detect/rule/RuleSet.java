package dev.vigil.detect.rule;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a load produced: the usable detection and correlation rules, the rejected documents with their reasons, and
 * how many were skipped on purpose (status {@code deprecated} or {@code unsupported}).
 */
public final class RuleSet {
    private final List<SigmaRule> detections;
    private final List<CorrelationRule> correlations;
    private final List<RuleProblem> problems;
    private final int skippedDeprecated;
    private final int skippedUnsupported;
    private final Map<String, SigmaRule> detectionByKey = new HashMap<>();
    private final Map<String, CorrelationRule> correlationByKey = new HashMap<>();

    /** A rule set; keys are {@link RuleInfo#key()} and must be unique (the loader guarantees it). */
    public RuleSet(
            List<SigmaRule> detections,
            List<CorrelationRule> correlations,
            List<RuleProblem> problems,
            int skippedDeprecated,
            int skippedUnsupported) {
        this.detections = List.copyOf(detections);
        this.correlations = List.copyOf(correlations);
        this.problems = List.copyOf(problems);
        this.skippedDeprecated = skippedDeprecated;
        this.skippedUnsupported = skippedUnsupported;
        for (SigmaRule r : this.detections) {
            detectionByKey.put(r.info().key(), r);
        }
        for (CorrelationRule r : this.correlations) {
            correlationByKey.put(r.info().key(), r);
        }
    }

    /** Detection rules, in load order. */
    public List<SigmaRule> detections() {
        return detections;
    }

    /** Correlation rules, in load order. */
    public List<CorrelationRule> correlations() {
        return correlations;
    }

    /** Rejected documents. */
    public List<RuleProblem> problems() {
        return problems;
    }

    /** Documents skipped because their status is {@code deprecated}. */
    public int skippedDeprecated() {
        return skippedDeprecated;
    }

    /** Documents skipped because their status is {@code unsupported}. */
    public int skippedUnsupported() {
        return skippedUnsupported;
    }

    /** The detection rule with this {@link RuleInfo#key() key}. */
    public Optional<SigmaRule> detection(String key) {
        return Optional.ofNullable(detectionByKey.get(key));
    }

    /** The correlation rule with this {@link RuleInfo#key() key}. */
    public Optional<CorrelationRule> correlation(String key) {
        return Optional.ofNullable(correlationByKey.get(key));
    }

    /** This set plus {@code other}'s rules and problems (keys must not collide; the loader checks). */
    public RuleSet plus(RuleSet other) {
        return new RuleSet(
                concat(detections, other.detections),
                concat(correlations, other.correlations),
                concat(problems, other.problems),
                skippedDeprecated + other.skippedDeprecated,
                skippedUnsupported + other.skippedUnsupported);
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> out = new java.util.ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}
