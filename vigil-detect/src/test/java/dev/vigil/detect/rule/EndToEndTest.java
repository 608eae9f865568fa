package dev.vigil.detect.rule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.detect.event.FieldPath;
import dev.vigil.detect.event.JsonTreeEvent;
import dev.vigil.detect.event.LogSource;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Loaded rules evaluated on events: plain equality and keyword items only, so these results hold for any
 * implementation of {@code DetectionItems} that follows docs/sigma.md.
 */
class EndToEndTest {
    private static RuleSet set;

    @BeforeAll
    static void load() throws IOException {
        set = RuleLoader.create().load(List.of(Path.of("src/test/resources/rules/e2e/cloudtrail.yml")));
    }

    private static boolean matches(String key, String json) {
        SigmaRule rule = set.detection(key).orElseThrow();
        return rule.detection().test(JsonTreeEvent.parse(json, LogSource.AWS_CLOUDTRAIL));
    }

    @Test
    void every_rule_loads_with_its_metadata() {
        assertThat(set.problems()).isEmpty();
        assertThat(set.detections()).extracting(r -> r.info().key()).containsExactly("e-1", "e-2", "e-3", "e-4", "e-5");
        SigmaRule first = set.detections().get(0);
        assertThat(first.logSource()).isEqualTo(LogSource.AWS_CLOUDTRAIL);
        assertThat(first.info().level()).isEqualTo(Level.MEDIUM);
        assertThat(set.detections().get(1).origin().line()).isEqualTo(16);
    }

    @Test
    void selection_and_not_one_of_filters() {
        String login = "{\"eventName\":\"ConsoleLogin\",\"additionalEventData\":{\"MFAUsed\":\"No\"}";
        assertThat(matches("e-1", login + "}")).isTrue();
        assertThat(matches("e-1", login + ",\"errorCode\":\"AccessDenied\"}")).isFalse();
        assertThat(matches("e-1", login + ",\"userIdentity\":{\"type\":\"AWSService\"}}"))
                .isFalse();
        assertThat(matches("e-1", "{\"eventName\":\"ConsoleLogin\",\"additionalEventData\":{\"MFAUsed\":\"Yes\"}}"))
                .isFalse();
    }

    @Test
    void a_list_of_maps_is_or_of_ands() {
        assertThat(matches("e-2", "{\"eventName\":\"StopLogging\"}")).isTrue();
        assertThat(matches("e-2", "{\"eventName\":\"DeleteTrail\",\"eventSource\":\"cloudtrail.amazonaws.com\"}"))
                .isTrue();
        assertThat(matches("e-2", "{\"eventName\":\"DeleteTrail\",\"eventSource\":\"other\"}"))
                .isFalse();
    }

    @Test
    void keywords_search_every_value() {
        assertThat(matches("e-3", "{\"a\":{\"b\":[\"ran MIMIKATZ.exe\"]}}")).isTrue();
        assertThat(matches("e-3", "{\"EventID\":4624}")).isTrue();
        assertThat(matches("e-3", "{\"a\":\"nothing here\"}")).isFalse();
    }

    @Test
    void null_means_missing_or_json_null() {
        assertThat(matches("e-4", "{\"eventName\":\"DeleteDetector\"}")).isTrue();
        assertThat(matches("e-4", "{\"eventName\":\"DeleteDetector\",\"errorCode\":null}"))
                .isTrue();
        assertThat(matches("e-4", "{\"eventName\":\"DeleteDetector\",\"errorCode\":\"AccessDenied\"}"))
                .isFalse();
    }

    @Test
    void numbers_and_quoted_numbers() {
        assertThat(matches("e-5", "{\"EventID\":4624,\"LogonType\":\"3\"}")).isTrue();
        assertThat(matches("e-5", "{\"EventID\":4625,\"LogonType\":\"3\"}")).isFalse();
    }

    @Test
    void fields_used_are_the_fields_the_condition_reads_in_rule_order() {
        assertThat(set.detection("e-1").orElseThrow().fieldsUsed())
                .containsExactly(
                        FieldPath.of("eventName"),
                        FieldPath.of("additionalEventData.MFAUsed"),
                        FieldPath.of("userIdentity.type"),
                        FieldPath.of("errorCode"));
        assertThat(set.detection("e-2").orElseThrow().fieldsUsed())
                .containsExactly(FieldPath.of("eventName"), FieldPath.of("eventSource"));
        assertThat(set.detection("e-3").orElseThrow().fieldsUsed()).isEmpty();
    }

    @Test
    void fields_used_skip_unused_identifiers_and_modifiers() {
        RuleSet s = Loads.texts("title: t\nlogsource: {product: aws}\ndetection:\n"
                + "  sel: {eventSource: x, eventName|startswith: y}\n  unused: {other: z}\n"
                + "  filter: {eventSource: w, userName: q}\n  condition: sel and not filter\n");
        assertThat(s.problems()).isEmpty();
        assertThat(s.detections().get(0).fieldsUsed())
                .containsExactly(FieldPath.of("eventSource"), FieldPath.of("eventName"), FieldPath.of("userName"));
    }

    @Test
    void a_key_without_a_field_is_a_keyword_search_and_reads_no_field() {
        RuleSet s = Loads.texts("title: t\nlogsource: {product: aws}\ndetection:\n"
                + "  words:\n    '|all': [mimikatz, lsass]\n  condition: words\n");
        assertThat(s.problems()).isEmpty();
        SigmaRule rule = s.detections().get(0);
        assertThat(rule.fieldsUsed()).isEmpty();
        assertThat(rule.detection()
                        .test(JsonTreeEvent.parse("{\"a\":\"mimikatz\",\"b\":[\"lsass\"]}", LogSource.AWS_CLOUDTRAIL)))
                .isTrue();
        assertThat(rule.detection().test(JsonTreeEvent.parse("{\"a\":\"mimikatz\"}", LogSource.AWS_CLOUDTRAIL)))
                .isFalse();
    }

    @Test
    void match_options_reach_the_detection_items() {
        String rule = "title: t\nlogsource: {product: aws}\ndetection:\n  sel:\n    userName|expand: '%admins%'\n"
                + "  condition: sel\n";
        RuleSet without = Loads.texts(rule);
        assertThat(without.problems()).hasSize(1);
        assertThat(without.problems().get(0).line()).isEqualTo(5);
        assertThat(without.problems().get(0).reason()).contains("placeholder %admins%");
        RuleSet with = RuleLoader.create(new dev.vigil.detect.match.MatchOptions(
                        java.util.Map.of("admins", List.of("root", "alice")), 4096))
                .loadSources(List.of(new RuleSource("a.yml", rule)));
        assertThat(with.problems()).isEmpty();
        assertThat(with.detections()
                        .get(0)
                        .detection()
                        .test(JsonTreeEvent.parse("{\"userName\":\"alice\"}", LogSource.AWS_CLOUDTRAIL)))
                .isTrue();
    }
}
