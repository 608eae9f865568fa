package dev.vigil.detect.match;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.vigil.detect.InvalidRuleException;
import dev.vigil.detect.event.Event;
import dev.vigil.detect.event.JsonTreeEvent;
import dev.vigil.detect.event.LogSource;
import dev.vigil.detect.event.Text;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Whatever key and value a rule holds, compiling either succeeds or throws {@link InvalidRuleException}; a compiled
 * item tests any event without throwing and reports a witness. Input: line 1 the key, line 2 the value ({@code s}
 * string, {@code n} number, {@code t}/{@code f} boolean, {@code 0} null, {@code L} a tab-separated list of such),
 * the rest the event JSON. Runs its seeds (in {@code DetectionItemsFuzzTestInputs/}) under plain {@code mvn test};
 * set {@code JAZZER_FUZZ=1} to fuzz.
 */
class DetectionItemsFuzzTest {

    private static final MatchOptions OPTIONS =
            new MatchOptions(Map.of("p", List.of("a*", "-x"), "q", List.of("\\%", "b?")), 256);

    private static final Event FALLBACK = JsonTreeEvent.parse(
            "{\"a\":\"-x y\",\"b\":[1,\"B\",null,{\"c\":true}],\"t\":\"2024-02-29T23:59:59Z\",\"ip\":\"::1\"}",
            LogSource.UNKNOWN);

    @FuzzTest(maxDuration = "60s")
    void compiles_or_rejects_and_never_throws_on_events(byte[] input) {
        String[] lines = new String(input, StandardCharsets.UTF_8).split("\n", 3);
        String key = lines[0];
        Object value = lines.length > 1 ? value(lines[1]) : null;
        EventPredicate item;
        try {
            item = DetectionItems.field(key, value, OPTIONS);
        } catch (InvalidRuleException e) {
            if (e.getMessage() == null || e.getMessage().isEmpty()) {
                throw new AssertionError("rejection without a message");
            }
            return;
        }
        Event event = FALLBACK;
        if (lines.length > 2) {
            try {
                event = JsonTreeEvent.parse(lines[2], LogSource.UNKNOWN);
            } catch (IllegalArgumentException notJson) {
                // keep the fallback event
            }
        }
        item.test(event);
        item.test(FALLBACK);
        Witness w = item.witness();
        if (!w.isNone() && item.test(event)) {
            boolean kept = event.anyValue(
                    w.field(),
                    v -> w.exact().contains(v.lowerText())
                            || w.prefixes().stream().anyMatch(p -> v.lowerText().startsWith(p)));
            if (!kept) {
                throw new AssertionError("witness " + w + " not kept by a matching event for " + key);
            }
        }
        item.toString();
    }

    private static Object value(String spec) {
        if (spec.startsWith("L")) {
            List<Object> list = new ArrayList<>();
            for (String part : spec.substring(1).split("\t", 64)) {
                list.add(scalar(part));
            }
            return list;
        }
        return scalar(spec);
    }

    private static Object scalar(String spec) {
        if (spec.isEmpty()) {
            return "";
        }
        String rest = spec.substring(1);
        switch (spec.charAt(0)) {
            case 'n':
                double d = Text.number(rest);
                if (Double.isNaN(d)) {
                    return rest.length();
                }
                return d == Math.rint(d) && Math.abs(d) < 1e18 ? (Object) (long) d : (Object) d;
            case 't':
                return true;
            case 'f':
                return false;
            case '0':
                return null;
            default:
                return rest;
        }
    }
}
