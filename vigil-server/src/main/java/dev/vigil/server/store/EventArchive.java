package dev.vigil.server.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Raw events, bounded by age and by count. The server calls {@link #deleteReceivedBefore} and {@link #keepNewest}
 * periodically; both delete in chunks of {@value #DELETE_CHUNK} rows so a large purge never holds SQLite's write
 * lock for long.
 */
public final class EventArchive {

    /** Rows deleted per statement by the retention methods. */
    public static final int DELETE_CHUNK = 5_000;

    private static final String COLUMNS = "id, tenant, log_offset, received_at, event_time, function_name, kind, body";

    private final Jdbi jdbi;

    /** The archive in {@code database}. */
    public EventArchive(Database database) {
        this.jdbi = database.jdbi();
    }

    /** Stores events in one transaction. */
    public void append(Collection<ArchivedEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        jdbi.useTransaction(handle -> {
            PreparedBatch batch = handle.prepareBatch("INSERT INTO events (tenant, log_offset, received_at,"
                    + " event_time, function_name, kind, body) VALUES (:tenant, :offset, :received, :time,"
                    + " :function, :kind, :body)");
            for (ArchivedEvent e : events) {
                batch.bind("tenant", e.tenant())
                        .bind("offset", e.logOffset())
                        .bind("received", e.receivedAt())
                        .bind("time", e.eventTime())
                        .bind("function", e.functionName())
                        .bind("kind", e.kind())
                        .bind("body", e.body())
                        .add();
            }
            batch.execute();
        });
    }

    /** The archived event with this log offset (e.g. an alert's first event), if it is still kept. */
    public Optional<ArchivedEvent> byLogOffset(long logOffset) {
        return jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT " + COLUMNS + " FROM events WHERE log_offset = :offset ORDER BY id LIMIT 1")
                .bind("offset", logOffset)
                .map(EventArchive::map)
                .findOne());
    }

    /** The newest events of one function, newest first. */
    public List<ArchivedEvent> recent(String tenant, String functionName, int limit) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT " + COLUMNS + " FROM events WHERE tenant = :tenant"
                        + " AND function_name = :function ORDER BY id DESC LIMIT :limit")
                .bind("tenant", tenant == null || tenant.isBlank() ? Tenants.DEFAULT : tenant)
                .bind("function", functionName)
                .bind("limit", limit)
                .map(EventArchive::map)
                .list());
    }

    /** How many events are kept. */
    public long count() {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT COUNT(*) FROM events")
                .mapTo(Long.class)
                .one());
    }

    /**
     * Deletes events received before {@code cutoffMillis} (e.g. now minus the retention days).
     *
     * @return how many were deleted
     */
    public long deleteReceivedBefore(long cutoffMillis) {
        return deleteInChunks(
                "DELETE FROM events WHERE id IN (SELECT id FROM events WHERE received_at < :cutoff"
                        + " ORDER BY id LIMIT :chunk)",
                cutoffMillis);
    }

    /**
     * Deletes all but the newest {@code maxRows} events (by insertion order).
     *
     * @return how many were deleted
     */
    public long keepNewest(long maxRows) {
        if (maxRows < 0) {
            throw new IllegalArgumentException("maxRows must not be negative");
        }
        Optional<Long> oldestKept = jdbi.withHandle(
                handle -> handle.createQuery("SELECT id FROM events ORDER BY id DESC LIMIT 1 OFFSET :skip")
                        .bind("skip", Math.max(0, maxRows - 1))
                        .mapTo(Long.class)
                        .findOne());
        if (oldestKept.isEmpty()) {
            return 0;
        }
        long boundary = maxRows == 0 ? oldestKept.get() + 1 : oldestKept.get();
        return deleteInChunks(
                "DELETE FROM events WHERE id IN (SELECT id FROM events WHERE id < :cutoff ORDER BY id LIMIT :chunk)",
                boundary);
    }

    private long deleteInChunks(String sql, long cutoff) {
        long total = 0;
        while (true) {
            int deleted = jdbi.withHandle(handle -> handle.createUpdate(sql)
                    .bind("cutoff", cutoff)
                    .bind("chunk", DELETE_CHUNK)
                    .execute());
            total += deleted;
            if (deleted < DELETE_CHUNK) {
                return total;
            }
        }
    }

    private static ArchivedEvent map(ResultSet rs, StatementContext ctx) throws SQLException {
        long offset = rs.getLong("log_offset");
        Long offsetOrNull = rs.wasNull() ? null : offset;
        return new ArchivedEvent(
                rs.getLong("id"),
                rs.getString("tenant"),
                offsetOrNull,
                rs.getLong("received_at"),
                rs.getLong("event_time"),
                rs.getString("function_name"),
                rs.getString("kind"),
                rs.getString("body"));
    }
}
