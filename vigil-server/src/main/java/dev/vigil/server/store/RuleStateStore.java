package dev.vigil.server.store;

import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;

/**
 * Which rules an admin turned on or off. Rules without a row keep their default (enabled), so new rules from an
 * upgraded pack run without anyone touching them.
 */
public final class RuleStateStore {

    private final Jdbi jdbi;
    private final Clock clock;

    /** Rule states in {@code database}. */
    public RuleStateStore(Database database) {
        this(database, Clock.systemUTC());
    }

    /** Rule states in {@code database}, timestamped by {@code clock}. */
    public RuleStateStore(Database database, Clock clock) {
        this.jdbi = database.jdbi();
        this.clock = clock;
    }

    /** Turns a rule on or off; {@code by} names who did it (may be {@code null}). */
    public void setEnabled(String ruleId, boolean enabled, String by) {
        Objects.requireNonNull(ruleId, "ruleId");
        jdbi.useHandle(handle -> handle.createUpdate("INSERT INTO rule_states (rule_id, enabled, updated_by,"
                        + " updated_at) VALUES (:rule, :enabled, :by, :now) ON CONFLICT (rule_id) DO UPDATE SET"
                        + " enabled = excluded.enabled, updated_by = excluded.updated_by,"
                        + " updated_at = excluded.updated_at")
                .bind("rule", ruleId)
                .bind("enabled", enabled)
                .bind("by", by)
                .bind("now", clock.millis())
                .execute());
    }

    /** Whether a rule runs (enabled unless turned off). */
    public boolean isEnabled(String ruleId) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT enabled FROM rule_states WHERE rule_id = :rule")
                .bind("rule", ruleId)
                .mapTo(Boolean.class)
                .findOne()
                .orElse(true));
    }

    /** The rules turned off, sorted. */
    public Set<String> disabled() {
        return jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT rule_id FROM rule_states WHERE enabled = :enabled ORDER BY rule_id")
                .bind("enabled", false)
                .mapTo(String.class)
                .collect(Collectors.toCollection(TreeSet::new)));
    }

    /** Every rule with an explicit state, by id. */
    public Map<String, Boolean> overrides() {
        Map<String, Boolean> states = new TreeMap<>();
        jdbi.useHandle(handle -> handle.createQuery("SELECT rule_id, enabled FROM rule_states")
                .map((rs, ctx) -> Map.entry(rs.getString("rule_id"), rs.getBoolean("enabled")))
                .forEach(e -> states.put(e.getKey(), e.getValue())));
        return states;
    }
}
