package dev.vigil.detect.rule;

import dev.vigil.detect.event.FieldPath;
import dev.vigil.detect.event.LogSource;
import dev.vigil.detect.match.EventPredicate;
import java.util.List;

/**
 * A loaded detection rule: its metadata, the log source it applies to, and its compiled condition (meta filters that
 * apply to it are already folded in).
 *
 * @param info metadata
 * @param logSource which events the rule applies to
 * @param detection the compiled condition; true means the rule matches
 * @param fieldsUsed every field the detection reads, in rule order: key fields for output
 * @param origin where the rule was read
 */
public record SigmaRule(
        RuleInfo info, LogSource logSource, EventPredicate detection, List<FieldPath> fieldsUsed, RuleOrigin origin) {

    /** Copies the field list. */
    public SigmaRule {
        fieldsUsed = List.copyOf(fieldsUsed);
    }
}
