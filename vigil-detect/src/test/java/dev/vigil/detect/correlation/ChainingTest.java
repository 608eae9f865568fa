package dev.vigil.detect.correlation;

import static dev.vigil.detect.correlation.Fixtures.M;
import static dev.vigil.detect.correlation.Fixtures.S;
import static dev.vigil.detect.correlation.Fixtures.base;
import static dev.vigil.detect.correlation.Fixtures.correlation;
import static dev.vigil.detect.correlation.Fixtures.gte;
import static dev.vigil.detect.correlation.Fixtures.ruleSet;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.detect.correlation.Fixtures.Feeder;
import dev.vigil.detect.engine.CorrelationMatch;
import dev.vigil.detect.rule.CorrelationRule;
import dev.vigil.detect.rule.CorrelationType;
import dev.vigil.detect.rule.RuleSet;
import dev.vigil.detect.rule.SigmaRule;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChainingTest {
    private final SigmaRule failed = base("failed_login");
    private final SigmaRule success = base("successful_login");

    /**
     * The specification's worked example, rebuilt: ten failed logins of one user within 10 minutes (an event_count
     * correlation), then a successful login of that user, in that order within 10 minutes (temporal_ordered over the
     * event_count correlation and the success rule).
     */
    private RuleSet failedThenSuccess() {
        CorrelationRule many = correlation("multiple_failed_login", CorrelationType.EVENT_COUNT, "failed_login")
                .groupBy("User")
                .timespan(10 * M)
                .condition(gte(10))
                .build();
        CorrelationRule then = correlation(
                        "failed_then_success",
                        CorrelationType.TEMPORAL_ORDERED,
                        "multiple_failed_login",
                        "successful_login")
                .groupBy("User")
                .timespan(10 * M)
                .build();
        return ruleSet(List.of(failed, success), then, many);
    }

    private static String user(String name) {
        return "{\"User\":\"" + name + "\",\"EventID\":4625}";
    }

    @Test
    void specExampleFiresForTenFailuresThenASuccess() {
        Feeder f = new Feeder(failedThenSuccess());

        for (int i = 0; i < 10; i++) {
            f.feed(failed, i * 10 * S, user("alice"));
        }
        assertThat(f.fired).extracting(m -> m.rule().info().name()).containsExactly("multiple_failed_login");

        List<CorrelationMatch> fired = f.feed(success, 2 * M, user("alice"));

        assertThat(fired).singleElement().satisfies(m -> {
            assertThat(m.rule().info().name()).isEqualTo("failed_then_success");
            assertThat(m.group()).isEqualTo(Map.of("User", "alice"));
            assertThat(m.windowStartMillis()).isEqualTo(90 * S);
            assertThat(m.timeMillis()).isEqualTo(2 * M);
            assertThat(m.events()).isEqualTo(2);
        });
    }

    @Test
    void specExampleNeedsEnoughFailures() {
        Feeder f = new Feeder(failedThenSuccess());

        for (int i = 0; i < 9; i++) {
            f.feed(failed, i * 10 * S, user("alice"));
        }
        f.feed(success, 2 * M, user("alice"));

        assertThat(f.fired).isEmpty();
    }

    @Test
    void specExampleNeedsTheSuccessAfterTheFailures() {
        Feeder f = new Feeder(failedThenSuccess());

        f.feed(success, 0, user("alice"));
        for (int i = 1; i <= 10; i++) {
            f.feed(failed, i * 10 * S, user("alice"));
        }

        assertThat(f.fired).extracting(m -> m.rule().info().name()).containsExactly("multiple_failed_login");
    }

    @Test
    void specExampleKeepsUsersApart() {
        Feeder f = new Feeder(failedThenSuccess());

        for (int i = 0; i < 10; i++) {
            f.feed(failed, i * 10 * S, user("alice"));
        }
        f.feed(success, 2 * M, user("bob"));

        assertThat(f.fired).extracting(m -> m.rule().info().name()).containsExactly("multiple_failed_login");
    }

    @Test
    void specExampleNeedsTheSuccessWithinTheOuterWindow() {
        Feeder f = new Feeder(failedThenSuccess());

        for (int i = 0; i < 10; i++) {
            f.feed(failed, i * 10 * S, user("alice"));
        }
        f.feed(success, 90 * S + 10 * M + 1, user("alice"));

        assertThat(f.fired).hasSize(1);
    }

    @Test
    void referencedRulesDoNotGenerateAlertsUnlessAReferencingCorrelationSaysSo() {
        CorrelationEngine engine = new CorrelationEngine(failedThenSuccess(), new InMemoryCorrelationStore());

        assertThat(engine.isReferenced("failed_login")).isTrue();
        assertThat(engine.isReferenced("multiple_failed_login")).isTrue();
        assertThat(engine.isReferenced("failed_then_success")).isFalse();
        assertThat(engine.generatesAlerts("failed_login")).isFalse();
        assertThat(engine.generatesAlerts("multiple_failed_login")).isFalse();
        assertThat(engine.generatesAlerts("failed_then_success")).isTrue();
        assertThat(engine.generatesAlerts("unrelated")).isTrue();

        CorrelationRule generating = correlation("gen", CorrelationType.EVENT_COUNT, "failed_login")
                .condition(gte(1))
                .generate(true)
                .build();
        CorrelationEngine both = new CorrelationEngine(
                failedThenSuccess().plus(ruleSet(List.of(), generating)), new InMemoryCorrelationStore());
        assertThat(both.generatesAlerts("failed_login")).isTrue();
        assertThat(both.generatesAlerts("successful_login")).isFalse();
    }

    @Test
    void observeProducesOneObservationPerReferencingCorrelation() {
        CorrelationRule count = correlation("count", CorrelationType.EVENT_COUNT, "failed_login")
                .groupBy("User")
                .condition(gte(5))
                .build();
        CorrelationRule distinct = correlation("distinct", CorrelationType.VALUE_COUNT, "failed_login")
                .groupBy("src.ip")
                .field("User")
                .condition(gte(5))
                .build();
        CorrelationEngine engine =
                new CorrelationEngine(ruleSet(List.of(failed), count, distinct), new InMemoryCorrelationStore());
        var match = new dev.vigil.detect.engine.RuleMatch(
                failed,
                dev.vigil.detect.event.JsonTreeEvent.parse(
                        "{\"User\":\"alice\",\"src\":{\"ip\":\"10.0.0.1\"}}",
                        dev.vigil.detect.event.LogSource.AWS_CLOUDTRAIL),
                1234);

        List<Observation> obs = engine.observe(match, 42);

        assertThat(obs)
                .extracting(Observation::correlationKey, Observation::group, Observation::value, Observation::sequence)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("count", List.of("alice"), null, 42L),
                        org.assertj.core.groups.Tuple.tuple("distinct", List.of("10.0.0.1"), "alice", 42L));
        assertThat(obs).allSatisfy(o -> assertThat(o.timeMillis()).isEqualTo(1234));
        assertThat(engine.observe(new dev.vigil.detect.engine.RuleMatch(success, match.event(), 1), 0))
                .isEmpty();
    }

    @Test
    void aliasesMapOneGroupFieldToADifferentFieldPerRule() {
        SigmaRule dns = base("dns_query");
        SigmaRule conn = base("connection");
        CorrelationRule rule = correlation(
                        "dns_then_connect", CorrelationType.TEMPORAL_ORDERED, "dns_query", "connection")
                .groupBy("ip")
                .aliases(Map.of("ip", Map.of("dns_query", "answer.address", "connection", "destination.ip")))
                .build();
        Feeder f = new Feeder(ruleSet(List.of(dns, conn), rule));

        f.feed(dns, 0, "{\"answer\":{\"address\":\"1.2.3.4\"},\"destination\":{\"ip\":\"9.9.9.9\"}}");
        assertThat(f.feed(conn, S, "{\"destination\":{\"ip\":\"5.6.7.8\"}}")).isEmpty();
        List<CorrelationMatch> fired = f.feed(conn, 2 * S, "{\"destination\":{\"ip\":\"1.2.3.4\"}}");

        assertThat(fired).singleElement().satisfies(m -> assertThat(m.group()).isEqualTo(Map.of("ip", "1.2.3.4")));
    }

    @Test
    void anInnerGroupFeedsTheOuterGroupThroughAnAlias() {
        CorrelationRule inner = correlation("many_failures", CorrelationType.EVENT_COUNT, "failed_login")
                .groupBy("TargetUser")
                .condition(gte(2))
                .build();
        CorrelationRule outer = correlation(
                        "failures_then_success", CorrelationType.TEMPORAL_ORDERED, "many_failures", "successful_login")
                .groupBy("account")
                .aliases(Map.of("account", Map.of("many_failures", "TargetUser", "successful_login", "User")))
                .build();
        Feeder f = new Feeder(ruleSet(List.of(failed, success), outer, inner));

        f.feed(failed, 0, "{\"TargetUser\":\"carol\"}");
        f.feed(failed, S, "{\"TargetUser\":\"carol\"}");
        List<CorrelationMatch> fired = f.feed(success, 2 * S, "{\"User\":\"carol\"}");

        assertThat(fired).singleElement().satisfies(m -> assertThat(m.group()).containsEntry("account", "carol"));
    }

    @Test
    void anOuterGroupByFieldTheInnerDoesNotHaveDropsTheInnerMatch() {
        CorrelationRule inner = correlation("many_failures", CorrelationType.EVENT_COUNT, "failed_login")
                .groupBy("User")
                .condition(gte(1))
                .build();
        CorrelationRule outer = correlation("twice", CorrelationType.EVENT_COUNT, "many_failures")
                .groupBy("Host")
                .condition(gte(1))
                .build();
        Feeder f = new Feeder(ruleSet(List.of(failed), outer, inner));

        f.feed(failed, 0, "{\"User\":\"a\",\"Host\":\"h\"}");

        assertThat(f.fired).extracting(m -> m.rule().info().name()).containsExactly("many_failures");
        assertThat(f.engine.counters().droppedMissingGroup()).isEqualTo(1);
    }

    @Test
    void aCorrelationOfCorrelationsCountsInnerFirings() {
        CorrelationRule inner = correlation("pair", CorrelationType.EVENT_COUNT, "failed_login")
                .groupBy("User")
                .condition(gte(2))
                .build();
        CorrelationRule outer = correlation("pairs", CorrelationType.EVENT_COUNT, "pair")
                .groupBy("User")
                .condition(gte(3))
                .timespan(10 * M)
                .build();
        Feeder f = new Feeder(ruleSet(List.of(failed), outer, inner));

        for (int i = 0; i < 6; i++) {
            f.feed(failed, i * S, user("dave"));
        }

        assertThat(f.fired).extracting(m -> m.rule().info().name()).containsExactly("pair", "pair", "pair", "pairs");
        CorrelationMatch last = f.fired.get(3);
        assertThat(last.timeMillis()).isEqualTo(5 * S);
        assertThat(last.windowStartMillis()).isEqualTo(S);
        assertThat(last.group()).isEqualTo(Map.of("User", "dave"));
    }

    @Test
    void cyclicReferencesAreNotFedAroundTheCycle() {
        CorrelationRule x = correlation("x", CorrelationType.EVENT_COUNT, "failed_login", "y")
                .condition(gte(1))
                .build();
        CorrelationRule y = correlation("y", CorrelationType.EVENT_COUNT, "x")
                .condition(gte(1))
                .build();
        CorrelationRule self = correlation("self", CorrelationType.EVENT_COUNT, "failed_login", "self")
                .condition(gte(1))
                .build();
        Feeder f = new Feeder(ruleSet(List.of(failed), x, y, self));

        f.feed(failed, 0);

        // x and self fire on the base match; nothing feeds y (its only input is x, and x → y → x is a cycle).
        assertThat(f.fired).extracting(m -> m.rule().info().name()).containsExactlyInAnyOrder("x", "self");
        assertThat(f.engine.isReferenced("x")).isTrue();
    }
}
