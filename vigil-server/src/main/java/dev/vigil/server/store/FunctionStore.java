package dev.vigil.server.store;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * The functions inventory: every function seen in telemetry, with its counters, duration histogram, trigger types
 * and egress destinations. Writes are additive upserts, so activity can be recorded from any number of batches (and
 * threads) in any order.
 */
public final class FunctionStore {

    private static final String UPSERT_FUNCTION = "INSERT INTO functions (tenant, name, runtime, region, account,"
            + " first_seen, last_seen, invocations, errors, cold_starts) VALUES (:tenant, :name, :runtime, :region,"
            + " :account, :first, :last, :invocations, :errors, :cold) ON CONFLICT (tenant, name) DO UPDATE SET"
            + " runtime = COALESCE(excluded.runtime, functions.runtime),"
            + " region = COALESCE(excluded.region, functions.region),"
            + " account = COALESCE(excluded.account, functions.account),"
            + " first_seen = CASE WHEN excluded.first_seen < functions.first_seen"
            + " THEN excluded.first_seen ELSE functions.first_seen END,"
            + " last_seen = CASE WHEN excluded.last_seen > functions.last_seen"
            + " THEN excluded.last_seen ELSE functions.last_seen END,"
            + " invocations = functions.invocations + excluded.invocations,"
            + " errors = functions.errors + excluded.errors,"
            + " cold_starts = functions.cold_starts + excluded.cold_starts";

    private static final String UPSERT_DURATION = "INSERT INTO function_durations (tenant, function_name, bucket, hits)"
            + " VALUES (:tenant, :name, :bucket, :hits) ON CONFLICT (tenant, function_name, bucket)"
            + " DO UPDATE SET hits = function_durations.hits + excluded.hits";

    private static final String UPSERT_TRIGGER = "INSERT INTO function_triggers (tenant, function_name, trigger_type,"
            + " hits, last_seen) VALUES (:tenant, :name, :key, :hits, :last)"
            + " ON CONFLICT (tenant, function_name, trigger_type) DO UPDATE SET"
            + " hits = function_triggers.hits + excluded.hits, last_seen = CASE WHEN excluded.last_seen >"
            + " function_triggers.last_seen THEN excluded.last_seen ELSE function_triggers.last_seen END";

    private static final String UPSERT_EGRESS = "INSERT INTO function_egress (tenant, function_name, destination,"
            + " hits, last_seen) VALUES (:tenant, :name, :key, :hits, :last)"
            + " ON CONFLICT (tenant, function_name, destination) DO UPDATE SET"
            + " hits = function_egress.hits + excluded.hits, last_seen = CASE WHEN excluded.last_seen >"
            + " function_egress.last_seen THEN excluded.last_seen ELSE function_egress.last_seen END";

    private final Jdbi jdbi;

    /** The inventory in {@code database}. */
    public FunctionStore(Database database) {
        this.jdbi = database.jdbi();
    }

    /** Adds one function's activity to the inventory. */
    public void record(FunctionActivity activity) {
        record(List.of(activity));
    }

    /** Adds several functions' activity to the inventory, in one transaction. Empty activities are skipped. */
    public void record(Collection<FunctionActivity> activities) {
        jdbi.useTransaction(handle -> {
            for (FunctionActivity a : activities) {
                if (!a.isEmpty()) {
                    recordIn(handle, a);
                }
            }
        });
    }

    private static void recordIn(Handle handle, FunctionActivity a) {
        handle.createUpdate(UPSERT_FUNCTION)
                .bind("tenant", a.tenant())
                .bind("name", a.name())
                .bind("runtime", a.runtime())
                .bind("region", a.region())
                .bind("account", a.account())
                .bind("first", a.firstSeen())
                .bind("last", a.lastSeen())
                .bind("invocations", a.invocations())
                .bind("errors", a.errors())
                .bind("cold", a.coldStarts())
                .execute();
        if (!a.durations().buckets().isEmpty()) {
            PreparedBatch batch = handle.prepareBatch(UPSERT_DURATION);
            a.durations()
                    .buckets()
                    .forEach((bucket, hits) -> batch.bind("tenant", a.tenant())
                            .bind("name", a.name())
                            .bind("bucket", bucket)
                            .bind("hits", hits)
                            .add());
            batch.execute();
        }
        upsertCounts(handle, UPSERT_TRIGGER, a, a.triggers());
        upsertCounts(handle, UPSERT_EGRESS, a, a.egress());
    }

    private static void upsertCounts(Handle handle, String sql, FunctionActivity a, Map<String, Long> counts) {
        if (counts.isEmpty()) {
            return;
        }
        PreparedBatch batch = handle.prepareBatch(sql);
        counts.forEach((key, hits) -> batch.bind("tenant", a.tenant())
                .bind("name", a.name())
                .bind("key", key)
                .bind("hits", hits)
                .bind("last", a.lastSeen())
                .add());
        batch.execute();
    }

    /** Every function of a tenant, most recently seen first. */
    public List<FunctionSummary> list(String tenant) {
        String t = tenantOrDefault(tenant);
        return jdbi.withHandle(handle -> {
            Map<String, DurationHistogram> durations = new HashMap<>();
            handle.createQuery("SELECT function_name, bucket, hits FROM function_durations WHERE tenant = :tenant")
                    .bind("tenant", t)
                    .map((rs, ctx) -> {
                        durations
                                .computeIfAbsent(rs.getString("function_name"), k -> new DurationHistogram())
                                .addToBucket(rs.getInt("bucket"), rs.getLong("hits"));
                        return 0;
                    })
                    .list();
            Map<String, Map<String, Long>> triggers = counts(handle, "function_triggers", "trigger_type", t);
            Map<String, Map<String, Long>> egress = counts(handle, "function_egress", "destination", t);
            return handle.createQuery("SELECT * FROM functions WHERE tenant = :tenant ORDER BY last_seen DESC, name")
                    .bind("tenant", t)
                    .map((rs, ctx) -> {
                        String name = rs.getString("name");
                        DurationHistogram h = durations.getOrDefault(name, new DurationHistogram());
                        return new FunctionSummary(
                                t,
                                name,
                                rs.getString("runtime"),
                                rs.getString("region"),
                                rs.getString("account"),
                                rs.getLong("first_seen"),
                                rs.getLong("last_seen"),
                                rs.getLong("invocations"),
                                rs.getLong("errors"),
                                rs.getLong("cold_starts"),
                                h.percentile(0.5),
                                h.percentile(0.99),
                                triggers.getOrDefault(name, Map.of()),
                                egress.getOrDefault(name, Map.of()));
                    })
                    .list();
        });
    }

    /** One function of a tenant. */
    public Optional<FunctionSummary> get(String tenant, String name) {
        return list(tenant).stream().filter(f -> f.name().equals(name)).findFirst();
    }

    /** The duration histogram of one function (empty when unknown). */
    public DurationHistogram durations(String tenant, String name) {
        DurationHistogram h = new DurationHistogram();
        jdbi.useHandle(handle -> handle.createQuery("SELECT bucket, hits FROM function_durations"
                        + " WHERE tenant = :tenant AND function_name = :name")
                .bind("tenant", tenantOrDefault(tenant))
                .bind("name", name)
                .map((rs, ctx) -> {
                    h.addToBucket(rs.getInt("bucket"), rs.getLong("hits"));
                    return 0;
                })
                .list());
        return h;
    }

    // table and column names are constants chosen by this class, never input
    private static Map<String, Map<String, Long>> counts(Handle handle, String table, String keyColumn, String tenant) {
        Map<String, Map<String, Long>> byFunction = new HashMap<>();
        handle.createQuery(
                        "SELECT function_name, " + keyColumn + " AS k, hits FROM " + table + " WHERE tenant = :tenant")
                .bind("tenant", tenant)
                .map((rs, ctx) -> byFunction
                        .computeIfAbsent(rs.getString("function_name"), k -> new HashMap<>())
                        .put(rs.getString("k"), rs.getLong("hits")))
                .list();
        return byFunction;
    }

    private static String tenantOrDefault(String tenant) {
        return tenant == null || tenant.isBlank() ? Tenants.DEFAULT : tenant;
    }
}
