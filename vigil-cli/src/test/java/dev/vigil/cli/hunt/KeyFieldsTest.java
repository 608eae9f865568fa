package dev.vigil.cli.hunt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.detect.engine.RuleMatch;
import dev.vigil.detect.event.EventOrigin;
import dev.vigil.detect.event.FieldPath;
import dev.vigil.detect.event.LogSource;
import dev.vigil.detect.rule.Level;
import dev.vigil.detect.rule.RuleOrigin;
import dev.vigil.detect.rule.SigmaRule;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeyFieldsTest {

    @Test
    void rule_fields_list_wins_and_missing_fields_are_left_out() {
        SigmaRule rule = new SigmaRule(
                Fixtures.info("r", "t", Level.LOW, "a", "userIdentity.arn", "requestParameters.bucketName"),
                LogSource.AWS_CLOUDTRAIL,
                e -> true,
                List.of(FieldPath.of("eventName")),
                new RuleOrigin("r.yml", 1));
        RuleMatch m = Fixtures.match(rule, Fixtures.cloudTrail("X", null, "arn:1"), 0, EventOrigin.NONE);
        assertThat(KeyFields.of(m)).containsExactly(java.util.Map.entry("userIdentity.arn", "arn:1"));
    }

    @Test
    void otherwise_the_detection_fields_then_who_did_what_where_for_cloudtrail() {
        SigmaRule rule = new SigmaRule(
                Fixtures.info("r", "t", Level.LOW, "a"),
                LogSource.AWS_CLOUDTRAIL,
                e -> true,
                List.of(FieldPath.of("awsRegion"), FieldPath.of("eventName")),
                new RuleOrigin("r.yml", 1));
        RuleMatch m = Fixtures.match(rule, Fixtures.cloudTrail("X", null, "arn:1"), 0, EventOrigin.NONE);
        assertThat(KeyFields.of(m).keySet())
                .containsExactly("awsRegion", "eventName", "eventSource", "userIdentity.arn", "sourceIPAddress");
    }

    @Test
    void long_values_are_cut() {
        SigmaRule rule = new SigmaRule(
                Fixtures.info("r", "t", Level.LOW, "a", "userIdentity.arn"),
                LogSource.AWS_CLOUDTRAIL,
                e -> true,
                List.of(),
                new RuleOrigin("r.yml", 1));
        String arn = "a".repeat(5000);
        RuleMatch m = Fixtures.match(rule, Fixtures.cloudTrail("X", null, arn), 0, EventOrigin.NONE);
        assertThat(KeyFields.of(m).get("userIdentity.arn")).hasSize(KeyFields.MAX_VALUE_CHARS + 1);
    }
}
