package dev.vigil.detect.engine;

import dev.vigil.detect.event.EventOrigin;
import dev.vigil.detect.rule.RuleInfo;

/** Something a rule found: a single-event {@link RuleMatch} or a {@link CorrelationMatch}. */
public sealed interface Match permits RuleMatch, CorrelationMatch {

    /** The matching rule's metadata (title, level, author…). */
    RuleInfo info();

    /** Event time in epoch milliseconds of the (last) event, or {@link dev.vigil.detect.event.EventTime#UNKNOWN}. */
    long timeMillis();

    /** Where the (last) event was read. */
    EventOrigin origin();
}
