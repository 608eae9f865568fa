package dev.vigil.cli.hunt;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.detect.correlation.Observation;
import dev.vigil.detect.engine.CorrelationMatch;
import dev.vigil.detect.engine.RuleMatch;
import dev.vigil.detect.event.Event;
import dev.vigil.detect.event.EventOrigin;
import dev.vigil.detect.event.FieldPath;
import dev.vigil.detect.event.JsonTreeEvent;
import dev.vigil.detect.event.LogSource;
import dev.vigil.detect.input.RawRecord;
import dev.vigil.detect.rule.Comparison;
import dev.vigil.detect.rule.CorrelationRule;
import dev.vigil.detect.rule.CorrelationType;
import dev.vigil.detect.rule.Level;
import dev.vigil.detect.rule.RuleInfo;
import dev.vigil.detect.rule.RuleOrigin;
import dev.vigil.detect.rule.SigmaRule;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** Hand-made rules, records and a counting correlator, so the hunt can be tested without the rule loader. */
final class Fixtures {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private Fixtures() {}

    static RuleInfo info(String id, String title, Level level, String author, String... fields) {
        return new RuleInfo(
                id,
                null,
                title,
                level,
                "test",
                author,
                null,
                List.of("attack.t1078"),
                List.of(),
                List.of(),
                Arrays.asList(fields));
    }

    /** A CloudTrail rule matching one eventName, reading eventName. */
    static SigmaRule onEvent(String id, String title, Level level, String eventName) {
        return new SigmaRule(
                info(id, title, level, "Ann Author"),
                LogSource.AWS_CLOUDTRAIL,
                e -> e.anyValue(FieldPath.of("eventName"), v -> v.text().equals(eventName)),
                List.of(FieldPath.of("eventName")),
                new RuleOrigin("rules/" + id + ".yml", 1));
    }

    static String cloudTrail(String eventName, String time, String arn) {
        Map<String, Object> r = new java.util.LinkedHashMap<>();
        r.put("eventVersion", "1.08");
        r.put("eventName", eventName);
        r.put("eventSource", "iam.amazonaws.com");
        if (time != null) {
            r.put("eventTime", time);
        }
        r.put("userIdentity", Map.of("arn", arn));
        r.put("sourceIPAddress", "198.51.100.7");
        r.put("awsRegion", "us-east-1");
        try {
            return MAPPER.writeValueAsString(r);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Records of {@code lines}, file {@code t.jsonl}, line i+1. */
    static RecordSource lines(List<String> lines) {
        return sink -> {
            for (int i = 0; i < lines.size(); i++) {
                byte[] b = lines.get(i).getBytes(StandardCharsets.UTF_8);
                sink.record(new RawRecord(b, 0, b.length, new EventOrigin("t.jsonl", i + 1, -1), LogSource.UNKNOWN));
            }
        };
    }

    /** Parses with the reference tree event, always CloudTrail. */
    static final RecordParser PARSER = r -> {
        try {
            return new JsonTreeEvent(
                    MAPPER.readTree(r.bytes(), r.offset(), r.length()), LogSource.AWS_CLOUDTRAIL, r.origin());
        } catch (IOException e) {
            throw new RecordParser.UnreadableRecordException("not JSON");
        }
    };

    static RuleMatch match(SigmaRule rule, String json, long time, EventOrigin origin) {
        try {
            Event e = new JsonTreeEvent(MAPPER.readTree(json), LogSource.AWS_CLOUDTRAIL, origin);
            return new RuleMatch(rule, e, time);
        } catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
    }

    static CorrelationRule correlation(String id, Level level, List<String> rules, boolean generate) {
        return new CorrelationRule(
                info(id, "Burst of " + rules, level, "Cora Relator"),
                CorrelationType.EVENT_COUNT,
                rules,
                List.of("userIdentity.arn"),
                3_600_000,
                List.of(new Comparison(Comparison.Operator.GTE, 2)),
                List.of(),
                Double.NaN,
                Map.of(),
                generate,
                new RuleOrigin("rules/" + id + ".yml", 1));
    }

    /**
     * A stand-in for the correlation engine: observes matches of {@code base}, fires {@code rule} for a group on
     * every second observation it is fed, and remembers the order it was fed.
     */
    static class CountingCorrelator implements Correlator {
        final CorrelationRule rule;
        final String base;
        final boolean generate;
        final List<Observation> fed = new ArrayList<>();
        final Map<String, Integer> counts = new HashMap<>();

        CountingCorrelator(CorrelationRule rule, String base) {
            this.rule = rule;
            this.base = base;
            this.generate = rule.generate();
        }

        @Override
        public boolean generatesAlerts(String ruleKey) {
            return !ruleKey.equals(base) || generate;
        }

        @Override
        public boolean isReferenced(String ruleKey) {
            return ruleKey.equals(base);
        }

        @Override
        public List<Observation> observe(RuleMatch match, long sequence) {
            String arn = match.event().text(FieldPath.of("userIdentity.arn"));
            return List.of(new Observation(
                    rule.info().key(),
                    match.info().key(),
                    java.util.Collections.singletonList(arn),
                    null,
                    Double.NaN,
                    match.timeMillis(),
                    match.origin(),
                    sequence));
        }

        @Override
        public void accept(Observation o, Consumer<CorrelationMatch> out) {
            fed.add(o);
            String group = o.group().get(0);
            int n = counts.merge(group, 1, Integer::sum);
            if (n == 2) {
                counts.remove(group);
                out.accept(new CorrelationMatch(
                        rule,
                        Map.of("userIdentity.arn", group),
                        2,
                        o.timeMillis() - 1000,
                        o.timeMillis(),
                        o.origin(),
                        2));
            }
        }
    }
}
