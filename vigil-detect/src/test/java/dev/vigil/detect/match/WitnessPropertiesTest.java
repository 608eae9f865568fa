package dev.vigil.detect.match;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.detect.Randomized;
import dev.vigil.detect.event.Event;
import dev.vigil.detect.event.FieldPath;
import dev.vigil.detect.event.JsonTreeEvent;
import dev.vigil.detect.event.LogSource;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A wrong witness silently drops matches in the rule index: whenever an item matches an event, the event must have a
 * value at the witness field whose lower-case text is one of the exact values or starts with one of the prefixes.
 */
class WitnessPropertiesTest {

    private static final List<String> KEYS = List.of(
            "f",
            "f|cased",
            "f|startswith",
            "f|startswith|cased",
            "f|contains",
            "f|endswith",
            "f|all",
            "f|startswith|all",
            "f|windash",
            "f|base64",
            "f|base64offset",
            "f|wide|base64",
            "f|windash|startswith");

    static List<String> ruleValues(Random r) {
        return Randomized.list(r, 1, 3, v -> Randomized.string(v, "aAb-*?/", 5));
    }

    static String scalar(Random r) {
        return "\"" + Randomized.string(r, "aAb-/ ", 6) + "\"";
    }

    /** A JSON object with a scalar, array, null, number or object value under "f" or (half the time) "g". */
    static String event(Random r) {
        String value = switch (r.nextInt(5)) {
            case 0 -> scalar(r);
            case 1 -> "[" + String.join(",", Randomized.list(r, 0, 3, WitnessPropertiesTest::scalar)) + "]";
            case 2 -> "null";
            case 3 -> "1";
            default -> "{\"x\":" + scalar(r) + "}";
        };
        return r.nextBoolean() ? "{\"f\":" + value + "}" : "{\"g\":" + value + "}";
    }

    record Case(String key, List<String> values, String json) {}

    @Test
    void a_matching_event_keeps_the_witness() {
        Randomized.check(
                3000,
                r -> new Case(Randomized.pick(r, KEYS), ruleValues(r), event(r)),
                in -> keepsTheWitness(in.key(), in.values(), in.json()));
    }

    private static void keepsTheWitness(String key, List<String> values, String json) {
        EventPredicate item;
        try {
            item = DetectionItems.field(
                    key, key.contains("all") ? values : (Object) values.get(0), MatchOptions.DEFAULTS);
        } catch (dev.vigil.detect.InvalidRuleException e) {
            return; // not a valid rule: nothing to check
        }
        Event event = JsonTreeEvent.parse(json, LogSource.UNKNOWN);
        Witness w = item.witness();
        if (w.isNone() || !item.test(event)) {
            return;
        }
        assertThat(w.field()).isEqualTo(FieldPath.of("f"));
        boolean kept = event.anyValue(
                w.field(),
                v -> w.exact().contains(v.lowerText())
                        || w.prefixes().stream().anyMatch(p -> v.lowerText().startsWith(p)));
        assertThat(kept).as("%s: %s on %s, witness %s", key, values, json, w).isTrue();
    }

    @Test
    void plain_values_do_promise_something() {
        Randomized.check(200, WitnessPropertiesTest::ruleValues, values -> {
            if (values.stream().anyMatch(v -> v.startsWith("*") || v.startsWith("?"))) {
                return; // a leading wildcard promises nothing
            }
            assertThat(DetectionItems.field("f", values, MatchOptions.DEFAULTS)
                            .witness()
                            .isNone())
                    .isFalse();
        });
    }
}
