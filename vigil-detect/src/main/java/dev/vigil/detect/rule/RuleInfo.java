package dev.vigil.detect.rule;

import java.util.List;

/**
 * The descriptive fields every Sigma document (detection rule, correlation, filter) may carry.
 *
 * @param id the rule's {@code id} (usually a UUID; {@code VGL-…} for Vigil's own), or null
 * @param name the rule's {@code name}, a unique handle other rules refer to, or null
 * @param title the title (required)
 * @param level the level; {@link Level#MEDIUM} when the rule sets none
 * @param status {@code stable}, {@code test}, {@code experimental}, … or null
 * @param author the author as written; SigmaHQ's licence requires it in every alert
 * @param description free text or null
 * @param tags tags such as {@code attack.t1078.004}
 * @param references reference URLs
 * @param falsepositives known false positives
 * @param fields the rule's {@code fields}: what an analyst wants to see in an alert
 */
public record RuleInfo(
        String id,
        String name,
        String title,
        Level level,
        String status,
        String author,
        String description,
        List<String> tags,
        List<String> references,
        List<String> falsepositives,
        List<String> fields) {

    /** Copies the lists. */
    public RuleInfo {
        tags = List.copyOf(tags);
        references = List.copyOf(references);
        falsepositives = List.copyOf(falsepositives);
        fields = List.copyOf(fields);
    }

    /** The id, or else the name, or else the title: how people and references name this rule. */
    public String key() {
        return id != null ? id : name != null ? name : title;
    }
}
