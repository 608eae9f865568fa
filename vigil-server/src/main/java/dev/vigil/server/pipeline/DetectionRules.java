package dev.vigil.server.pipeline;

import dev.vigil.detect.correlation.CorrelationEngine;
import dev.vigil.detect.correlation.InMemoryCorrelationStore;
import dev.vigil.detect.correlation.Observation;
import dev.vigil.detect.engine.CorrelationMatch;
import dev.vigil.detect.engine.Match;
import dev.vigil.detect.engine.RuleMatch;
import dev.vigil.detect.engine.SigmaEngine;
import dev.vigil.detect.event.Event;
import dev.vigil.detect.pack.BuiltInRules;
import dev.vigil.detect.rule.RuleInfo;
import dev.vigil.detect.rule.RuleLoader;
import dev.vigil.detect.rule.RuleSet;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The compiled rules the pipeline runs: the built-in pack plus SigmaHQ-compatible rule files and directories, the
 * Sigma engine over them, and (when any rule is a correlation) a correlation engine with in-memory state. Rules in
 * the disabled set raise nothing and feed no correlation. Not thread-safe: used by the pipeline thread only.
 *
 * <p>Correlation state lives in memory: a restart starts every correlation window empty.
 */
public final class DetectionRules {
    private final RuleSet rules;
    private final SigmaEngine engine;
    private final CorrelationEngine correlations;
    private volatile Set<String> disabled = Set.of();

    private DetectionRules(RuleSet rules) {
        this.rules = rules;
        this.engine = SigmaEngine.create(rules);
        this.correlations =
                rules.correlations().isEmpty() ? null : new CorrelationEngine(rules, new InMemoryCorrelationStore());
    }

    /** The built-in pack only. */
    public static DetectionRules builtIn() {
        return new DetectionRules(BuiltInRules.load(RuleLoader.create()));
    }

    /**
     * The built-in pack plus the rules in {@code paths} (files or directories).
     *
     * @throws IOException a path cannot be read
     */
    public static DetectionRules load(List<Path> paths) throws IOException {
        return new DetectionRules(RuleLoader.create().load(paths, BuiltInRules.sources()));
    }

    /** Rules already loaded. */
    public static DetectionRules of(RuleSet rules) {
        return new DetectionRules(rules);
    }

    /** The rule set. */
    public RuleSet ruleSet() {
        return rules;
    }

    /** Replaces the set of disabled rule ids (or names/titles, as {@link RuleInfo#key()} gives them). */
    public void disable(Set<String> ruleIds) {
        disabled = Set.copyOf(ruleIds);
    }

    /** Whether the rule raises alerts: it is not disabled by its id or key. */
    public boolean isEnabled(RuleInfo info) {
        Set<String> off = disabled;
        return !(off.contains(info.key()) || (info.id() != null && off.contains(info.id())));
    }

    /**
     * Every alert-raising match of {@code event}: enabled rule matches whose rule generates alerts, and the
     * correlations they complete. {@code sequence} orders observations (the log offset).
     */
    public List<Match> match(Event event, long sequence) {
        List<Match> out = new ArrayList<>(2);
        engine.match(event, m -> accept(m, sequence, out));
        return out;
    }

    private void accept(RuleMatch match, long sequence, List<Match> out) {
        RuleInfo info = match.info();
        if (!isEnabled(info)) {
            return;
        }
        if (correlations == null) {
            out.add(match);
            return;
        }
        String key = info.key();
        if (correlations.generatesAlerts(key)) {
            out.add(match);
        }
        if (correlations.isReferenced(key)) {
            for (Observation observation : correlations.observe(match, sequence)) {
                correlations.accept(observation, c -> acceptCorrelation(c, out));
            }
        }
    }

    private void acceptCorrelation(CorrelationMatch match, List<Match> out) {
        if (isEnabled(match.info())) {
            out.add(match);
        }
    }

    /** The event's time by the engine's time fields, or {@link dev.vigil.detect.event.EventTime#UNKNOWN}. */
    public long timeOf(Event event) {
        return engine.timeOf(event);
    }
}
