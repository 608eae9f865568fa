package dev.vigil.detect.rule;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks the references between correlations (chains are allowed): a correlation that refers to a rejected
 * correlation is rejected too, and so is every correlation on, or depending on, a reference cycle. Linear in the
 * number of references.
 */
final class CorrelationGraph {
    private final Map<String, List<String>> deps = new LinkedHashMap<>();
    private final Map<String, List<String>> dependents = new HashMap<>();
    private final Map<String, String> reasons = new LinkedHashMap<>();

    private CorrelationGraph() {}

    /**
     * Why each correlation that cannot be used is rejected, by key.
     *
     * @param refs the usable correlations (key → resolved references), in load order
     * @param detectionKeys keys of the loaded detection rules
     * @param origins where every correlation document, usable or not, was read
     */
    static Map<String, String> rejections(
            Map<String, List<String>> refs, Set<String> detectionKeys, Map<String, RuleOrigin> origins) {
        CorrelationGraph g = new CorrelationGraph();
        for (Map.Entry<String, List<String>> e : refs.entrySet()) {
            Set<String> d = new LinkedHashSet<>();
            for (String r : e.getValue()) {
                if (!detectionKeys.contains(r)) {
                    d.add(r);
                }
            }
            g.deps.put(e.getKey(), new ArrayList<>(d));
            for (String r : d) {
                g.dependents.computeIfAbsent(r, k -> new ArrayList<>()).add(e.getKey());
            }
        }
        g.cascadeRejections(refs.keySet(), origins);
        Set<String> ordered = g.ordered();
        Set<String> onCycle = g.onCycles(ordered);
        for (String key : refs.keySet()) {
            if (g.reasons.containsKey(key) || ordered.contains(key)) {
                continue;
            }
            if (onCycle.contains(key)) {
                g.reasons.put(key, "correlation references form a cycle (through '" + key + "')");
            } else {
                String ref = g.deps.get(key).stream()
                        .filter(r -> !ordered.contains(r))
                        .findFirst()
                        .orElse(key);
                g.reasons.put(key, "correlation refers to '" + ref + "', which is on or behind a reference cycle");
            }
        }
        return g.reasons;
    }

    /** A reference to a correlation that is not usable rejects the referrer, and so on up the chain. */
    private void cascadeRejections(Set<String> usable, Map<String, RuleOrigin> origins) {
        ArrayDeque<String> queue = new ArrayDeque<>();
        for (Map.Entry<String, List<String>> e : deps.entrySet()) {
            for (String r : e.getValue()) {
                if (!usable.contains(r)) {
                    reject(e.getKey(), r, origins, queue);
                    break;
                }
            }
        }
        while (!queue.isEmpty()) {
            String bad = queue.poll();
            for (String dependent : dependents.getOrDefault(bad, List.of())) {
                reject(dependent, bad, origins, queue);
            }
        }
    }

    private void reject(String key, String ref, Map<String, RuleOrigin> origins, ArrayDeque<String> queue) {
        if (reasons.putIfAbsent(
                        key,
                        "correlation refers to '" + ref + "', a correlation that was rejected at " + origins.get(ref))
                == null) {
            queue.add(key);
        }
    }

    /** Kahn's algorithm: the correlations whose references can all be settled first. */
    private Set<String> ordered() {
        Map<String, Integer> pending = new HashMap<>();
        ArrayDeque<String> ready = new ArrayDeque<>();
        for (Map.Entry<String, List<String>> e : deps.entrySet()) {
            pending.put(e.getKey(), e.getValue().size());
            if (e.getValue().isEmpty()) {
                ready.add(e.getKey());
            }
        }
        Set<String> ordered = new HashSet<>();
        while (!ready.isEmpty()) {
            String key = ready.poll();
            ordered.add(key);
            for (String dependent : dependents.getOrDefault(key, List.of())) {
                if (pending.merge(dependent, -1, Integer::sum) == 0) {
                    ready.add(dependent);
                }
            }
        }
        return ordered;
    }

    /**
     * Of the correlations that could not be ordered (and are not rejected for another reason), those on a cycle:
     * peel off, in reverse, every one that no other unordered correlation depends on.
     */
    private Set<String> onCycles(Set<String> ordered) {
        Set<String> rest = new LinkedHashSet<>();
        for (String k : deps.keySet()) {
            if (!ordered.contains(k) && !reasons.containsKey(k)) {
                rest.add(k);
            }
        }
        Map<String, Integer> dependentsLeft = new HashMap<>();
        for (String k : rest) {
            dependentsLeft.putIfAbsent(k, 0);
            for (String r : deps.get(k)) {
                if (rest.contains(r)) {
                    dependentsLeft.merge(r, 1, Integer::sum);
                }
            }
        }
        ArrayDeque<String> free = new ArrayDeque<>();
        dependentsLeft.forEach((k, n) -> {
            if (n == 0) {
                free.add(k);
            }
        });
        while (!free.isEmpty()) {
            String k = free.poll();
            rest.remove(k);
            for (String r : deps.get(k)) {
                if (dependentsLeft.containsKey(r) && dependentsLeft.merge(r, -1, Integer::sum) == 0) {
                    free.add(r);
                }
            }
        }
        return rest;
    }
}
