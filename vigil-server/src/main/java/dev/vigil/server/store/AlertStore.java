package dev.vigil.server.store;

import dev.vigil.core.Severity;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Alerts: grouping, idempotent recording and triage.
 *
 * <p><b>Grouping.</b> A detection joins the latest unresolved alert with the same tenant, rule, function and source
 * whose detections lie within the group window of it (a sliding window: a steady trickle keeps one alert growing);
 * otherwise it opens a new alert. Acknowledged alerts keep counting; a resolved alert is closed for good and the next
 * detection opens a new one.
 *
 * <p><b>Idempotence.</b> Every applied detection leaves a row keyed by (event offset, rule id) in {@code
 * alert_detections}, written in the same transaction as the alert change. Replaying a log offset therefore changes
 * nothing, even after a crash between the store commit and the pipeline's position commit. Detections should be
 * recorded by one pipeline thread per group (as a partitioned consumer does); concurrent writers stay correct for
 * idempotence but may, on PostgreSQL, open two alerts for the same group at once.
 */
public final class AlertStore {

    /** The default group window. */
    public static final Duration DEFAULT_GROUP_WINDOW = Duration.ofMinutes(15);

    private static final String COLUMNS = "id, tenant, rule_id, rule_title, severity, function_name, source, status,"
            + " assignee, event_count, first_seen, last_seen, first_event_offset, evidence, created_at, updated_at,"
            + " resolved_at";

    private final Jdbi jdbi;
    private final long windowMillis;
    private final Clock clock;

    /** An alert store grouping within {@link #DEFAULT_GROUP_WINDOW}. */
    public AlertStore(Database database) {
        this(database, DEFAULT_GROUP_WINDOW, Clock.systemUTC());
    }

    /**
     * @param database the database
     * @param groupWindow how close in time detections must be to share an alert
     * @param clock the clock for {@code created_at}/{@code updated_at}
     */
    public AlertStore(Database database, Duration groupWindow, Clock clock) {
        this.jdbi = database.jdbi();
        this.windowMillis = groupWindow.toMillis();
        this.clock = clock;
        if (windowMillis < 0) {
            throw new IllegalArgumentException("group window must not be negative");
        }
    }

    /**
     * Records a detection: adds it to its group's alert or opens a new alert, once per (event offset, rule).
     *
     * @return the alert it went to, and whether it was new or a replay
     */
    public RecordedDetection record(Detection detection) {
        Objects.requireNonNull(detection, "detection");
        return recordAll(List.of(detection)).get(0);
    }

    /**
     * Records detections in order, in one transaction (the pipeline's batch: one commit instead of one per
     * detection). Same grouping and idempotence as {@link #record}.
     *
     * @return what happened to each detection, in the same order
     */
    public List<RecordedDetection> recordAll(List<Detection> detections) {
        for (int attempt = 0; ; attempt++) {
            try {
                return jdbi.inTransaction(handle -> {
                    List<RecordedDetection> results = new ArrayList<>(detections.size());
                    for (Detection d : detections) {
                        results.add(recordIn(handle, d));
                    }
                    return results;
                });
            } catch (ConcurrentReplay e) {
                if (attempt > 0) {
                    throw new IllegalStateException("detections recorded concurrently twice", e);
                }
                // Another writer recorded one of them meanwhile; the retry sees its row.
            }
        }
    }

    private RecordedDetection recordIn(Handle handle, Detection d) {
        Optional<Long> previous = handle.createQuery(
                        "SELECT alert_id FROM alert_detections WHERE event_offset = :offset AND rule_id = :rule")
                .bind("offset", d.eventOffset())
                .bind("rule", d.ruleId())
                .mapTo(Long.class)
                .findOne();
        if (previous.isPresent()) {
            return new RecordedDetection(previous.get(), false, true);
        }
        long now = clock.millis();
        Optional<Long> group = handle.createQuery("SELECT id FROM alerts WHERE tenant = :tenant AND rule_id = :rule"
                        + " AND function_name = :function AND source = :source AND status <> :resolved"
                        + " AND last_seen >= :earliest AND first_seen <= :latest ORDER BY last_seen DESC, id DESC"
                        + " LIMIT 1")
                .bind("tenant", d.tenant())
                .bind("rule", d.ruleId())
                .bind("function", d.functionName())
                .bind("source", d.source())
                .bind("resolved", AlertStatus.RESOLVED.id())
                .bind("earliest", d.timeMillis() - windowMillis)
                .bind("latest", d.timeMillis() + windowMillis)
                .mapTo(Long.class)
                .findOne();
        long alertId;
        if (group.isPresent()) {
            alertId = group.get();
            handle.createUpdate("UPDATE alerts SET event_count = event_count + 1,"
                            + " first_seen = CASE WHEN :time < first_seen THEN :time ELSE first_seen END,"
                            + " last_seen = CASE WHEN :time > last_seen THEN :time ELSE last_seen END,"
                            + " updated_at = :now WHERE id = :id")
                    .bind("time", d.timeMillis())
                    .bind("now", now)
                    .bind("id", alertId)
                    .execute();
        } else {
            alertId = handle.createQuery("INSERT INTO alerts (tenant, rule_id, rule_title, severity, severity_rank,"
                            + " function_name, source, status, event_count, first_seen, last_seen,"
                            + " first_event_offset, evidence, created_at, updated_at) VALUES (:tenant, :rule,"
                            + " :title, :severity, :rank, :function, :source, :status, 1, :time, :time, :offset,"
                            + " :evidence, :now, :now) RETURNING id")
                    .bind("tenant", d.tenant())
                    .bind("rule", d.ruleId())
                    .bind("title", d.ruleTitle())
                    .bind("severity", d.severity().id())
                    .bind("rank", d.severity().ocsfId())
                    .bind("function", d.functionName())
                    .bind("source", d.source())
                    .bind("status", AlertStatus.OPEN.id())
                    .bind("time", d.timeMillis())
                    .bind("offset", d.eventOffset())
                    .bind("evidence", d.evidence())
                    .bind("now", now)
                    .mapTo(Long.class)
                    .one();
        }
        int inserted = handle.createUpdate("INSERT INTO alert_detections (event_offset, rule_id, alert_id,"
                        + " detected_at) VALUES (:offset, :rule, :alert, :time) ON CONFLICT DO NOTHING")
                .bind("offset", d.eventOffset())
                .bind("rule", d.ruleId())
                .bind("alert", alertId)
                .bind("time", d.timeMillis())
                .execute();
        if (inserted == 0) {
            throw new ConcurrentReplay();
        }
        return new RecordedDetection(alertId, group.isEmpty(), false);
    }

    /** The alert with this id. */
    public Optional<Alert> get(long id) {
        return jdbi.withHandle(handle -> find(handle, id));
    }

    private static Optional<Alert> find(Handle handle, long id) {
        return handle.createQuery("SELECT " + COLUMNS + " FROM alerts WHERE id = :id")
                .bind("id", id)
                .map(AlertStore::mapAlert)
                .findOne();
    }

    /** One page of the alerts matching {@code query}, newest-created first. */
    public AlertPage list(AlertQuery query) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM alerts WHERE 1 = 1");
        if (query.tenant() != null) {
            sql.append(" AND tenant = :tenant");
        }
        if (!query.statuses().isEmpty()) {
            sql.append(" AND status IN (<statuses>)");
        }
        if (!query.severities().isEmpty()) {
            sql.append(" AND severity IN (<severities>)");
        }
        if (query.functionName() != null) {
            sql.append(" AND function_name = :function");
        }
        if (query.ruleId() != null) {
            sql.append(" AND rule_id = :rule");
        }
        if (query.fromMillis() != null) {
            sql.append(" AND last_seen >= :from");
        }
        if (query.toMillis() != null) {
            sql.append(" AND first_seen < :to");
        }
        if (query.afterId() != null) {
            sql.append(" AND id < :after");
        }
        sql.append(" ORDER BY id DESC LIMIT :limit");
        List<Alert> rows = jdbi.withHandle(handle -> {
            Query q = handle.createQuery(sql.toString()).bind("limit", query.limit() + 1);
            if (query.tenant() != null) {
                q.bind("tenant", query.tenant());
            }
            if (!query.statuses().isEmpty()) {
                q.bindList(
                        "statuses",
                        query.statuses().stream().map(AlertStatus::id).sorted().toList());
            }
            if (!query.severities().isEmpty()) {
                q.bindList(
                        "severities",
                        query.severities().stream().map(Severity::id).sorted().toList());
            }
            if (query.functionName() != null) {
                q.bind("function", query.functionName());
            }
            if (query.ruleId() != null) {
                q.bind("rule", query.ruleId());
            }
            if (query.fromMillis() != null) {
                q.bind("from", query.fromMillis());
            }
            if (query.toMillis() != null) {
                q.bind("to", query.toMillis());
            }
            if (query.afterId() != null) {
                q.bind("after", query.afterId());
            }
            return q.map(AlertStore::mapAlert).list();
        });
        if (rows.size() <= query.limit()) {
            return new AlertPage(rows, null);
        }
        List<Alert> page = new ArrayList<>(rows.subList(0, query.limit()));
        return new AlertPage(page, page.get(page.size() - 1).id());
    }

    /**
     * Moves an alert to {@code next}.
     *
     * @return the updated alert, or empty when there is no such alert
     * @throws IllegalArgumentException when the move is not allowed (see {@link AlertStatus#canMoveTo})
     */
    public Optional<Alert> setStatus(long id, AlertStatus next) {
        Objects.requireNonNull(next, "next");
        return jdbi.inTransaction(handle -> {
            Optional<Alert> current = find(handle, id);
            if (current.isEmpty()) {
                return current;
            }
            AlertStatus from = current.get().status();
            if (!from.canMoveTo(next)) {
                throw new IllegalArgumentException(
                        "alert " + id + " cannot move from " + from.id() + " to " + next.id());
            }
            if (from != next) {
                long now = clock.millis();
                handle.createUpdate("UPDATE alerts SET status = :status, updated_at = :now,"
                                + " resolved_at = CASE WHEN :resolved THEN :now ELSE resolved_at END WHERE id = :id")
                        .bind("status", next.id())
                        .bind("now", now)
                        .bind("resolved", next == AlertStatus.RESOLVED)
                        .bind("id", id)
                        .execute();
            }
            return find(handle, id);
        });
    }

    /**
     * Assigns an alert to someone, or unassigns it with {@code null}.
     *
     * @return the updated alert, or empty when there is no such alert
     */
    public Optional<Alert> assign(long id, String assignee) {
        return jdbi.inTransaction(handle -> {
            int updated = handle.createUpdate(
                            "UPDATE alerts SET assignee = :assignee, updated_at = :now WHERE id = :id")
                    .bind("assignee", assignee == null || assignee.isBlank() ? null : assignee)
                    .bind("now", clock.millis())
                    .bind("id", id)
                    .execute();
            return updated == 0 ? Optional.<Alert>empty() : find(handle, id);
        });
    }

    /**
     * Adds a note to an alert.
     *
     * @return the note, or empty when there is no such alert
     */
    public Optional<AlertNote> addNote(long alertId, String author, String body) {
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(body, "body");
        return jdbi.inTransaction(handle -> {
            if (find(handle, alertId).isEmpty()) {
                return Optional.<AlertNote>empty();
            }
            long now = clock.millis();
            long noteId = handle.createQuery("INSERT INTO alert_notes (alert_id, author, body, created_at)"
                            + " VALUES (:alert, :author, :body, :now) RETURNING id")
                    .bind("alert", alertId)
                    .bind("author", author)
                    .bind("body", body)
                    .bind("now", now)
                    .mapTo(Long.class)
                    .one();
            handle.createUpdate("UPDATE alerts SET updated_at = :now WHERE id = :id")
                    .bind("now", now)
                    .bind("id", alertId)
                    .execute();
            return Optional.of(new AlertNote(noteId, alertId, author, body, now));
        });
    }

    /** The notes on an alert, oldest first. */
    public List<AlertNote> notes(long alertId) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT id, alert_id, author, body, created_at"
                        + " FROM alert_notes WHERE alert_id = :alert ORDER BY id")
                .bind("alert", alertId)
                .map((rs, ctx) -> new AlertNote(
                        rs.getLong("id"),
                        rs.getLong("alert_id"),
                        rs.getString("author"),
                        rs.getString("body"),
                        rs.getLong("created_at")))
                .list());
    }

    /** How many alerts of a tenant ({@code null}: all) are in each status; every status is present. */
    public Map<AlertStatus, Long> countByStatus(String tenant) {
        Map<AlertStatus, Long> counts = new EnumMap<>(AlertStatus.class);
        for (AlertStatus s : AlertStatus.values()) {
            counts.put(s, 0L);
        }
        String where = tenant == null ? "" : " WHERE tenant = :tenant";
        jdbi.useHandle(handle -> handle.createQuery(
                        "SELECT status, COUNT(*) AS n FROM alerts" + where + " GROUP BY status")
                .bindMap(tenant == null ? Map.of() : Map.of("tenant", tenant))
                .map((rs, ctx) -> Map.entry(AlertStatus.parse(rs.getString("status")), rs.getLong("n")))
                .forEach(e -> counts.put(e.getKey(), e.getValue())));
        return counts;
    }

    /**
     * Alerts per severity per time bucket, by the time of their last detection within {@code [from, to)}, oldest
     * bucket first.
     *
     * @param tenant only this tenant, or {@code null} for all
     * @param bucketMillis bucket width, e.g. one hour
     */
    public List<AlertCount> countsOverTime(String tenant, long fromMillis, long toMillis, long bucketMillis) {
        if (bucketMillis <= 0) {
            throw new IllegalArgumentException("bucket width must be positive");
        }
        String where = tenant == null ? "" : " AND tenant = :tenant";
        return jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT bucket, severity, COUNT(*) AS n, SUM(event_count) AS detections"
                                + " FROM (SELECT (last_seen / :width) * :width AS bucket, severity, event_count FROM alerts"
                                + " WHERE last_seen >= :from AND last_seen < :to" + where + ") bucketed"
                                + " GROUP BY bucket, severity ORDER BY bucket, severity")
                .bind("width", bucketMillis)
                .bind("from", fromMillis)
                .bind("to", toMillis)
                .bindMap(tenant == null ? Map.of() : Map.of("tenant", tenant))
                .map((rs, ctx) -> new AlertCount(
                        rs.getLong("bucket"),
                        Severity.parse(rs.getString("severity")),
                        rs.getLong("n"),
                        rs.getLong("detections")))
                .list());
    }

    /** The functions with the most unresolved alerts, most first (ties by name); function name to alert count. */
    public Map<String, Long> topFunctions(String tenant, int limit) {
        String where = tenant == null ? "" : " AND tenant = :tenant";
        Map<String, Long> top = new LinkedHashMap<>();
        jdbi.useHandle(handle -> handle.createQuery("SELECT function_name, COUNT(*) AS n FROM alerts"
                        + " WHERE status <> :resolved" + where
                        + " GROUP BY function_name ORDER BY n DESC, function_name LIMIT :limit")
                .bind("resolved", AlertStatus.RESOLVED.id())
                .bind("limit", limit)
                .bindMap(tenant == null ? Map.of() : Map.of("tenant", tenant))
                .map((rs, ctx) -> Map.entry(rs.getString("function_name"), rs.getLong("n")))
                .forEach(e -> top.put(e.getKey(), e.getValue())));
        return top;
    }

    private static Alert mapAlert(ResultSet rs, StatementContext ctx) throws SQLException {
        long resolvedAt = rs.getLong("resolved_at");
        Long resolved = rs.wasNull() ? null : resolvedAt;
        return new Alert(
                rs.getLong("id"),
                rs.getString("tenant"),
                rs.getString("rule_id"),
                rs.getString("rule_title"),
                Severity.parse(rs.getString("severity")),
                rs.getString("function_name"),
                rs.getString("source"),
                AlertStatus.parse(rs.getString("status")),
                rs.getString("assignee"),
                rs.getLong("event_count"),
                rs.getLong("first_seen"),
                rs.getLong("last_seen"),
                rs.getLong("first_event_offset"),
                rs.getString("evidence"),
                rs.getLong("created_at"),
                rs.getLong("updated_at"),
                resolved);
    }

    /** Rolls back a transaction that lost a race to record the same detection. */
    private static final class ConcurrentReplay extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ConcurrentReplay() {
            super(null, null, false, false);
        }
    }
}
