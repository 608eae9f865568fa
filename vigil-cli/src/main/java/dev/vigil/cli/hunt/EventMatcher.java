package dev.vigil.cli.hunt;

import dev.vigil.detect.engine.RuleMatch;
import dev.vigil.detect.event.Event;
import java.util.function.Consumer;

/** Matches one event against the detection rules: {@code SigmaEngine::match}. Safe to call from many threads. */
@FunctionalInterface
public interface EventMatcher {

    /** Passes every matching rule to {@code out}. */
    void match(Event event, Consumer<RuleMatch> out);
}
