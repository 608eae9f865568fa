package dev.vigil.cli.hunt;

import dev.vigil.detect.engine.RuleMatch;
import dev.vigil.detect.event.EventOrigin;
import dev.vigil.detect.rule.RuleInfo;
import java.util.Map;

/**
 * One single-event match as reported: the rule, when and where, and the event's key fields. Extracted on the worker
 * so the event itself can be dropped before output.
 *
 * @param info the rule's metadata
 * @param timeMillis event time, or {@link dev.vigil.detect.event.EventTime#UNKNOWN}
 * @param origin where the event was read
 * @param fields key fields (name → text), in rule order
 */
public record Hit(RuleInfo info, long timeMillis, EventOrigin origin, Map<String, String> fields) {

    /** The hit for {@code match}, with its key fields. */
    public static Hit of(RuleMatch match) {
        return new Hit(match.info(), match.timeMillis(), match.origin(), KeyFields.of(match));
    }
}
