package dev.vigil.detect.rule;

import dev.vigil.detect.event.FieldPath;
import dev.vigil.detect.match.EventPredicate;
import dev.vigil.detect.match.MatchOptions;
import dev.vigil.detect.match.Predicates;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * One load: parses every document of every source, rejects duplicates, resolves correlation references across all
 * sources (rejecting unknown references and cycles), then folds meta filters into the rules they name.
 */
final class RuleSetBuilder {
    private final DocumentParser parser;
    private final List<RuleProblem> problems;
    private final List<Drafts.Detection> detections = new ArrayList<>();
    private final List<Drafts.Correlation> correlations = new ArrayList<>();
    private final List<Drafts.Filter> filters = new ArrayList<>();
    /** id, name (or title when a rule has neither) → where it was first defined. */
    private final Map<String, RuleOrigin> defined = new HashMap<>();
    /** id or name → key of an accepted detection or correlation. */
    private final Map<String, String> keyByReference = new HashMap<>();
    /** id or name of a document that was not accepted → why, for messages about references to it. */
    private final Map<String, String> unavailable = new HashMap<>();

    private int skippedDeprecated;
    private int skippedUnsupported;

    RuleSetBuilder(MatchOptions options, List<RuleProblem> problems) {
        this.parser = new DocumentParser(options);
        this.problems = new ArrayList<>(problems);
    }

    RuleSet build(List<RuleSource> sources) {
        for (RuleSource source : sources) {
            readSource(source);
        }
        List<CorrelationRule> resolved = resolveCorrelations();
        List<SigmaRule> rules = applyFilters();
        return new RuleSet(rules, resolved, problems, skippedDeprecated, skippedUnsupported);
    }

    private void readSource(RuleSource source) {
        String file = source.name() == null ? "<unnamed>" : source.name();
        if (source.text() == null) {
            problems.add(new RuleProblem(file, 1, "no text"));
            return;
        }
        YamlDocuments.Result result = YamlDocuments.read(source.text());
        for (Node node : result.documents()) {
            readDocument(node, file);
        }
        if (result.error() != null) {
            problems.add(
                    new RuleProblem(file, result.error().line(), result.error().getMessage()));
        }
    }

    private void readDocument(Node node, String file) {
        if (node == null || (node instanceof ScalarNode s && s.getTag().equals(Tag.NULL))) {
            return; // an empty document, e.g. after a trailing ---
        }
        int line = YamlDocuments.line(node);
        if (!(node instanceof MappingNode m)) {
            problems.add(new RuleProblem(file, line, "a rule document must be a map (title, logsource, detection, …)"));
            return;
        }
        YamlMap doc = null;
        try {
            doc = YamlMap.of(m);
            accept(parser.parse(doc, file), doc);
        } catch (DocumentException e) {
            problems.add(new RuleProblem(file, e.line(), e.getMessage()));
            noteUnavailable(doc, "was rejected at " + file + ":" + line);
        } catch (RuntimeException | StackOverflowError e) {
            // A bug in a compiler must cost one rule, not the whole load.
            problems.add(new RuleProblem(file, line, "internal error: " + e));
            noteUnavailable(doc, "was rejected at " + file + ":" + line);
        }
    }

    private void accept(Drafts.Draft draft, YamlMap doc) {
        if (draft instanceof Drafts.Skipped s) {
            if (s.status().equals("deprecated")) {
                skippedDeprecated++;
            } else {
                skippedUnsupported++;
            }
            noteUnavailable(doc, "is skipped (status " + s.status() + ")");
        } else if (draft instanceof Drafts.Detection d) {
            claimNames(d.info(), d.origin(), doc);
            detections.add(d);
        } else if (draft instanceof Drafts.Correlation c) {
            claimNames(c.info(), c.origin(), doc);
            correlations.add(c);
        } else {
            filters.add((Drafts.Filter) draft);
        }
    }

    /** Registers a rule's id and name; rejects the rule when another one already uses either. */
    private void claimNames(RuleInfo info, RuleOrigin origin, YamlMap doc) {
        Map<String, String> claims = new LinkedHashMap<>(); // value → which key ("id", "name", "title")
        if (info.id() != null) {
            claims.put(info.id(), "id");
        }
        if (info.name() != null) {
            claims.putIfAbsent(info.name(), "name");
        }
        if (claims.isEmpty()) {
            claims.put(info.title(), "title");
        }
        for (Map.Entry<String, String> c : claims.entrySet()) {
            RuleOrigin first = defined.get(c.getKey());
            if (first != null) {
                String what = c.getValue().equals("title")
                        ? "title '" + c.getKey() + "' of a rule without id or name"
                        : c.getValue() + " '" + c.getKey() + "'";
                throw new DocumentException(
                        doc.line(c.getValue()), "duplicate " + what + " (first defined at " + first + ")");
            }
        }
        for (String value : claims.keySet()) {
            defined.put(value, origin);
            keyByReference.put(value, info.key());
        }
    }

    private void noteUnavailable(YamlMap doc, String why) {
        if (doc == null) {
            return;
        }
        for (String key : List.of("id", "name")) {
            Node n = doc.get(key);
            if (n instanceof ScalarNode s && !s.getTag().equals(Tag.NULL)) {
                unavailable.putIfAbsent(s.getValue(), why);
            }
        }
    }

    private List<CorrelationRule> resolveCorrelations() {
        Set<String> detectionKeys = new HashSet<>();
        for (Drafts.Detection d : detections) {
            detectionKeys.add(d.info().key());
        }
        Map<String, Drafts.Correlation> live = new LinkedHashMap<>();
        Map<String, RuleOrigin> originByKey = new HashMap<>();
        Map<String, List<String>> refs = new LinkedHashMap<>();
        Map<String, Map<String, Map<String, String>>> aliases = new HashMap<>();
        for (Drafts.Correlation c : correlations) {
            String key = c.info().key();
            originByKey.put(key, c.origin());
            try {
                List<String> resolved = resolve(c);
                aliases.put(key, resolveAliases(c));
                refs.put(key, resolved);
                live.put(key, c);
            } catch (DocumentException e) {
                problems.add(new RuleProblem(c.origin().file(), e.line(), e.getMessage()));
            }
        }
        Map<String, String> reasons = CorrelationGraph.rejections(refs, detectionKeys, originByKey);
        List<CorrelationRule> out = new ArrayList<>();
        for (Drafts.Correlation c : live.values()) {
            String key = c.info().key();
            String reason = reasons.get(key);
            if (reason != null) {
                problems.add(new RuleProblem(c.origin().file(), c.rulesLine(), reason));
                continue;
            }
            out.add(new CorrelationRule(
                    c.info(),
                    c.type(),
                    refs.get(key),
                    c.groupBy(),
                    c.timespanMillis(),
                    c.condition(),
                    c.valueFields(),
                    c.percentile(),
                    aliases.get(key),
                    c.generate(),
                    c.origin()));
        }
        return out;
    }

    private List<String> resolve(Drafts.Correlation c) {
        List<String> keys = new ArrayList<>();
        for (String ref : c.rules()) {
            keys.add(reference(ref, c.rulesLine(), "correlation refers to"));
        }
        return keys;
    }

    private Map<String, Map<String, String>> resolveAliases(Drafts.Correlation c) {
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        for (Map.Entry<String, Map<String, String>> alias : c.aliases().entrySet()) {
            Map<String, String> byKey = new LinkedHashMap<>();
            for (Map.Entry<String, String> e : alias.getValue().entrySet()) {
                String key = reference(e.getKey(), c.aliasesLine(), "alias '" + alias.getKey() + "' refers to");
                byKey.put(key, e.getValue());
            }
            out.put(alias.getKey(), byKey);
        }
        return out;
    }

    private String reference(String ref, int line, String what) {
        String key = keyByReference.get(ref);
        if (key != null) {
            return key;
        }
        String why = unavailable.get(ref);
        throw new DocumentException(
                line,
                what + " unknown rule '" + ref + "'" + (why == null ? "" : ": a rule with that id or name " + why));
    }

    private List<SigmaRule> applyFilters() {
        List<SigmaRule> out = new ArrayList<>(detections.size());
        for (Drafts.Detection d : detections) {
            EventPredicate predicate = d.predicate();
            List<FieldPath> fields = d.fieldsUsed();
            for (Drafts.Filter f : filters) {
                if (appliesTo(f, d)) {
                    predicate = Predicates.and(List.of(predicate, f.predicate()));
                    Set<FieldPath> all = new LinkedHashSet<>(fields);
                    all.addAll(f.fieldsUsed());
                    fields = new ArrayList<>(all);
                }
            }
            out.add(new SigmaRule(d.info(), d.logSource(), predicate, fields, d.origin()));
        }
        return out;
    }

    private static boolean appliesTo(Drafts.Filter f, Drafts.Detection d) {
        boolean named = f.any()
                || (d.info().id() != null && f.rules().contains(d.info().id()))
                || (d.info().name() != null && f.rules().contains(d.info().name()));
        return named && f.logSource().contains(d.logSource());
    }
}
