package dev.vigil.detect.rule;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

/** Test helpers: load in-memory files named {@code a.yml}, {@code b.yml}, … */
final class Loads {
    private Loads() {}

    static RuleSet texts(String... texts) {
        List<RuleSource> sources = new ArrayList<>();
        for (int i = 0; i < texts.length; i++) {
            sources.add(new RuleSource((char) ('a' + i) + ".yml", texts[i]));
        }
        return RuleLoader.create().loadSources(sources);
    }

    /** The single problem of loading {@code text} as {@code a.yml}. */
    static RuleProblem onlyProblem(String text) {
        RuleSet set = texts(text);
        assertThat(set.problems()).hasSize(1);
        return set.problems().get(0);
    }

    /** Asserts the load of {@code text} gave exactly one problem at {@code line} with {@code reason}. */
    static void rejects(String text, int line, String reason) {
        RuleProblem p = onlyProblem(text);
        assertThat(p.toString()).isEqualTo("a.yml:" + line + ": " + reason);
    }
}
