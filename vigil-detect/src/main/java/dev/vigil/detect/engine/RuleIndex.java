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
        boolean aExact = a.prefixes().isEmpty();
        boolean bExact = b.prefixes().isEmpty();
        if (aExact != bExact) {
            return aExact;
        }
        return a.exact().size() + a.prefixes().size()
                < b.exact().size() + b.prefixes().size();
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
     * {@code out}. {@code scratch} must have room for {@link #size()} flags and be all false; it is left all false.
     */
    void match(Event event, boolean[] scratch, java.util.function.IntConsumer out) {
        int[] found = null;
        int count = 0;
        for (FieldIndex fi : fields) {
            int[][] hits = fi.lookup(event);
            if (hits == null) {
                continue;
            }
            for (int[] list : hits) {
                if (list == null) {
                    continue;
                }
                for (int ordinal : list) {
                    if (!scratch[ordinal]) {
                        scratch[ordinal] = true;
                        if (found == null) {
                            found = new int[Math.min(rules.length, 16)];
                        } else if (count == found.length) {
                            found = Arrays.copyOf(found, Math.min(rules.length, count * 2));
                        }
                        found[count++] = ordinal;
                    }
                }
            }
        }
        if (count == 0 && unindexed.length == 0) {
            return;
        }
        int[] candidates = merge(found, count, scratch);
        for (int ordinal : candidates) {
            if (rules[ordinal].detection().test(event)) {
                out.accept(ordinal);
            }
        }
    }

    private int[] merge(int[] found, int count, boolean[] scratch) {
        for (int i = 0; i < count; i++) {
            scratch[found[i]] = false;
        }
        if (count == 0) {
            return unindexed;
        }
        int[] all = Arrays.copyOf(found, count + unindexed.length);
        System.arraycopy(unindexed, 0, all, count, unindexed.length);
        Arrays.sort(all);
        return all;
    }

    /** Exact values and prefixes promised for one field. */
    private static final class FieldIndex {
        final FieldPath field;
        final Map<String, List<Integer>> exact = new HashMap<>();
        final List<String> prefixes = new ArrayList<>();
        final List<Integer> prefixRules = new ArrayList<>();
        private Map<String, int[]> exactFrozen;
        private String[] prefixArray;
        private int[] prefixRuleArray;

        FieldIndex(FieldPath field) {
            this.field = field;
        }

        void freeze() {
            exactFrozen = new HashMap<>();
            exact.forEach((k, v) ->
                    exactFrozen.put(k, v.stream().mapToInt(Integer::intValue).toArray()));
            prefixArray = prefixes.toArray(String[]::new);
            prefixRuleArray = prefixRules.stream().mapToInt(Integer::intValue).toArray();
        }

        /** Rule lists hit by the event's values of this field; null when none. */
        int[][] lookup(Event event) {
            int[][][] out = {null};
            event.anyValue(field, v -> {
                String key = v.lowerText();
                int[] hit = exactFrozen.get(key);
                if (hit != null) {
                    out[0] = add(out[0], hit);
                }
                for (int i = 0; i < prefixArray.length; i++) {
                    if (key.startsWith(prefixArray[i])) {
                        out[0] = add(out[0], new int[] {prefixRuleArray[i]});
                    }
                }
                return false;
            });
            return out[0];
        }

        private static int[][] add(int[][] lists, int[] list) {
            if (lists == null) {
                return new int[][] {list};
            }
            int[][] more = Arrays.copyOf(lists, lists.length + 1);
            more[lists.length] = list;
            return more;
        }
    }
}
