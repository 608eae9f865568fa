package dev.vigil.detect.match;

import dev.vigil.detect.InvalidRuleException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A parsed detection item key {@code field|mod1|mod2…}: the field name (empty for a keyword search) and its
 * modifiers in order, checked for the combinations Sigma allows.
 */
record ItemKey(String key, String field, List<Modifier> modifiers) {

    /** What may follow {@code re}. */
    private static final Set<Modifier> WITH_RE = EnumSet.of(
            Modifier.IGNORECASE,
            Modifier.MULTILINE,
            Modifier.DOTALL,
            Modifier.CONTAINS,
            Modifier.STARTSWITH,
            Modifier.ENDSWITH,
            Modifier.ALL,
            Modifier.NEQ,
            Modifier.CASED);

    private static final Set<Modifier> WITH_CIDR = EnumSet.of(Modifier.ALL, Modifier.NEQ);

    private static final Set<Modifier> WITH_FIELDREF = EnumSet.of(
            Modifier.CONTAINS, Modifier.STARTSWITH, Modifier.ENDSWITH, Modifier.NEQ, Modifier.CASED, Modifier.ALL);

    private static final Set<Modifier> WITH_NUMBERS = EnumSet.of(
            Modifier.LT,
            Modifier.LTE,
            Modifier.GT,
            Modifier.GTE,
            Modifier.MINUTE,
            Modifier.HOUR,
            Modifier.DAY,
            Modifier.WEEK,
            Modifier.MONTH,
            Modifier.YEAR,
            Modifier.ALL,
            Modifier.NEQ);

    ItemKey {
        modifiers = List.copyOf(modifiers);
    }

    /** Parses and checks {@code key}. */
    static ItemKey parse(String key) {
        if (key == null) {
            throw new InvalidRuleException("a detection item has no field name");
        }
        String[] parts = key.split("\\|", -1);
        List<Modifier> mods = new ArrayList<>();
        for (int i = 1; i < parts.length; i++) {
            String name = parts[i];
            if (name.isEmpty()) {
                throw new InvalidRuleException("'" + key + "' has an empty modifier");
            }
            Modifier m = Modifier.byName(name);
            if (m == null) {
                throw new InvalidRuleException("unknown modifier '" + name + "' in '" + key + "'");
            }
            if (mods.contains(m)) {
                throw new InvalidRuleException("modifier '" + name + "' appears twice in '" + key + "'");
            }
            mods.add(m);
        }
        ItemKey k = new ItemKey(key, parts[0], mods);
        k.check();
        return k;
    }

    boolean has(Modifier m) {
        return modifiers.contains(m);
    }

    boolean isKeyword() {
        return field.isEmpty();
    }

    /** The first modifier that {@code which} accepts, or null. */
    Modifier first(java.util.function.Predicate<Modifier> which) {
        for (Modifier m : modifiers) {
            if (which.test(m)) {
                return m;
            }
        }
        return null;
    }

    private void check() {
        for (Modifier m : List.of(Modifier.RE, Modifier.CIDR, Modifier.EXISTS)) {
            if (has(m) && modifiers.get(0) != m) {
                throw new InvalidRuleException("modifier '" + m.label() + "' must come first in '" + key + "'");
            }
        }
        if (has(Modifier.EXISTS) && modifiers.size() > 1) {
            throw bad(modifiers.get(1), "exists");
        }
        if (has(Modifier.RE)) {
            only(WITH_RE, "re");
        } else {
            for (Modifier m : modifiers) {
                if (m.isRegexFlag()) {
                    throw new InvalidRuleException(
                            "modifier '" + m.label() + "' is a regex flag and needs 're' in '" + key + "'");
                }
            }
        }
        if (has(Modifier.CIDR)) {
            only(WITH_CIDR, "cidr");
        }
        if (has(Modifier.FIELDREF)) {
            only(WITH_FIELDREF, "fieldref");
        }
        Modifier numeric = first(m -> m.isComparison() || m.isTimePart());
        if (numeric != null) {
            only(WITH_NUMBERS, numeric.label());
            if (modifiers.stream().filter(Modifier::isComparison).count() > 1) {
                throw new InvalidRuleException("'" + key + "' has more than one of lt/lte/gt/gte");
            }
            if (modifiers.stream().filter(Modifier::isTimePart).count() > 1) {
                throw new InvalidRuleException("'" + key + "' has more than one time part");
            }
        }
        if (modifiers.stream().filter(Modifier::isEncoding).count() > 1) {
            throw new InvalidRuleException("'" + key + "' has more than one of wide/utf16le/utf16be/utf16");
        }
        if (isKeyword()) {
            for (Modifier m : modifiers) {
                if (m == Modifier.EXISTS || m == Modifier.FIELDREF || m.isTimePart()) {
                    throw new InvalidRuleException(
                            "modifier '" + m.label() + "' needs a field name, but '" + key + "' is a keyword search");
                }
            }
        }
    }

    private void only(Set<Modifier> allowed, String with) {
        for (Modifier m : modifiers) {
            if (!m.label().equals(with) && !allowed.contains(m)) {
                throw bad(m, with);
            }
        }
    }

    private InvalidRuleException bad(Modifier m, String with) {
        return new InvalidRuleException(
                "modifier '" + m.label() + "' cannot be combined with '" + with + "' in '" + key + "'");
    }
}
