package dev.vigil.detect.engine;

import dev.vigil.detect.event.Event;
import dev.vigil.detect.event.EventOrigin;
import dev.vigil.detect.rule.RuleInfo;
import dev.vigil.detect.rule.SigmaRule;

/** A detection rule that matched one event. */
public record RuleMatch(SigmaRule rule, Event event, long timeMillis) implements Match {

    @Override
    public RuleInfo info() {
        return rule.info();
    }

    @Override
    public EventOrigin origin() {
        return event.origin();
    }
}
