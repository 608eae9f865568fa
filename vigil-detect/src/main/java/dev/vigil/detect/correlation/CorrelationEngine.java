package dev.vigil.detect.correlation;

import dev.vigil.detect.engine.CorrelationMatch;
import dev.vigil.detect.engine.RuleMatch;
import dev.vigil.detect.event.Event;
import dev.vigil.detect.event.EventTime;
import dev.vigil.detect.event.FieldPath;
import dev.vigil.detect.event.Text;
import dev.vigil.detect.rule.CorrelationRule;
import dev.vigil.detect.rule.RuleSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Evaluates the correlation rules of a {@link RuleSet} over base matches, with sliding windows on event time.
 * Chained correlations (a correlation over correlations) are fed internally.
 *
 * <p>Semantics (see {@code docs/sigma.md}): per correlation and group, at every accepted observation at time
 * {@code t} the window holds the group's observations accepted since its last firing with times in {@code [T −
 * timespan, T]}, where {@code T} is the newest time the group has seen ({@code t} itself when observations arrive in
 * time order). The condition is tested on the window's aggregate; when it holds, a {@link CorrelationMatch} is emitted
 * and the group's window is cleared. Not thread-safe: feed one engine from one thread.
 */
public final class CorrelationEngine {
    /** The default maximum number of entries kept per group. */
    public static final int DEFAULT_MAX_OBSERVATIONS_PER_GROUP = 10_000;

    /** How deep correlation matches are fed to outer correlations; deeper chains are cut and counted. */
    static final int MAX_CHAIN_DEPTH = 16;

    private final CorrelationStore store;
    private final int maxObservationsPerGroup;
    private final Map<String, CorrelationPlan> plans = new LinkedHashMap<>();
    private final Map<String, List<CorrelationPlan>> referencedBy = new HashMap<>();
    private final Map<String, List<Extractor>> extractors = new HashMap<>();
    private final Map<String, List<Feed>> feeds = new HashMap<>();

    private long droppedLate;
    private long droppedNoTime;
    private long droppedMissingGroup;
    private long droppedMissingValue;
    private long expiredGroups;
    private long trimmedObservations;
    private long droppedChainDepth;

    /** An engine for {@code rules}' correlations keeping state in {@code store}. */
    public CorrelationEngine(RuleSet rules, CorrelationStore store) {
        this(rules, store, DEFAULT_MAX_OBSERVATIONS_PER_GROUP);
    }

    /**
     * An engine for {@code rules}' correlations keeping state in {@code store} and at most {@code
     * maxObservationsPerGroup} (at least 1) entries per group: observations, or distinct times for {@code event_count}
     * and the temporal types. A full group drops its oldest entries (counted as trimmed).
     */
    public CorrelationEngine(RuleSet rules, CorrelationStore store, int maxObservationsPerGroup) {
        this.store = Objects.requireNonNull(store, "store");
        if (maxObservationsPerGroup < 1) {
            throw new IllegalArgumentException(
                    "maxObservationsPerGroup must be at least 1, not " + maxObservationsPerGroup);
        }
        this.maxObservationsPerGroup = maxObservationsPerGroup;
        for (CorrelationRule rule : rules.correlations()) {
            plans.putIfAbsent(rule.info().key(), new CorrelationPlan(rule));
        }
        Map<String, Set<String>> chainEdges = new HashMap<>();
        for (CorrelationPlan plan : plans.values()) {
            for (String ref : plan.rule.rules()) {
                if (plans.containsKey(ref)) {
                    chainEdges.computeIfAbsent(ref, k -> new HashSet<>()).add(plan.key);
                }
            }
        }
        for (CorrelationPlan plan : plans.values()) {
            for (String ref : new LinkedHashSet<>(plan.rule.rules())) {
                referencedBy.computeIfAbsent(ref, k -> new ArrayList<>()).add(plan);
                if (!plans.containsKey(ref)) {
                    extractors.computeIfAbsent(ref, k -> new ArrayList<>()).add(new Extractor(plan, ref));
                } else if (!reachable(chainEdges, plan.key, ref)) {
                    // References on a cycle of correlations are not fed: a cycle could fire forever.
                    feeds.computeIfAbsent(ref, k -> new ArrayList<>()).add(new Feed(plan, ref));
                }
            }
        }
    }

    /** Whether any correlation references the rule with this key. */
    public boolean isReferenced(String ruleKey) {
        return referencedBy.containsKey(ruleKey);
    }

    /**
     * Whether matches of this rule are alerts in their own right: true unless every correlation that references it
     * has {@code generate: false}.
     */
    public boolean generatesAlerts(String ruleKey) {
        List<CorrelationPlan> refs = referencedBy.get(ruleKey);
        if (refs == null) {
            return true;
        }
        for (CorrelationPlan plan : refs) {
            if (plan.rule.generate()) {
                return true;
            }
        }
        return false;
    }

    /** What each correlation referencing {@code match}'s rule needs from it; empty when none does. */
    public List<Observation> observe(RuleMatch match, long sequence) {
        List<Extractor> list = extractors.get(match.rule().info().key());
        if (list == null) {
            return List.of();
        }
        List<Observation> out = new ArrayList<>(list.size());
        for (Extractor x : list) {
            out.add(x.extract(match, sequence));
        }
        return out;
    }

    /** Feeds one observation, in event-time order; emits every correlation (including chained ones) that fires. */
    public void accept(Observation observation, Consumer<CorrelationMatch> out) {
        accept(observation, out, 0);
    }

    /** What was dropped or evicted so far. */
    public CorrelationCounters counters() {
        return new CorrelationCounters(
                droppedLate,
                droppedNoTime,
                droppedMissingGroup,
                droppedMissingValue,
                store.evictedGroups(),
                expiredGroups,
                trimmedObservations,
                droppedChainDepth);
    }

    private void accept(Observation o, Consumer<CorrelationMatch> out, int depth) {
        CorrelationPlan plan = plans.get(o.correlationKey());
        if (plan == null) {
            return;
        }
        int slot = plan.slot(o.ruleKey());
        if (slot < 0) {
            return;
        }
        if (o.timeMillis() == EventTime.UNKNOWN) {
            droppedNoTime++;
            return;
        }
        if (o.group().contains(null)) {
            droppedMissingGroup++;
            return;
        }
        if ((plan.needsText() && o.value() == null) || (plan.needsNumber() && !Double.isFinite(o.number()))) {
            droppedMissingValue++;
            return;
        }
        long t = o.timeMillis();
        plan.maxSeenMillis = Math.max(plan.maxSeenMillis, t);
        expiredGroups += store.expire(plan.key, saturatedMinus(plan.maxSeenMillis, plan.timespan));

        List<String> group = o.group();
        GroupWindow window = store.get(plan.key, group);
        if (window == null) {
            window = plan.newWindow();
        } else if (t < window.floorMillis()
                || (window.newestMillis() != Long.MIN_VALUE
                        && t < saturatedMinus(window.newestMillis(), plan.timespan))) {
            droppedLate++;
            return;
        }
        window.add(o, slot);
        window.noteTime(t);
        window.evictBefore(saturatedMinus(window.newestMillis(), plan.timespan));
        while (window.entries() > maxObservationsPerGroup) {
            trimmedObservations += window.removeOldest();
        }
        double aggregate = window.aggregate();
        if (!plan.holds(aggregate)) {
            store.put(plan.key, group, window);
            return;
        }
        CorrelationMatch match = new CorrelationMatch(
                plan.rule, groupMap(plan, group), aggregate, window.startMillis(), t, o.origin(), (int)
                        Math.min(Integer.MAX_VALUE, window.events()));
        window.reset();
        store.put(plan.key, group, window);
        out.accept(match);
        List<Feed> outer = feeds.get(plan.key);
        if (outer == null) {
            return;
        }
        if (depth + 1 >= MAX_CHAIN_DEPTH) {
            droppedChainDepth += outer.size();
            return;
        }
        for (Feed feed : outer) {
            accept(feed.extract(match, o.sequence()), out, depth + 1);
        }
    }

    private static Map<String, String> groupMap(CorrelationPlan plan, List<String> group) {
        Map<String, String> map = new LinkedHashMap<>();
        List<String> names = plan.rule.groupBy();
        for (int i = 0; i < names.size(); i++) {
            map.put(names.get(i), group.get(i));
        }
        return map;
    }

    private static long saturatedMinus(long a, long b) {
        long r = a - b;
        return ((a ^ b) & (a ^ r)) < 0 ? Long.MIN_VALUE : r;
    }

    /** Whether {@code to} can be reached from {@code from} along chain edges (inner → outers). */
    private static boolean reachable(Map<String, Set<String>> edges, String from, String to) {
        if (from.equals(to)) {
            return true;
        }
        Set<String> seen = new HashSet<>();
        List<String> todo = new ArrayList<>(List.of(from));
        while (!todo.isEmpty()) {
            String at = todo.remove(todo.size() - 1);
            if (at.equals(to)) {
                return true;
            }
            if (seen.add(at)) {
                todo.addAll(edges.getOrDefault(at, Set.of()));
            }
        }
        return false;
    }

    private static List<String> listWithNulls(String[] values) {
        return Collections.unmodifiableList(Arrays.asList(values));
    }

    /** Reads what one correlation needs from the matches of one detection rule. */
    private static final class Extractor {
        private final CorrelationPlan plan;
        private final String ruleKey;
        private final FieldPath[] groupPaths;
        private final FieldPath[] valuePaths;

        Extractor(CorrelationPlan plan, String ruleKey) {
            this.plan = plan;
            this.ruleKey = ruleKey;
            this.groupPaths = plan.rule.groupBy().stream()
                    .map(g -> FieldPath.of(plan.fieldFor(g, ruleKey)))
                    .toArray(FieldPath[]::new);
            this.valuePaths = plan.rule.valueFields().stream()
                    .map(v -> FieldPath.of(plan.fieldFor(v, ruleKey)))
                    .toArray(FieldPath[]::new);
        }

        Observation extract(RuleMatch match, long sequence) {
            Event event = match.event();
            String[] group = new String[groupPaths.length];
            for (int i = 0; i < group.length; i++) {
                group[i] = BoundedText.of(event.text(groupPaths[i]));
            }
            String value = null;
            double number = Double.NaN;
            if (valuePaths.length > 0 && (plan.needsText() || plan.needsNumber())) {
                String[] parts = new String[valuePaths.length];
                for (int i = 0; i < parts.length; i++) {
                    parts[i] = BoundedText.of(event.text(valuePaths[i]));
                }
                value = parts.length == 1 ? parts[0] : BoundedText.tuple(parts);
                number = parts[0] == null ? Double.NaN : Text.number(parts[0]);
            }
            return new Observation(
                    plan.key,
                    ruleKey,
                    listWithNulls(group),
                    value,
                    number,
                    match.timeMillis(),
                    event.origin(),
                    sequence);
        }
    }

    /**
     * Turns the matches of an inner correlation into observations of an outer one: group-by and value fields are read
     * from the inner match's group by name (through the outer correlation's aliases).
     */
    private static final class Feed {
        private final CorrelationPlan plan;
        private final String innerKey;
        private final String[] groupFields;
        private final String[] valueFields;

        Feed(CorrelationPlan plan, String innerKey) {
            this.plan = plan;
            this.innerKey = innerKey;
            this.groupFields = plan.rule.groupBy().stream()
                    .map(g -> plan.fieldFor(g, innerKey))
                    .toArray(String[]::new);
            this.valueFields = plan.rule.valueFields().stream()
                    .map(v -> plan.fieldFor(v, innerKey))
                    .toArray(String[]::new);
        }

        Observation extract(CorrelationMatch inner, long sequence) {
            String[] group = new String[groupFields.length];
            for (int i = 0; i < group.length; i++) {
                group[i] = inner.group().get(groupFields[i]);
            }
            String value = null;
            double number = Double.NaN;
            if (valueFields.length > 0) {
                String[] parts = new String[valueFields.length];
                for (int i = 0; i < parts.length; i++) {
                    parts[i] = inner.group().get(valueFields[i]);
                }
                value = parts.length == 1 ? parts[0] : BoundedText.tuple(parts);
                number = parts[0] == null ? Double.NaN : Text.number(parts[0]);
            }
            return new Observation(
                    plan.key,
                    innerKey,
                    listWithNulls(group),
                    value,
                    number,
                    inner.timeMillis(),
                    inner.origin(),
                    sequence);
        }
    }
}
