package dev.vigil.server.store;

import dev.vigil.core.Severity;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.StatementContext;

/** Posture findings, one scan run per upload. Runs are immutable once stored. */
public final class FindingStore {

    private static final String RUN_COLUMNS = "id, tenant, label, uploaded_by, uploaded_at, finding_count";

    private final Jdbi jdbi;
    private final Clock clock;

    /** Findings in {@code database}. */
    public FindingStore(Database database) {
        this(database, Clock.systemUTC());
    }

    /** Findings in {@code database}, timestamped by {@code clock}. */
    public FindingStore(Database database, Clock clock) {
        this.jdbi = database.jdbi();
        this.clock = clock;
    }

    /**
     * Stores one upload and its findings in one transaction.
     *
     * @return the new run
     */
    public ScanRun upload(String tenant, String label, String uploadedBy, List<Finding> findings) {
        String t = tenant == null || tenant.isBlank() ? Tenants.DEFAULT : tenant;
        long now = clock.millis();
        return jdbi.inTransaction(handle -> {
            long runId = handle.createQuery("INSERT INTO scan_runs (tenant, label, uploaded_by, uploaded_at,"
                            + " finding_count) VALUES (:tenant, :label, :by, :now, :count) RETURNING id")
                    .bind("tenant", t)
                    .bind("label", label)
                    .bind("by", uploadedBy)
                    .bind("now", now)
                    .bind("count", findings.size())
                    .mapTo(Long.class)
                    .one();
            if (!findings.isEmpty()) {
                PreparedBatch batch = handle.prepareBatch("INSERT INTO findings (run_id, check_id, severity,"
                        + " severity_rank, file, line, subject, message, fingerprint) VALUES (:run, :check,"
                        + " :severity, :rank, :file, :line, :subject, :message, :fingerprint)");
                for (Finding f : findings) {
                    batch.bind("run", runId)
                            .bind("check", f.checkId())
                            .bind("severity", f.severity().id())
                            .bind("rank", f.severity().ocsfId())
                            .bind("file", f.file())
                            .bind("line", f.line())
                            .bind("subject", f.subject())
                            .bind("message", f.message())
                            .bind("fingerprint", f.fingerprint())
                            .add();
                }
                batch.execute();
            }
            return new ScanRun(runId, t, label, uploadedBy, now, findings.size());
        });
    }

    /** The latest runs of a tenant, newest first. */
    public List<ScanRun> runs(String tenant, int limit) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT " + RUN_COLUMNS
                        + " FROM scan_runs WHERE tenant = :tenant ORDER BY id DESC LIMIT :limit")
                .bind("tenant", tenant == null || tenant.isBlank() ? Tenants.DEFAULT : tenant)
                .bind("limit", limit)
                .map(FindingStore::mapRun)
                .list());
    }

    /** One run. */
    public Optional<ScanRun> run(long runId) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT " + RUN_COLUMNS + " FROM scan_runs WHERE id = :id")
                .bind("id", runId)
                .map(FindingStore::mapRun)
                .findOne());
    }

    /**
     * The findings of a run at or above {@code minSeverity} ({@code null}: all), most severe first, then in upload
     * order; {@code offset}/{@code limit} page through them.
     */
    public List<StoredFinding> findings(long runId, Severity minSeverity, int offset, int limit) {
        int minRank = minSeverity == null ? 0 : minSeverity.ocsfId();
        return jdbi.withHandle(handle -> handle.createQuery("SELECT id, run_id, check_id, severity, file, line,"
                        + " subject, message, fingerprint FROM findings WHERE run_id = :run AND severity_rank >= :rank"
                        + " ORDER BY severity_rank DESC, id LIMIT :limit OFFSET :offset")
                .bind("run", runId)
                .bind("rank", minRank)
                .bind("limit", limit)
                .bind("offset", offset)
                .map(FindingStore::mapFinding)
                .list());
    }

    /** The findings of run {@code runId} whose fingerprint is absent from run {@code baselineRunId} (new findings). */
    public List<StoredFinding> newSince(long runId, long baselineRunId) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT id, run_id, check_id, severity, file, line,"
                        + " subject, message, fingerprint FROM findings f WHERE run_id = :run AND NOT EXISTS"
                        + " (SELECT 1 FROM findings b WHERE b.run_id = :baseline AND b.fingerprint = f.fingerprint)"
                        + " ORDER BY severity_rank DESC, id")
                .bind("run", runId)
                .bind("baseline", baselineRunId)
                .map(FindingStore::mapFinding)
                .list());
    }

    private static ScanRun mapRun(ResultSet rs, StatementContext ctx) throws SQLException {
        return new ScanRun(
                rs.getLong("id"),
                rs.getString("tenant"),
                rs.getString("label"),
                rs.getString("uploaded_by"),
                rs.getLong("uploaded_at"),
                rs.getInt("finding_count"));
    }

    private static StoredFinding mapFinding(ResultSet rs, StatementContext ctx) throws SQLException {
        int line = rs.getInt("line");
        Integer lineOrNull = rs.wasNull() ? null : line;
        return new StoredFinding(
                rs.getLong("id"),
                rs.getLong("run_id"),
                new Finding(
                        rs.getString("check_id"),
                        Severity.parse(rs.getString("severity")),
                        rs.getString("file"),
                        lineOrNull,
                        rs.getString("subject"),
                        rs.getString("message"),
                        rs.getString("fingerprint")));
    }
}
