package dev.vigil.detect.rule;

import dev.vigil.detect.match.MatchOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Loads Sigma rule files into a {@link RuleSet}.
 *
 * <p>Accepts files and directories (recursively, {@code *.yml} and {@code *.yaml}), multi-document YAML, detection
 * rules, correlation rules and meta filters; resolves references across all sources of one load. A document that
 * cannot be used becomes a {@link RuleProblem} ({@code file:line: reason}) and the others still load. YAML is read
 * with a safe loader and bounded in size, depth and aliases.
 */
public final class RuleLoader {
    private final MatchOptions matchOptions;

    private RuleLoader(MatchOptions matchOptions) {
        this.matchOptions = matchOptions;
    }

    /** A loader with default options. */
    public static RuleLoader create() {
        return new RuleLoader(MatchOptions.DEFAULTS);
    }

    /** A loader whose detection items compile with {@code options} (e.g. {@code |expand} placeholder values). */
    public static RuleLoader create(MatchOptions options) {
        return new RuleLoader(Objects.requireNonNull(options, "options"));
    }

    /**
     * Loads every rule file under {@code paths} (files or directories).
     *
     * @throws IOException when a path cannot be read at all (a missing path, a permission problem)
     */
    public RuleSet load(List<Path> paths) throws IOException {
        RuleFiles.Read read = RuleFiles.read(paths);
        return new RuleSetBuilder(matchOptions, read.problems()).build(read.sources());
    }

    /** Loads rules from in-memory sources (tests, the built-in pack), resolving references across all of them. */
    /**
     * Loads {@code first} (e.g. the built-in pack) and every rule file under {@code paths} as one set, so
     * references resolve across both and ids must be unique across both.
     *
     * @throws IOException when a path cannot be read at all
     */
    public RuleSet load(List<Path> paths, List<RuleSource> first) throws IOException {
        RuleFiles.Read read = RuleFiles.read(paths);
        List<RuleSource> all = new java.util.ArrayList<>(first);
        all.addAll(read.sources());
        return new RuleSetBuilder(matchOptions, read.problems()).build(all);
    }

    /** Loads rules from in-memory sources (tests, the built-in pack), resolving references across all of them. */
    public RuleSet loadSources(List<RuleSource> sources) {
        return new RuleSetBuilder(matchOptions, List.of()).build(sources);
    }

    /** The options detection items compile with. */
    public MatchOptions matchOptions() {
        return matchOptions;
    }
}
