package dev.vigil.detect.rule;

import dev.vigil.detect.event.FieldPath;
import dev.vigil.detect.event.LogSource;
import dev.vigil.detect.match.EventPredicate;
import java.util.List;
import java.util.Map;

/** What one document parses into before references across the whole load are resolved. */
final class Drafts {
    private Drafts() {}

    /** A parsed document. */
    sealed interface Draft permits Detection, Correlation, Filter, Skipped {}

    /** A detection rule. */
    record Detection(
            RuleInfo info, LogSource logSource, EventPredicate predicate, List<FieldPath> fieldsUsed, RuleOrigin origin)
            implements Draft {}

    /**
     * A correlation whose rule references are still as written.
     *
     * @param aliases alias → (rule reference as written → field)
     * @param condition null when the document sets none
     */
    record Correlation(
            RuleInfo info,
            CorrelationType type,
            List<String> rules,
            int rulesLine,
            List<String> groupBy,
            long timespanMillis,
            List<Comparison> condition,
            List<String> valueFields,
            double percentile,
            Map<String, Map<String, String>> aliases,
            int aliasesLine,
            boolean generate,
            RuleOrigin origin)
            implements Draft {}

    /** A meta filter; {@code any} means it names every rule. */
    record Filter(
            RuleInfo info,
            LogSource logSource,
            List<String> rules,
            boolean any,
            EventPredicate predicate,
            List<FieldPath> fieldsUsed,
            RuleOrigin origin)
            implements Draft {}

    /** A document skipped on purpose because of its status. */
    record Skipped(String status, RuleOrigin origin) implements Draft {}
}
