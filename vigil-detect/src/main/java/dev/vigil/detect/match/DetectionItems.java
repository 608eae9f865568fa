package dev.vigil.detect.match;

import com.google.re2j.Pattern;
import dev.vigil.detect.InvalidRuleException;
import dev.vigil.detect.event.FieldPath;
import dev.vigil.detect.event.Text;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compiles Sigma detection items: {@code field|mod1|mod2: value-or-list} map entries and keyword searches, per
 * {@code docs/sigma.md}. Each value is compiled once into the cheapest test (equality, prefix, suffix, substring,
 * linear-time {@link Glob}); tests never throw and allocate nothing per event in the common cases.
 *
 * <p>Semantics:
 *
 * <ul>
 *   <li>A value list is OR; with {@code all} it is AND, but the variants one value expands into ({@code windash},
 *       {@code base64offset}, {@code expand} lists) stay OR-ed. Under {@code all} each value may be satisfied by a
 *       different value of the field (array fan-out). {@code all} needs a list.
 *   <li>Strings are case-insensitive globs (see {@link SigmaString} for escapes) unless {@code cased}. {@code ?}
 *       matches one UTF-16 unit. JSON null never matches a string pattern, not even {@code *}; numbers, booleans
 *       and objects/arrays match through their text (compact JSON for containers).
 *   <li>A rule number without string modifiers equals a numeric field or a string field holding that number, or a
 *       field whose text is the number as written; with string modifiers ({@code contains} …) it is its decimal
 *       text. A rule boolean equals a boolean field or the text true/false in any case.
 *   <li>{@code null} matches a missing field or JSON null; an empty list is {@code null}; {@code null} takes no
 *       modifier but {@code neq}; mixed into a list it is OR-ed with the other values.
 *   <li>Keyword searches (no field, or {@code |mods}) test every leaf of the event; a keyword is a substring
 *       ({@code contains} is implied unless {@code contains}, {@code startswith} or {@code endswith} is given);
 *       {@code exists}, {@code fieldref} and time parts need a field.
 *   <li>{@code wide}/{@code utf16le}/{@code utf16be}/{@code utf16} turn the value into its UTF-16 bytes (one char per
 *       byte, {@code utf16} with the BOM FF FE), as pySigma does. Followed by {@code base64}/{@code base64offset}
 *       this gives the usual Base64 needles. Without Base64 the bytes are compared with the field's text as it is,
 *       so a bare {@code wide} only matches text that carries UTF-16 bytes as characters (p, NUL, s, NUL for "ps").
 *       Base64 needles are matched case-insensitively like any string unless {@code cased}.
 *   <li>{@code expand} fills placeholders first, from {@link MatchOptions#placeholders()}; placeholder values are
 *       Sigma strings (their wildcards count). {@code windash} and {@code expand} may produce at most {@value
 *       SigmaString#MAX_VARIANTS} variants per value.
 *   <li>{@code neq} negates the whole item: a missing field satisfies it.
 *   <li>{@code re} is an unanchored RE2J search, case-sensitive unless {@code i}; {@code contains}, {@code
 *       startswith}, {@code endswith} and {@code cased} after it change nothing. {@code cidr}: IPv4 and IPv6, a
 *       network with host bits set is rejected. {@code lt/lte/gt/gte}: the field's {@link
 *       dev.vigil.detect.event.FieldValue#number()}. Time parts read the field as a timestamp in UTC (ISO week for
 *       {@code week}) and compare with {@code =} or the comparison given.
 *   <li>{@code fieldref}: field values compared as text with the referenced field's values, case-insensitive unless
 *       {@code cased}; {@code contains/startswith/endswith} make it a substring/prefix/suffix test; JSON null and a
 *       missing referenced field never match; a list is OR ({@code all}: AND).
 * </ul>
 */
public final class DetectionItems {
    /** Most value tests one item may compile into, across all values and their expansions. */
    static final int MAX_TESTS = 16_384;

    private DetectionItems() {}

    /**
     * Compiles one map entry of a search identifier.
     *
     * @param key the YAML key: {@code field}, {@code field|mod|mod}, or {@code |mod…} (a keyword search with
     *     modifiers)
     * @param value what the YAML holds: a String, Integer, Long, Double, Boolean, null, or a List of those
     * @throws InvalidRuleException naming the problem (unknown modifier, bad regex, …)
     */
    public static EventPredicate field(String key, Object value, MatchOptions options) {
        ItemKey k = ItemKey.parse(key);
        boolean isList = value instanceof List<?>;
        List<Object> values = new ArrayList<>();
        if (isList) {
            for (Object v : (List<?>) value) {
                values.add(checkScalar(k, v));
            }
        } else {
            values.add(checkScalar(k, value));
        }
        if (k.has(Modifier.ALL) && !isList) {
            throw new InvalidRuleException("modifier 'all' in '" + key + "' needs a list of values");
        }
        EventPredicate item = compile(k, values, isList, options);
        return k.has(Modifier.NEQ) ? new Negated(item, key) : item;
    }

    /**
     * Compiles a keyword search: a search identifier that is a scalar or a list of scalars. Any keyword found in any
     * string value of the event matches.
     */
    public static EventPredicate keywords(List<?> values, MatchOptions options) {
        return field("", values, options);
    }

    private static Object checkScalar(ItemKey k, Object v) {
        if (v == null
                || v instanceof String
                || v instanceof Boolean
                || v instanceof Integer
                || v instanceof Long
                || v instanceof Double
                || v instanceof Float
                || v instanceof Short
                || v instanceof Byte
                || v instanceof java.math.BigInteger
                || v instanceof java.math.BigDecimal) {
            return v;
        }
        String what = v instanceof List
                ? "a nested list"
                : v instanceof Map ? "a map" : v.getClass().getSimpleName();
        throw new InvalidRuleException("'" + k.key() + "' has " + what + " where a value is expected");
    }

    private static EventPredicate compile(ItemKey k, List<Object> values, boolean isList, MatchOptions options) {
        if (k.has(Modifier.EXISTS)) {
            return exists(k, values, isList);
        }
        FieldPath path = FieldPath.of(k.field());
        boolean hasNull = values.removeIf(java.util.Objects::isNull);
        if (hasNull && k.isKeyword()) {
            throw new InvalidRuleException("a keyword search cannot be null");
        }
        if (hasNull) {
            for (Modifier m : k.modifiers()) {
                if (m != Modifier.NEQ) {
                    throw new InvalidRuleException(
                            "null in '" + k.key() + "' cannot take modifier '" + m.label() + "'");
                }
            }
        }
        if (values.isEmpty()) {
            if (k.isKeyword()) {
                throw new InvalidRuleException("a keyword search needs at least one keyword");
            }
            return new ItemPredicates.IsNull(path);
        }
        if (k.has(Modifier.FIELDREF)) {
            return fieldRef(k, path, values);
        }
        List<List<ValueTest>> groups = new ArrayList<>();
        int total = 0;
        for (Object v : values) {
            List<ValueTest> group = compileValue(k, v, options);
            total += group.size();
            if (total > MAX_TESTS) {
                throw new InvalidRuleException("'" + k.key() + "' expands into more than " + MAX_TESTS + " values");
            }
            groups.add(group);
        }
        EventPredicate item;
        String label = abbreviate(k.key() + ":" + values);
        if (k.isKeyword()) {
            item = new ItemPredicates.Keywords(tests(groups, k.has(Modifier.ALL)), label);
        } else if (k.has(Modifier.ALL)) {
            ValueTest[] tests = tests(groups, true);
            item = new ItemPredicates.AllValues(path, tests, allWitness(path, groups), label);
        } else {
            ValueTest test = tests(groups, false)[0];
            item = new ItemPredicates.AnyValue(path, test, hasNull ? Witness.NONE : anyWitness(path, groups), label);
        }
        if (hasNull) {
            return Predicates.or(List.of(new ItemPredicates.IsNull(path), item));
        }
        return item;
    }

    /** One OR-ed test per group under {@code all}, else a single test OR-ing everything. */
    private static ValueTest[] tests(List<List<ValueTest>> groups, boolean all) {
        if (all) {
            return groups.stream().map(ValueTests.AnyOf::of).toArray(ValueTest[]::new);
        }
        List<ValueTest> flat = new ArrayList<>();
        groups.forEach(flat::addAll);
        return new ValueTest[] {ValueTests.AnyOf.of(flat)};
    }

    private static EventPredicate exists(ItemKey k, List<Object> values, boolean isList) {
        Object v = values.get(0);
        if (isList || k.isKeyword()) {
            throw new InvalidRuleException("modifier 'exists' in '" + k.key() + "' needs one value true or false");
        }
        Boolean expected = null;
        if (v instanceof Boolean b) {
            expected = b;
        } else if (v instanceof String s) {
            String lower = Text.lower(s.trim());
            if (lower.equals("yes") || lower.equals("true")) {
                expected = true;
            } else if (lower.equals("no") || lower.equals("false")) {
                expected = false;
            }
        }
        if (expected == null) {
            throw new InvalidRuleException(
                    "modifier 'exists' in '" + k.key() + "' needs true or false, not '" + v + "'");
        }
        return new ItemPredicates.Exists(FieldPath.of(k.field()), expected);
    }

    private static EventPredicate fieldRef(ItemKey k, FieldPath path, List<Object> values) {
        List<FieldPath> refs = new ArrayList<>();
        for (Object v : values) {
            if (!(v instanceof String s) || s.isEmpty()) {
                throw new InvalidRuleException(
                        "modifier 'fieldref' in '" + k.key() + "' needs field names, not '" + v + "'");
            }
            if (s.indexOf('*') >= 0 || s.indexOf('?') >= 0) {
                throw new InvalidRuleException("fieldref value '" + s + "' in '" + k.key() + "' cannot have wildcards");
            }
            refs.add(FieldPath.of(s));
        }
        ItemPredicates.RefMode mode = ItemPredicates.RefMode.EQUALS;
        boolean start = k.has(Modifier.STARTSWITH);
        boolean end = k.has(Modifier.ENDSWITH);
        if (k.has(Modifier.CONTAINS) || (start && end)) {
            mode = ItemPredicates.RefMode.CONTAINS;
        } else if (start) {
            mode = ItemPredicates.RefMode.STARTSWITH;
        } else if (end) {
            mode = ItemPredicates.RefMode.ENDSWITH;
        }
        return new ItemPredicates.FieldRef(
                path,
                refs.toArray(FieldPath[]::new),
                k.has(Modifier.ALL),
                mode,
                k.has(Modifier.CASED),
                k.key() + ":" + values);
    }

    /** The tests one rule value compiles into (several when it expands: their OR). */
    private static List<ValueTest> compileValue(ItemKey k, Object v, MatchOptions options) {
        if (k.has(Modifier.RE)) {
            return List.of(regex(k, text(v), options));
        }
        if (k.has(Modifier.CIDR)) {
            if (!(v instanceof String s)) {
                throw new InvalidRuleException("cidr value '" + v + "' in '" + k.key() + "' is not a network");
            }
            return List.of(new ValueTests.InNetwork(Cidr.parse(s)));
        }
        Modifier comparison = k.first(Modifier::isComparison);
        Modifier timePart = k.first(Modifier::isTimePart);
        if (comparison != null || timePart != null) {
            double number = number(k, v);
            ValueTests.Comparison op =
                    comparison == null ? ValueTests.Comparison.EQ : ValueTests.Comparison.valueOf(comparison.name());
            if (timePart != null) {
                return List.of(
                        new ValueTests.TimePartCompare(ValueTests.TimePart.valueOf(timePart.name()), op, number));
            }
            return List.of(new ValueTests.Compare(op, number));
        }
        boolean transforms =
                k.modifiers().stream().anyMatch(m -> m != Modifier.ALL && m != Modifier.NEQ && m != Modifier.CASED);
        if (!transforms && !k.isKeyword()) {
            if (v instanceof Boolean b) {
                return List.of(new ValueTests.BooleanEquals(b));
            }
            if (v instanceof Number n) {
                return List.of(new ValueTests.NumberEquals(n.doubleValue(), text(n)));
            }
        }
        return strings(k, text(v), options);
    }

    private static List<ValueTest> strings(ItemKey k, String raw, MatchOptions options) {
        boolean expand = k.has(Modifier.EXPAND);
        SigmaString parsed = SigmaString.parse(raw, expand);
        List<SigmaString> variants = parsed.hasPlaceholders() ? parsed.expand(options.placeholders()) : List.of(parsed);
        for (Modifier m : k.modifiers()) {
            variants = apply(m, variants, k);
        }
        boolean explicitWildcards = k.has(Modifier.CONTAINS) || k.has(Modifier.STARTSWITH) || k.has(Modifier.ENDSWITH);
        if (k.isKeyword() && !explicitWildcards) {
            variants = variants.stream().map(s -> s.withWildcards(true, true)).toList();
        }
        boolean cased = k.has(Modifier.CASED);
        List<ValueTest> out = new ArrayList<>(variants.size());
        Set<SigmaString> seen = new HashSet<>();
        for (SigmaString s : variants) {
            if (seen.add(s)) {
                out.add(StringTests.compile(s, cased));
            }
        }
        return out;
    }

    private static List<SigmaString> apply(Modifier m, List<SigmaString> in, ItemKey k) {
        List<SigmaString> out = new ArrayList<>();
        for (SigmaString s : in) {
            switch (m) {
                case CONTAINS -> out.add(s.withWildcards(true, true));
                case STARTSWITH -> out.add(s.withWildcards(false, true));
                case ENDSWITH -> out.add(s.withWildcards(true, false));
                case BASE64 -> out.add(s.base64());
                case BASE64OFFSET -> out.addAll(s.base64offset());
                case WIDE -> out.add(s.utf16(false, false, m.label()));
                case UTF16BE -> out.add(s.utf16(true, false, m.label()));
                case UTF16 -> out.add(s.utf16(false, true, m.label()));
                case WINDASH -> out.addAll(s.windash());
                default -> out.add(s);
            }
            if (out.size() > SigmaString.MAX_VARIANTS) {
                throw new InvalidRuleException(
                        "'" + k.key() + "' expands into more than " + SigmaString.MAX_VARIANTS + " variants");
            }
        }
        return out;
    }

    private static ValueTest regex(ItemKey k, String source, MatchOptions options) {
        if (source.length() > options.maxRegexLength()) {
            throw new InvalidRuleException(
                    "regex in '" + k.key() + "' is longer than " + options.maxRegexLength() + " characters");
        }
        int flags = 0;
        if (k.has(Modifier.IGNORECASE)) {
            flags |= Pattern.CASE_INSENSITIVE;
        }
        if (k.has(Modifier.MULTILINE)) {
            flags |= Pattern.MULTILINE;
        }
        if (k.has(Modifier.DOTALL)) {
            flags |= Pattern.DOTALL;
        }
        try {
            return new ValueTests.Regex(Pattern.compile(source, flags));
        } catch (RuntimeException | StackOverflowError e) {
            throw new InvalidRuleException(
                    "invalid regex '" + abbreviate(source) + "' in '" + k.key() + "': " + e.getMessage(), e);
        }
    }

    private static String abbreviate(String s) {
        return s.length() > 200 ? s.substring(0, 200) + "…" : s;
    }

    private static double number(ItemKey k, Object v) {
        double d = v instanceof Number n ? n.doubleValue() : v instanceof String s ? Text.number(s.trim()) : Double.NaN;
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            throw new InvalidRuleException("'" + k.key() + "' needs a number, not '" + v + "'");
        }
        return d;
    }

    /** The text form of a rule scalar for string matching. */
    static String text(Object v) {
        if (v instanceof Double d || v instanceof Float) {
            double x = ((Number) v).doubleValue();
            if (x == Math.rint(x) && Math.abs(x) < 1e15) {
                return Long.toString((long) x);
            }
            return Double.toString(x);
        }
        return String.valueOf(v);
    }

    /** Without {@code all}: a promise only when every value promises an exact text or a prefix. */
    private static Witness anyWitness(FieldPath path, List<List<ValueTest>> groups) {
        Set<String> exact = new HashSet<>();
        List<String> prefixes = new ArrayList<>();
        for (List<ValueTest> g : groups) {
            if (!collect(g, exact, prefixes)) {
                return Witness.NONE;
            }
        }
        return new Witness(path, exact, prefixes);
    }

    /** Under {@code all}: any one value's promise holds; the one with exact texts and fewest values is chosen. */
    private static Witness allWitness(FieldPath path, List<List<ValueTest>> groups) {
        Witness best = Witness.NONE;
        for (List<ValueTest> g : groups) {
            Set<String> exact = new HashSet<>();
            List<String> prefixes = new ArrayList<>();
            if (!collect(g, exact, prefixes)) {
                continue;
            }
            Witness w = new Witness(path, exact, prefixes);
            if (best.isNone()
                    || (prefixes.isEmpty() && !best.prefixes().isEmpty())
                    || (prefixes.isEmpty() == best.prefixes().isEmpty()
                            && exact.size() + prefixes.size()
                                    < best.exact().size() + best.prefixes().size())) {
                best = w;
            }
        }
        return best;
    }

    private static boolean collect(List<ValueTest> group, Set<String> exact, List<String> prefixes) {
        for (ValueTest t : group) {
            if (t.witnessExact() != null) {
                exact.add(t.witnessExact());
            } else if (t.witnessPrefix() != null && !t.witnessPrefix().isEmpty()) {
                prefixes.add(t.witnessPrefix());
            } else {
                return false;
            }
        }
        return true;
    }

    /** {@code neq}: the whole item negated; promises nothing. */
    private static final class Negated implements EventPredicate {
        private final EventPredicate item;
        private final String label;

        Negated(EventPredicate item, String label) {
            this.item = item;
            this.label = label;
        }

        @Override
        public boolean test(dev.vigil.detect.event.Event event) {
            return !item.test(event);
        }

        @Override
        public String toString() {
            return "not(" + label + ")";
        }
    }
}
