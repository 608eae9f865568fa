package dev.vigil.detect.correlation;

import dev.vigil.detect.engine.CorrelationMatch;
import dev.vigil.detect.engine.RuleMatch;
import dev.vigil.detect.event.JsonTreeEvent;
import dev.vigil.detect.event.LogSource;
import dev.vigil.detect.rule.Comparison;
import dev.vigil.detect.rule.CorrelationRule;
import dev.vigil.detect.rule.CorrelationType;
import dev.vigil.detect.rule.Level;
import dev.vigil.detect.rule.RuleInfo;
import dev.vigil.detect.rule.RuleOrigin;
import dev.vigil.detect.rule.RuleSet;
import dev.vigil.detect.rule.SigmaRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Rules, events and a feeding loop for correlation tests, built directly (no loader). */
final class Fixtures {
    static final long S = 1000;
    static final long M = 60 * S;

    private Fixtures() {}

    static RuleInfo info(String name) {
        return new RuleInfo(
                null,
                name,
                "title of " + name,
                Level.HIGH,
                null,
                "tester",
                null,
                List.of(),
                List.of(),
                List.of(),
                List.of());
    }

    static SigmaRule base(String name) {
        return new SigmaRule(info(name), LogSource.AWS_CLOUDTRAIL, e -> true, List.of(), new RuleOrigin("t.yml", 1));
    }

    static Comparison gte(double v) {
        return new Comparison(Comparison.Operator.GTE, v);
    }

    static Comparison op(Comparison.Operator op, double v) {
        return new Comparison(op, v);
    }

    /** A correlation builder with the defaults: no group-by, 10 minutes, gte 1, no value field, no aliases. */
    static Builder correlation(String name, CorrelationType type, String... rules) {
        return new Builder(name, type, List.of(rules));
    }

    static final class Builder {
        private final String name;
        private final CorrelationType type;
        private final List<String> rules;
        private List<String> groupBy = List.of();
        private long timespan = 10 * M;
        private List<Comparison> condition = List.of();
        private List<String> valueFields = List.of();
        private double percentile = Double.NaN;
        private Map<String, Map<String, String>> aliases = Map.of();
        private boolean generate;

        Builder(String name, CorrelationType type, List<String> rules) {
            this.name = name;
            this.type = type;
            this.rules = rules;
        }

        Builder groupBy(String... fields) {
            groupBy = List.of(fields);
            return this;
        }

        Builder timespan(long millis) {
            timespan = millis;
            return this;
        }

        Builder condition(Comparison... comparisons) {
            condition = List.of(comparisons);
            return this;
        }

        Builder field(String... fields) {
            valueFields = List.of(fields);
            return this;
        }

        Builder percentile(double p) {
            percentile = p;
            return this;
        }

        Builder aliases(Map<String, Map<String, String>> a) {
            aliases = a;
            return this;
        }

        Builder generate(boolean g) {
            generate = g;
            return this;
        }

        CorrelationRule build() {
            return new CorrelationRule(
                    info(name),
                    type,
                    rules,
                    groupBy,
                    timespan,
                    condition,
                    valueFields,
                    percentile,
                    aliases,
                    generate,
                    new RuleOrigin("c.yml", 1));
        }
    }

    static RuleSet ruleSet(List<SigmaRule> detections, CorrelationRule... correlations) {
        return new RuleSet(detections, List.of(correlations), List.of(), 0, 0);
    }

    /** Feeds base matches through observe and accept, numbering them, and collects the correlation matches. */
    static final class Feeder {
        final CorrelationEngine engine;
        final List<CorrelationMatch> fired = new ArrayList<>();
        private long sequence;

        Feeder(CorrelationEngine engine) {
            this.engine = engine;
        }

        Feeder(RuleSet rules) {
            this(new CorrelationEngine(rules, new InMemoryCorrelationStore()));
        }

        /** Feeds one event matched by {@code rule} at {@code time}; returns the matches it caused. */
        List<CorrelationMatch> feed(SigmaRule rule, long time, String json) {
            RuleMatch match = new RuleMatch(rule, JsonTreeEvent.parse(json, LogSource.AWS_CLOUDTRAIL), time);
            List<CorrelationMatch> now = new ArrayList<>();
            for (Observation o : engine.observe(match, sequence++)) {
                engine.accept(o, now::add);
            }
            fired.addAll(now);
            return now;
        }

        List<CorrelationMatch> feed(SigmaRule rule, long time) {
            return feed(rule, time, "{}");
        }
    }
}
