package dev.vigil.detect.engine;

import dev.vigil.detect.event.Event;
import dev.vigil.detect.event.FieldPath;
import dev.vigil.detect.match.Witness;
import dev.vigil.detect.rule.SigmaRule;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rules of one log source, filed by what they promise about events ({@link Witness}): an event is only tested
 * against rules whose promised field value it carries, plus the rules that promise nothing.
 *
 * <p>For CloudTrail every SigmaHQ rule pins {@code eventName} (or {@code eventSource}) to literals or prefixes, so
 * one hash lookup leaves a handful of candidates for most events.
 */
final class RuleIndex {
    private final SigmaRule[] rules;
    private final int[] unindexed;
    private final FieldIndex[] fields;

    RuleIndex(List<SigmaRule> rules) {
        this.rules = rules.toArray(SigmaRule[]::new);
        Map<FieldPath, FieldIndex> byField = new LinkedHashMap<>();
        List<Integer> rest = new ArrayList<>();
        Map<FieldPath, java.util.Set<String>> spread = new HashMap<>();
        for (SigmaRule rule : this.rules) {
            for (Witness w : rule.detection().witnessOptions()) {
                spread.computeIfAbsent(w.field(), k -> new java.util.HashSet<>())
                        .addAll(w.exact());
            }
        }
        for (int i = 0; i < this.rules.length; i++) {
            Witness w = choose(this.rules[i].detection().witnessOptions(), spread);
            if (w.isNone()) {
                rest.add(i);
                continue;
            }
            FieldIndex fi = byField.computeIfAbsent(w.field(), FieldIndex::new);
            for (String value : w.exact()) {
                fi.exact.computeIfAbsent(value, k -> new ArrayList<>()).add(i);
            }
            for (String prefix : w.prefixes()) {
                fi.prefixes.add(prefix);
                fi.prefixRules.add(i);
            }
        }
        this.unindexed = rest.stream().mapToInt(Integer::intValue).toArray();
        this.fields = byField.values().toArray(FieldIndex[]::new);
        for (FieldIndex fi : fields) {
            fi.freeze();
        }
    }

    /**
     * The most selective promise: on the field with the most distinct values across the rule set (an {@code
     * eventName} narrows more than an {@code eventSource}), exact values before prefixes, then fewer values.
     */
    private static Witness choose(List<Witness> options, Map<FieldPath, java.util.Set<String>> spread) {
        Witness best = Witness.NONE;
        for (Witness w : options) {
            if (best.isNone() || better(w, best, spread)) {
                best = w;
            }
        }
        return best;
    }

    private static boolean better(Witness a, Witness b, Map<FieldPath, java.util.Set<String>> spread) {
        int sa = spread.get(a.field()).size();
        int sb = spread.get(b.field()).size();
        if (sa != sb) {
            return sa > sb;
        }
        return a.narrowerThan(b);
    }

    /** All rules of this index, in load order. */
    SigmaRule rule(int ordinal) {
        return rules[ordinal];
    }

    int size() {
        return rules.length;
    }

    /** How many rules are tried on every event because they promise nothing. */
    int unindexedCount() {
        return unindexed.length;
    }

    /**
     * Tests {@code event} against its candidate rules in load order and passes each matching rule's ordinal to
     * {@code out}. {@code scratch} is the calling thread's working memory, sized for {@link #size()} rules.
     */
    void match(Event event, Scratch scratch, java.util.function.IntConsumer out) {
        scratch.count = 0;
        for (FieldIndex fi : fields) {
            fi.lookup(event, scratch);
        }
        int count = scratch.count;
        if (count == 0 && unindexed.length == 0) {
            return;
        }
        int[] found = scratch.found;
        for (int i = 0; i < count; i++) {
            scratch.flags[found[i]] = false;
        }
        int[] candidates;
        int n;
        if (count == 0) {
            candidates = unindexed;
            n = unindexed.length;
        } else if (unindexed.length == 0) {
            candidates = found; // sorted in place: the scratch array is this thread's, and reset on the next event
            n = count;
            Arrays.sort(candidates, 0, n);
        } else {
            candidates = Arrays.copyOf(found, count + unindexed.length);
            System.arraycopy(unindexed, 0, candidates, count, unindexed.length);
            n = candidates.length;
            Arrays.sort(candidates);
        }
        for (int i = 0; i < n; i++) {
            int ordinal = candidates[i];
            if (rules[ordinal].detection().test(event)) {
                out.accept(ordinal);
            }
        }
    }

    /** Per-thread working memory of {@link #match}: which rules were already collected for this event. */
    static final class Scratch implements java.util.function.Predicate<dev.vigil.detect.event.FieldValue> {
        final boolean[] flags;
        final int[] found;
        int count;
        private FieldIndex current;

        Scratch(int rules) {
            flags = new boolean[rules];
            found = new int[rules];
        }

        void add(int[] ordinals) {
            for (int ordinal : ordinals) {
                if (!flags[ordinal]) {
                    flags[ordinal] = true;
                    found[count++] = ordinal;
                }
            }
        }

        void add(int ordinal) {
            if (!flags[ordinal]) {
                flags[ordinal] = true;
                found[count++] = ordinal;
            }
        }

        /** Visits one value of {@link #current}'s field. */
        @Override
        public boolean test(dev.vigil.detect.event.FieldValue v) {
            FieldIndex fi = current;
            if (fi.prefixArray.length == 0 && v.minLength() > fi.exactKeys.longest()) {
                return false; // too long to equal any key: no need to look at it
            }
            int[] hit = v.lookupLower(fi.exactKeys);
            if (hit != null) {
                add(hit);
            }
            for (int i = 0; i < fi.prefixArray.length; i++) {
                if (v.lowerStartsWith(fi.prefixArray[i])) {
                    add(fi.prefixRuleArray[i]);
                }
            }
            return false;
        }
    }

    /** Exact values and prefixes promised for one field. */
    private static final class FieldIndex {
        final FieldPath field;
        final Map<String, List<Integer>> exact = new HashMap<>();
        final List<String> prefixes = new ArrayList<>();
        final List<Integer> prefixRules = new ArrayList<>();
        private dev.vigil.detect.event.LowerKeys<int[]> exactKeys;
        private String[] prefixArray;
        private int[] prefixRuleArray;

        FieldIndex(FieldPath field) {
            this.field = field;
        }

        void freeze() {
            Map<String, int[]> frozen = new HashMap<>();
            exact.forEach((k, v) ->
                    frozen.put(k, v.stream().mapToInt(Integer::intValue).toArray()));
            exactKeys = new dev.vigil.detect.event.LowerKeys<>(frozen);
            prefixArray = prefixes.toArray(String[]::new);
            prefixRuleArray = prefixRules.stream().mapToInt(Integer::intValue).toArray();
        }

        /** Adds the rules whose promise one of the event's values of this field keeps. */
        void lookup(Event event, Scratch scratch) {
            scratch.current = this;
            event.anyValue(field, scratch);
        }
    }
}
