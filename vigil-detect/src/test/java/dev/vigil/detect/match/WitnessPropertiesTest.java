package dev.vigil.detect.match;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.detect.event.Event;
import dev.vigil.detect.event.FieldPath;
import dev.vigil.detect.event.JsonTreeEvent;
import dev.vigil.detect.event.LogSource;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

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

    @Provide
    Arbitrary<String> keys() {
        return Arbitraries.of(KEYS);
    }

    @Provide
    Arbitrary<List<String>> ruleValues() {
        return Arbitraries.strings()
                .withChars("aAb-*?/")
                .ofMaxLength(5)
                .list()
                .ofMinSize(1)
                .ofMaxSize(3);
    }

    @Provide
    Arbitrary<String> events() {
        Arbitrary<String> scalar =
                Arbitraries.strings().withChars("aAb-/ ").ofMaxLength(6).map(s -> "\"" + s + "\"");
        Arbitrary<String> array = scalar.list().ofMaxSize(3).map(l -> "[" + String.join(",", l) + "]");
        Arbitrary<String> value = Arbitraries.oneOf(
                scalar, array, Arbitraries.just("null"), Arbitraries.just("1"), scalar.map(s -> "{\"x\":" + s + "}"));
        return Combinators.combine(value, Arbitraries.of(true, false))
                .as((v, present) -> present ? "{\"f\":" + v + "}" : "{\"g\":" + v + "}");
    }

    @Property(tries = 3000)
    void a_matching_event_keeps_the_witness(
            @ForAll("keys") String key, @ForAll("ruleValues") List<String> values, @ForAll("events") String json) {
        EventPredicate item;
        try {
            item = DetectionItems.field(
                    key, key.contains("all") ? values : (Object) values.get(0), MatchOptions.DEFAULTS);
        } catch (dev.vigil.detect.InvalidRuleException e) {
            Assume.that(false);
            return;
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

    @Property(tries = 200)
    void plain_values_do_promise_something(@ForAll("ruleValues") List<String> values) {
        Assume.that(values.stream().noneMatch(v -> v.startsWith("*") || v.startsWith("?")));
        assertThat(DetectionItems.field("f", values, MatchOptions.DEFAULTS)
                        .witness()
                        .isNone())
                .isFalse();
    }
}
