package dev.vigil.cli.scan;

import dev.vigil.posture.check.Check;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Which checks {@code vigil scan} runs: {@code --checks} and {@code --skip-checks}, by id or catalogue slug. */
public final class CheckSelection {
    private CheckSelection() {}

    /**
     * The checks of {@code all} named in {@code only} (all when empty) minus those in {@code skip}.
     *
     * @throws IllegalArgumentException naming every id or slug that matches no check
     */
    public static List<Check> select(List<Check> all, List<String> only, List<String> skip) {
        Set<String> unknown = new LinkedHashSet<>();
        Set<Check> chosen = only.isEmpty() ? new LinkedHashSet<>(all) : resolve(all, only, unknown);
        chosen.removeAll(resolve(all, skip, unknown));
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("unknown check " + (unknown.size() == 1 ? "" : "ids ")
                    + String.join(", ", unknown) + " (vigil scan --list-checks lists them)");
        }
        List<Check> out = new ArrayList<>();
        for (Check c : all) {
            if (chosen.contains(c)) {
                out.add(c);
            }
        }
        return out;
    }

    private static Set<Check> resolve(List<Check> all, List<String> names, Set<String> unknown) {
        Set<Check> out = new LinkedHashSet<>();
        for (String raw : names) {
            String n = raw.trim();
            if (n.isEmpty()) {
                continue;
            }
            boolean found = false;
            for (Check c : all) {
                if (c.info().id().equalsIgnoreCase(n) || c.info().name().equals(n.toLowerCase(Locale.ROOT))) {
                    out.add(c);
                    found = true;
                }
            }
            if (!found) {
                unknown.add(n);
            }
        }
        return out;
    }
}
