package dev.vigil.server.pipeline;

import static dev.vigil.server.pipeline.Events.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.core.Severity;
import dev.vigil.server.store.Alert;
import dev.vigil.server.store.FunctionSummary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PipelineTest {
    @TempDir
    Path dir;

    PipelineHarness h;

    @BeforeEach
    void open() throws IOException {
        h = new PipelineHarness(dir);
    }

    @AfterEach
    void close() throws IOException {
        h.close();
    }

    @Test
    void shieldFindingRaisesBuiltInShieldRuleAlert() throws Exception {
        h.append(
                Events.invocation(T0, "orders", 5_000, false, false),
                Events.blockedFinding(T0 + 1, "orders", "203.0.113.7"));

        h.pipeline().runUntilCaughtUp();

        List<Alert> alerts = h.alerts("VGL-SH-001");
        assertThat(alerts).hasSize(1);
        Alert alert = alerts.get(0);
        assertThat(alert.severity()).isEqualTo(Severity.HIGH);
        assertThat(alert.functionName()).isEqualTo("orders");
        assertThat(alert.source()).isEqualTo("203.0.113.7");
        assertThat(alert.firstSeen()).isEqualTo(T0 + 1);
        assertThat(alert.firstEventOffset()).isEqualTo(1);
        assertThat(alert.evidence())
                .contains("\"event_offset\":1")
                .contains("\"vigil.evidence\":\"' OR 1=1 --\"")
                .contains("vigil:finding");
        assertThat(h.archive.byLogOffset(1)).hasValueSatisfying(e -> {
            assertThat(e.kind()).isEqualTo("finding");
            assertThat(e.functionName()).isEqualTo("orders");
        });
        assertThat(h.allAlerts()).extracting(Alert::ruleId).containsExactly("VGL-SH-001");
    }

    @Test
    void cloudTrailRecordRaisesBuiltInCloudTrailRuleAlert() throws Exception {
        h.append(
                Events.listFunctions("2026-11-23T07:00:00Z"),
                Events.concurrencyZero(
                        "2026-11-23T07:00:05Z",
                        "arn:aws:lambda:eu-west-1:123456789012:function:orders:prod",
                        "arn:aws:iam::123456789012:user/mallory"));

        Pipeline pipeline = h.pipeline();
        pipeline.runUntilCaughtUp();

        List<Alert> alerts = h.alerts("VGL-CT-005");
        assertThat(alerts).hasSize(1);
        assertThat(alerts.get(0).functionName()).isEqualTo("orders");
        assertThat(alerts.get(0).source()).isEqualTo("arn:aws:iam::123456789012:user/mallory");
        assertThat(alerts.get(0).firstSeen()).isEqualTo(T0 + 5_000);
        assertThat(h.allAlerts()).hasSize(1);
        assertThat(h.archive.byLogOffset(1))
                .hasValueSatisfying(e -> assertThat(e.kind()).isEqualTo("cloudtrail"));
        assertThat(pipeline.stats().parsed()).isEqualTo(2);
    }

    @Test
    void repeatedMatchesGroupIntoOneAlertWithACount() throws Exception {
        for (int i = 0; i < 5; i++) {
            h.append(Events.blockedFinding(T0 + i * 1_000, "orders", "203.0.113.7"));
        }
        h.append(Events.blockedFinding(T0, "orders", "198.51.100.1"));

        Pipeline pipeline = h.pipeline();
        pipeline.runUntilCaughtUp();

        assertThat(h.alerts("VGL-SH-001"))
                .extracting(Alert::source, Alert::count)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("203.0.113.7", 5L),
                        org.assertj.core.groups.Tuple.tuple("198.51.100.1", 1L));
        PipelineStats stats = pipeline.stats();
        assertThat(stats.matched()).isEqualTo(6);
        assertThat(stats.alertsCreated()).isEqualTo(2);
        assertThat(stats.alertsUpdated()).isEqualTo(4);
    }

    @Test
    void restartResumesFromTheCheckpointWithoutReprocessing() throws Exception {
        h.options = h.options.withMaxBatchRecords(2);
        h.append(
                Events.blockedFinding(T0, "orders", "203.0.113.7"),
                Events.blockedFinding(T0 + 1, "orders", "203.0.113.7"),
                Events.invocation(T0 + 2, "orders", 1_000, false, false));
        assertThat(h.pipeline().runUntilCaughtUp()).isEqualTo(2);
        assertThat(h.position().committed()).isEqualTo(OptionalLong.of(3));

        Pipeline restarted = h.pipeline();
        assertThat(restarted.runUntilCaughtUp()).isZero();
        h.append(Events.blockedFinding(T0 + 3, "orders", "203.0.113.7"));
        assertThat(restarted.runUntilCaughtUp()).isEqualTo(1);

        assertThat(restarted.stats().recordsRead()).isEqualTo(1);
        assertThat(restarted.stats().replayed()).isZero();
        assertThat(h.alerts("VGL-SH-001"))
                .singleElement()
                .extracting(Alert::count)
                .isEqualTo(3L);
        assertThat(h.functions.get("default", "orders"))
                .hasValueSatisfying(f -> assertThat(f.invocations()).isEqualTo(1));
    }

    @Test
    void replayingABatchWhoseCheckpointWasNotCommittedChangesNoAlertCounts() throws Exception {
        h.append(
                Events.blockedFinding(T0, "orders", "203.0.113.7"),
                Events.blockedFinding(T0 + 1, "orders", "203.0.113.7"),
                Events.concurrencyZero("2026-11-23T07:00:05Z", "orders", "arn:aws:iam::123456789012:user/m"));
        h.pipeline().runUntilCaughtUp();
        List<Alert> before = h.allAlerts();

        // A crash after the store write and before the position commit: the position is still at the start.
        Files.delete(h.directory.resolve("position"));
        Pipeline replay = h.pipeline();
        replay.runUntilCaughtUp();

        assertThat(h.allAlerts()).isEqualTo(before);
        assertThat(replay.stats().replayed()).isEqualTo(3);
        assertThat(replay.stats().alertsCreated() + replay.stats().alertsUpdated())
                .isZero();
    }

    @Test
    void aWriteThatFailsAfterStoringIsRetriedWithoutDuplicates() throws Exception {
        h.options = h.options.withRetry(Duration.ofMillis(1), Duration.ofMillis(5));
        h.append(Events.blockedFinding(T0, "orders", "203.0.113.7"), Events.blockedFinding(T0 + 1, "a", "203.0.113.7"));
        BatchWriter store = StoreBatchWriter.of(h.db);
        AtomicInteger calls = new AtomicInteger();
        List<OptionalLong> positionsSeenWhileFailing = new ArrayList<>();
        Pipeline pipeline = h.pipeline(batch -> {
            StoreWriteResult result = store.write(batch);
            if (calls.incrementAndGet() <= 2) {
                try {
                    positionsSeenWhileFailing.add(h.position().committed());
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
                throw new IllegalStateException("connection lost after commit");
            }
            return result;
        });

        pipeline.runUntilCaughtUp();

        assertThat(positionsSeenWhileFailing).containsOnly(OptionalLong.empty());
        assertThat(h.position().committed()).isEqualTo(OptionalLong.of(2));
        assertThat(h.alerts("VGL-SH-001")).extracting(Alert::count).containsExactly(1L, 1L);
        PipelineStats stats = pipeline.stats();
        assertThat(stats.storeFailures()).isEqualTo(2);
        assertThat(stats.replayed()).isEqualTo(2);
        assertThat(stats.batches()).isEqualTo(1);
    }

    @Test
    void aDisabledRuleRaisesNothingUntilEnabledAgain() throws Exception {
        h.ruleStates.setEnabled("VGL-SH-001", false, "test");
        h.append(Events.blockedFinding(T0, "orders", "203.0.113.7"));
        Pipeline pipeline = h.pipeline();
        pipeline.runUntilCaughtUp();
        assertThat(h.allAlerts()).isEmpty();

        h.ruleStates.setEnabled("VGL-SH-001", true, "test");
        pipeline.reloadRuleStates();
        h.append(Events.blockedFinding(T0 + 1, "orders", "203.0.113.7"));
        pipeline.runUntilCaughtUp();

        assertThat(h.alerts("VGL-SH-001"))
                .singleElement()
                .extracting(Alert::firstEventOffset)
                .isEqualTo(1L);
    }

    @Test
    void malformedRecordsAreCountedAndSkipped() throws Exception {
        h.append(
                "not json",
                "[1,2,3]",
                "{\"truncated\":",
                Events.blockedFinding(T0, "orders", "203.0.113.7"),
                "{\"some\":\"other shape\"}",
                "\"a string\"");

        Pipeline pipeline = h.pipeline();
        pipeline.runUntilCaughtUp();

        PipelineStats stats = pipeline.stats();
        assertThat(stats.recordsRead()).isEqualTo(6);
        assertThat(stats.malformed()).isEqualTo(4);
        assertThat(stats.parsed()).isEqualTo(2);
        assertThat(stats.unrecognised()).isEqualTo(1);
        assertThat(stats.lag()).isZero();
        assertThat(stats.position()).isEqualTo(6);
        assertThat(h.alerts("VGL-SH-001")).hasSize(1);
    }

    @Test
    void invocationSummariesFillTheFunctionsInventory() throws Exception {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            lines.add(Events.invocation(T0 + i, "orders", (i + 1) * 1_000L, i >= 8, i == 0));
        }
        lines.add(Events.egress(T0 + 20, "orders", "api.example.com", 443));
        lines.add(Events.invocation(T0 + 30, "billing", 50_000, false, true));
        h.append(lines.toArray(String[]::new));

        h.pipeline().runUntilCaughtUp();

        FunctionSummary orders = h.functions.get("default", "orders").orElseThrow();
        assertThat(orders.invocations()).isEqualTo(10);
        assertThat(orders.errors()).isEqualTo(2);
        assertThat(orders.coldStarts()).isEqualTo(1);
        assertThat(orders.runtime()).isEqualTo("java17");
        assertThat(orders.region()).isEqualTo("eu-west-1");
        assertThat(orders.account()).isEqualTo("123456789012");
        assertThat(orders.firstSeen()).isEqualTo(T0);
        assertThat(orders.lastSeen()).isEqualTo(T0 + 20);
        assertThat(orders.p50Micros()).isBetween(4_000L, 7_000L);
        assertThat(orders.p99Micros()).isGreaterThanOrEqualTo(9_000L);
        assertThat(orders.triggers()).containsEntry("apigw-http", 10L);
        assertThat(orders.egress()).containsEntry("api.example.com:443", 1L);
        assertThat(h.functions.get("default", "billing"))
                .hasValueSatisfying(f -> assertThat(f.coldStarts()).isEqualTo(1));
    }

    @Test
    void oneSourceAttackingManyFunctionsFiresTheCorrelation() throws Exception {
        h.append(
                Events.blockedFinding(T0, "orders", "203.0.113.7"),
                Events.blockedFinding(T0 + 1_000, "billing", "203.0.113.7"),
                Events.blockedFinding(T0 + 2_000, "users", "203.0.113.7"));

        h.pipeline().runUntilCaughtUp();

        assertThat(h.alerts("VGL-SH-004")).singleElement().satisfies(a -> {
            assertThat(a.severity()).isEqualTo(Severity.HIGH);
            assertThat(a.firstEventOffset()).isEqualTo(2);
            assertThat(a.evidence()).contains("\"correlation\":").contains("203.0.113.7");
        });
        assertThat(h.alerts("VGL-SH-003")).isEmpty();
    }

    @Test
    void theConsumerThreadProcessesRecordsAsTheyArrive() throws Exception {
        Pipeline pipeline = h.pipeline();
        pipeline.start();
        try {
            h.append(Events.blockedFinding(T0, "orders", "203.0.113.7"));
            h.append(Events.invocation(T0, "orders", 1_000, false, false));
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (pipeline.stats().position() < 2 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
        } finally {
            pipeline.stop();
        }
        assertThat(pipeline.stats().lag()).isZero();
        assertThat(pipeline.stats().recordsRead()).isEqualTo(2);
        assertThat(h.alerts("VGL-SH-001")).hasSize(1);
    }

    @Test
    void aStoreThatKeepsFailingHoldsThePositionAndStopStillReturns() throws Exception {
        h.options = h.options.withRetry(Duration.ofMillis(1), Duration.ofMillis(20));
        h.append(Events.blockedFinding(T0, "orders", "203.0.113.7"));
        Pipeline pipeline = h.pipeline(batch -> {
            throw new IllegalStateException("database is down");
        });
        pipeline.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (pipeline.stats().storeFailures() < 3 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        pipeline.stop();

        assertThat(pipeline.stats().storeFailures()).isGreaterThanOrEqualTo(3);
        assertThat(pipeline.stats().batches()).isZero();
        assertThat(pipeline.stats().lag()).isEqualTo(1);
        assertThat(h.position().committed()).isEmpty();

        Pipeline recovered = h.pipeline();
        recovered.runUntilCaughtUp();
        assertThat(h.alerts("VGL-SH-001")).hasSize(1);
    }
}
