package dev.vigil.cli.hunt;

import dev.vigil.detect.correlation.CorrelationCounters;
import dev.vigil.detect.correlation.CorrelationEngine;
import dev.vigil.detect.correlation.Observation;
import dev.vigil.detect.engine.CorrelationMatch;
import dev.vigil.detect.engine.RuleMatch;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * What the hunt pipeline needs from correlations: {@link CorrelationEngine}'s operations, behind an interface so the
 * pipeline can run (and be tested) with none.
 *
 * <p>{@link #observe} and the two queries are called from worker threads; {@link #accept} from one thread only.
 */
public interface Correlator {

    /** No correlations: every rule raises its own alerts and nothing is observed. */
    Correlator NONE = new Correlator() {
        @Override
        public boolean generatesAlerts(String ruleKey) {
            return true;
        }

        @Override
        public boolean isReferenced(String ruleKey) {
            return false;
        }

        @Override
        public List<Observation> observe(RuleMatch match, long sequence) {
            return List.of();
        }

        @Override
        public void accept(Observation observation, Consumer<CorrelationMatch> out) {}
    };

    /** See {@link CorrelationEngine#generatesAlerts}. */
    boolean generatesAlerts(String ruleKey);

    /** See {@link CorrelationEngine#isReferenced}. */
    boolean isReferenced(String ruleKey);

    /** See {@link CorrelationEngine#observe}. */
    List<Observation> observe(RuleMatch match, long sequence);

    /** See {@link CorrelationEngine#accept}. */
    void accept(Observation observation, Consumer<CorrelationMatch> out);

    /**
     * Why observations were left out or state was cut, for a warning after the run; empty when nothing was (or there
     * are no correlations).
     */
    default List<String> shortfalls() {
        return List.of();
    }

    /** {@code engine} as a correlator. */
    static Correlator of(CorrelationEngine engine) {
        return new Correlator() {
            @Override
            public boolean generatesAlerts(String ruleKey) {
                return engine.generatesAlerts(ruleKey);
            }

            @Override
            public boolean isReferenced(String ruleKey) {
                return engine.isReferenced(ruleKey);
            }

            @Override
            public List<Observation> observe(RuleMatch match, long sequence) {
                return engine.observe(match, sequence);
            }

            @Override
            public void accept(Observation observation, Consumer<CorrelationMatch> out) {
                engine.accept(observation, out);
            }

            @Override
            public List<String> shortfalls() {
                CorrelationCounters c = engine.counters();
                List<String> out = new ArrayList<>();
                note(out, c.droppedNoTime(), "matches without an event time were not counted");
                note(out, c.droppedLate(), "matches older than their window were not counted");
                note(out, c.evictedGroups(), "groups were evicted because a correlation held too many");
                note(out, c.trimmedObservations(), "window entries were dropped because a group held too many");
                note(out, c.droppedChainDepth(), "matches were not fed on because correlations chain too deep");
                return out;
            }
        };
    }

    private static void note(List<String> out, long count, String what) {
        if (count > 0) {
            out.add(String.format("%,d %s", count, what));
        }
    }
}
