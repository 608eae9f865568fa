package dev.vigil.server.store;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
        return jdbi.withHandle(handle -> load(handle, tenantOrDefault(tenant), null));
    }

    /** One function of a tenant. */
    public Optional<FunctionSummary> get(String tenant, String name) {
        Objects.requireNonNull(name, "name");
        return jdbi.withHandle(handle -> load(handle, tenantOrDefault(tenant), name)).stream()
                .findFirst();
    }

    /** The duration histogram of one function (empty when unknown). */
    public DurationHistogram durations(String tenant, String name) {
        return jdbi.withHandle(handle -> histograms(handle, tenantOrDefault(tenant), name))
                .getOrDefault(name, new DurationHistogram());
    }

    /** The functions of a tenant, or only the one named {@code name} when it is not {@code null}. */
    private static List<FunctionSummary> load(Handle handle, String tenant, String name) {
        Map<String, DurationHistogram> durations = histograms(handle, tenant, name);
        Map<String, Map<String, Long>> triggers = counts(handle, CountTable.TRIGGERS, tenant, name);
        Map<String, Map<String, Long>> egress = counts(handle, CountTable.EGRESS, tenant, name);
        return handle.createQuery("SELECT * FROM functions WHERE tenant = :tenant"
                        + (name == null ? "" : " AND name = :name")
                        + " ORDER BY last_seen DESC, name")
                .bindMap(filter(tenant, name))
                .map((rs, ctx) -> {
                    String function = rs.getString("name");
                    DurationHistogram h = durations.getOrDefault(function, new DurationHistogram());
                    return new FunctionSummary(
                            tenant,
                            function,
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
                            triggers.getOrDefault(function, Map.of()),
                            egress.getOrDefault(function, Map.of()));
                })
                .list();
    }

    private static Map<String, DurationHistogram> histograms(Handle handle, String tenant, String name) {
        Map<String, DurationHistogram> byFunction = new HashMap<>();
        handle.createQuery("SELECT function_name, bucket, hits FROM function_durations WHERE tenant = :tenant"
                        + (name == null ? "" : " AND function_name = :name"))
                .bindMap(filter(tenant, name))
                .map((rs, ctx) -> new BucketRow(rs.getString("function_name"), rs.getInt("bucket"), rs.getLong("hits")))
                .forEach(row -> byFunction
                        .computeIfAbsent(row.function(), k -> new DurationHistogram())
                        .addToBucket(row.bucket(), row.hits()));
        return byFunction;
    }

    private static Map<String, Map<String, Long>> counts(Handle handle, CountTable table, String tenant, String name) {
        Map<String, Map<String, Long>> byFunction = new HashMap<>();
        handle.createQuery("SELECT function_name, " + table.keyColumn + " AS k, hits FROM " + table.table
                        + " WHERE tenant = :tenant" + (name == null ? "" : " AND function_name = :name"))
                .bindMap(filter(tenant, name))
                .map((rs, ctx) -> new CountRow(rs.getString("function_name"), rs.getString("k"), rs.getLong("hits")))
                .forEach(row -> byFunction
                        .computeIfAbsent(row.function(), k -> new HashMap<>())
                        .put(row.key(), row.hits()));
        return byFunction;
    }

    private static Map<String, Object> filter(String tenant, String name) {
        return name == null ? Map.of("tenant", tenant) : Map.of("tenant", tenant, "name", name);
    }

    /** The per-function count tables; their names are constants, never input. */
    private enum CountTable {
        TRIGGERS("function_triggers", "trigger_type"),
        EGRESS("function_egress", "destination");

        private final String table;
        private final String keyColumn;

        CountTable(String table, String keyColumn) {
            this.table = table;
            this.keyColumn = keyColumn;
        }
    }

    private record CountRow(String function, String key, long hits) {}

    private record BucketRow(String function, int bucket, long hits) {}

    private static String tenantOrDefault(String tenant) {
        return tenant == null || tenant.isBlank() ? Tenants.DEFAULT : tenant;
    }
}
