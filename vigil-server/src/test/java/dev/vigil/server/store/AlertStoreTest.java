package dev.vigil.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.core.Severity;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AlertStoreTest extends StoreTestBase {

    private static final long T0 = 1_800_000_000_000L;
    private static final long MINUTE = 60_000L;

    private AlertStore alerts;

    @BeforeEach
    void createStore() {
        alerts = new AlertStore(db, Duration.ofMinutes(15), CLOCK);
    }

    private static Detection detection(long offset, String rule, String function, String source, long time) {
        return new Detection(
                offset, rule, "Title of " + rule, Severity.HIGH, null, function, source, time, "{\"q\":\"<x>\"}");
    }

    @Test
    void replayingTheSameOffsetAndRuleDoesNotCountTwice() {
        RecordedDetection first = alerts.record(detection(10, "sqli", "orders", "1.2.3.4", T0));
        RecordedDetection replay = alerts.record(detection(10, "sqli", "orders", "1.2.3.4", T0));

        assertThat(first.created()).isTrue();
        assertThat(first.replayed()).isFalse();
        assertThat(replay).isEqualTo(new RecordedDetection(first.alertId(), false, true));
        assertThat(alerts.get(first.alertId()).orElseThrow().count()).isEqualTo(1);
    }

    @Test
    void replayingAWholeLogLeavesTheSameAlerts() {
        List<Detection> log = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            log.add(detection(i, i % 2 == 0 ? "sqli" : "xss", "orders", "1.2.3.4", T0 + i * MINUTE));
        }
        log.forEach(alerts::record);
        AlertPage before = alerts.list(AlertQuery.all(100));

        log.forEach(alerts::record);

        assertThat(alerts.list(AlertQuery.all(100))).isEqualTo(before);
        assertThat(before.alerts()).extracting(Alert::count).containsExactly(10L, 10L);
    }

    @Test
    void sameOffsetWithAnotherRuleIsAnotherDetection() {
        alerts.record(detection(10, "sqli", "orders", "1.2.3.4", T0));
        RecordedDetection other = alerts.record(detection(10, "xss", "orders", "1.2.3.4", T0));

        assertThat(other.replayed()).isFalse();
        assertThat(alerts.list(AlertQuery.all(10)).alerts()).hasSize(2);
    }

    @Test
    void detectionsWithinTheWindowGroupIntoOneAlert() {
        long a = alerts.record(detection(1, "sqli", "orders", "1.2.3.4", T0)).alertId();
        RecordedDetection b = alerts.record(detection(2, "sqli", "orders", "1.2.3.4", T0 + 10 * MINUTE));
        RecordedDetection c = alerts.record(detection(3, "sqli", "orders", "1.2.3.4", T0 + 20 * MINUTE));

        assertThat(b.alertId()).isEqualTo(a);
        assertThat(c.alertId())
                .as("sliding window: within 15 min of the last one")
                .isEqualTo(a);
        Alert alert = alerts.get(a).orElseThrow();
        assertThat(alert.count()).isEqualTo(3);
        assertThat(alert.firstSeen()).isEqualTo(T0);
        assertThat(alert.lastSeen()).isEqualTo(T0 + 20 * MINUTE);
        assertThat(alert.firstEventOffset()).isEqualTo(1);
        assertThat(alert.evidence()).isEqualTo("{\"q\":\"<x>\"}");
    }

    @Test
    void aGapLongerThanTheWindowOpensANewAlert() {
        long a = alerts.record(detection(1, "sqli", "orders", "1.2.3.4", T0)).alertId();
        RecordedDetection later = alerts.record(detection(2, "sqli", "orders", "1.2.3.4", T0 + 16 * MINUTE));

        assertThat(later.created()).isTrue();
        assertThat(later.alertId()).isNotEqualTo(a);
    }

    @Test
    void otherRuleFunctionOrSourceIsAnotherGroup() {
        long a = alerts.record(detection(1, "sqli", "orders", "1.2.3.4", T0)).alertId();

        assertThat(alerts.record(detection(2, "xss", "orders", "1.2.3.4", T0)).alertId())
                .isNotEqualTo(a);
        assertThat(alerts.record(detection(3, "sqli", "billing", "1.2.3.4", T0)).alertId())
                .isNotEqualTo(a);
        assertThat(alerts.record(detection(4, "sqli", "orders", "5.6.7.8", T0)).alertId())
                .isNotEqualTo(a);
        assertThat(alerts.list(AlertQuery.all(10)).alerts()).hasSize(4);
    }

    @Test
    void acknowledgedAlertsKeepCountingButResolvedOnesAreClosed() {
        long a = alerts.record(detection(1, "sqli", "orders", "ip", T0)).alertId();
        alerts.setStatus(a, AlertStatus.ACKNOWLEDGED);
        assertThat(alerts.record(detection(2, "sqli", "orders", "ip", T0 + MINUTE))
                        .alertId())
                .isEqualTo(a);

        alerts.setStatus(a, AlertStatus.RESOLVED);
        RecordedDetection after = alerts.record(detection(3, "sqli", "orders", "ip", T0 + 2 * MINUTE));

        assertThat(after.created()).isTrue();
        assertThat(alerts.get(a).orElseThrow().count()).isEqualTo(2);
    }

    @Test
    void statusTransitions() {
        long a = alerts.record(detection(1, "sqli", "orders", "ip", T0)).alertId();

        Alert acknowledged = alerts.setStatus(a, AlertStatus.ACKNOWLEDGED).orElseThrow();
        assertThat(acknowledged.status()).isEqualTo(AlertStatus.ACKNOWLEDGED);
        assertThat(acknowledged.resolvedAt()).isNull();

        Alert resolved = alerts.setStatus(a, AlertStatus.RESOLVED).orElseThrow();
        assertThat(resolved.status()).isEqualTo(AlertStatus.RESOLVED);
        assertThat(resolved.resolvedAt()).isEqualTo(CLOCK.millis());

        assertThatThrownBy(() -> alerts.setStatus(a, AlertStatus.ACKNOWLEDGED))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot move from resolved to acknowledged");

        assertThat(alerts.setStatus(a, AlertStatus.OPEN).orElseThrow().status()).isEqualTo(AlertStatus.OPEN);
        assertThat(alerts.setStatus(999_999, AlertStatus.OPEN)).isEmpty();
    }

    @Test
    void assigneeAndNotes() {
        long a = alerts.record(detection(1, "sqli", "orders", "ip", T0)).alertId();

        assertThat(alerts.assign(a, "alice").orElseThrow().assignee()).isEqualTo("alice");
        alerts.addNote(a, "alice", "looking <b>now</b>");
        alerts.addNote(a, "bob", "false positive");

        assertThat(alerts.notes(a))
                .extracting(AlertNote::author, AlertNote::body)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("alice", "looking <b>now</b>"),
                        org.assertj.core.groups.Tuple.tuple("bob", "false positive"));
        assertThat(alerts.assign(a, null).orElseThrow().assignee()).isNull();
        assertThat(alerts.addNote(424242, "x", "y")).isEmpty();
    }

    @Test
    void filtersAndStableCursorPaging() {
        for (int i = 0; i < 25; i++) {
            Severity severity = i % 5 == 0 ? Severity.CRITICAL : Severity.LOW;
            alerts.record(new Detection(
                    i, "rule-" + i, null, severity, null, i < 10 ? "orders" : "billing", "", T0 + i * MINUTE, null));
        }
        long first = alerts.list(AlertQuery.all(1)).alerts().get(0).id();
        alerts.setStatus(first, AlertStatus.ACKNOWLEDGED);

        assertThat(alerts.list(AlertQuery.all(100).withSeverities(Set.of(Severity.CRITICAL)))
                        .alerts())
                .hasSize(5);
        assertThat(alerts.list(AlertQuery.all(100).withFunction("orders")).alerts())
                .hasSize(10);
        assertThat(alerts.list(AlertQuery.all(100).withStatuses(Set.of(AlertStatus.ACKNOWLEDGED)))
                        .alerts())
                .extracting(Alert::id)
                .containsExactly(first);
        assertThat(alerts.list(AlertQuery.all(100).withTimeRange(T0 + 5 * MINUTE, T0 + 8 * MINUTE))
                        .alerts())
                .extracting(Alert::ruleId)
                .containsExactly("rule-7", "rule-6", "rule-5");

        List<Long> seen = new ArrayList<>();
        AlertQuery query = AlertQuery.all(10);
        AlertPage page = alerts.list(query);
        seen.addAll(page.alerts().stream().map(Alert::id).toList());
        // New activity between pages neither repeats nor hides alerts.
        alerts.record(new Detection(100, "rule-3", null, Severity.LOW, null, "orders", "", T0 + 3 * MINUTE, null));
        while (page.nextCursor() != null) {
            page = alerts.list(query.after(page.nextCursor()));
            seen.addAll(page.alerts().stream().map(Alert::id).toList());
        }
        assertThat(seen).hasSize(25).doesNotHaveDuplicates().isSortedAccordingTo((x, y) -> Long.compare(y, x));
    }

    @Test
    void recordingThroughput() {
        int detections = 1_000;
        long start = System.nanoTime();
        for (int i = 0; i < detections; i++) {
            alerts.record(detection(i, "rule-" + (i % 20), "f-" + (i % 7), "", T0 + i));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(
                "%s: %d detections recorded one transaction each in %.2f s = %.0f/s%n",
                backend, detections, seconds, detections / seconds);
        assertThat(alerts.list(AlertQuery.all(1000)).alerts()).hasSize(140);
        assertThat(alerts.list(AlertQuery.all(1000)).alerts().stream()
                        .mapToLong(Alert::count)
                        .sum())
                .isEqualTo(detections);
    }

    @Test
    void batchesRecordInOneTransactionWithTheSameOutcome() {
        List<Detection> batch = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            batch.add(detection(i, "rule-" + (i % 20), "f-" + (i % 7), "", T0 + i));
        }
        batch.add(detection(3, "rule-3", "f-3", "", T0 + 3)); // replayed inside the batch

        long start = System.nanoTime();
        List<RecordedDetection> results = alerts.recordAll(batch);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(
                "%s: %d detections recorded in one transaction in %.2f s = %.0f/s%n",
                backend, batch.size(), seconds, batch.size() / seconds);

        assertThat(results).hasSize(batch.size());
        assertThat(results.get(batch.size() - 1).replayed()).isTrue();
        assertThat(results.stream().filter(RecordedDetection::created)).hasSize(140);
        assertThat(alerts.list(AlertQuery.all(1000)).alerts().stream()
                        .mapToLong(Alert::count)
                        .sum())
                .isEqualTo(3_000);
        assertThat(alerts.recordAll(batch)).allMatch(RecordedDetection::replayed);
    }

    @Test
    void countsOverTimeAndTopFunctions() {
        long hour = 60 * MINUTE;
        long base = (T0 / hour) * hour;
        alerts.record(new Detection(1, "a", null, Severity.HIGH, null, "orders", "", base + MINUTE, null));
        alerts.record(new Detection(2, "a", null, Severity.HIGH, null, "orders", "", base + 2 * MINUTE, null));
        alerts.record(new Detection(3, "b", null, Severity.LOW, null, "orders", "", base + 3 * MINUTE, null));
        alerts.record(new Detection(4, "a", null, Severity.HIGH, null, "billing", "", base + hour + 1, null));

        assertThat(alerts.countsOverTime(null, base, base + 2 * hour, hour))
                .containsExactly(
                        new AlertCount(base, Severity.HIGH, 1, 2),
                        new AlertCount(base, Severity.LOW, 1, 1),
                        new AlertCount(base + hour, Severity.HIGH, 1, 1));
        assertThat(alerts.countsOverTime(Tenants.DEFAULT, base + hour, base + 2 * hour, hour))
                .hasSize(1);
        assertThat(alerts.topFunctions(null, 10)).containsExactly(Map.entry("orders", 2L), Map.entry("billing", 1L));
        assertThat(alerts.topFunctions("nobody", 10)).isEmpty();
    }

    @Test
    void countsByStatus() {
        long a = alerts.record(detection(1, "a", "f", "", T0)).alertId();
        alerts.record(detection(2, "b", "f", "", T0));
        alerts.setStatus(a, AlertStatus.RESOLVED);

        assertThat(alerts.countByStatus(null))
                .containsEntry(AlertStatus.OPEN, 1L)
                .containsEntry(AlertStatus.ACKNOWLEDGED, 0L)
                .containsEntry(AlertStatus.RESOLVED, 1L);
        assertThat(alerts.countByStatus("other-tenant")).containsEntry(AlertStatus.OPEN, 0L);
    }
}
