package dev.vigil.detect.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.detect.event.Event;
import dev.vigil.detect.event.FieldPath;
import dev.vigil.detect.event.JsonTreeEvent;
import dev.vigil.detect.event.LogSource;
import dev.vigil.detect.match.EventPredicate;
import dev.vigil.detect.match.Predicates;
import dev.vigil.detect.match.Witness;
import dev.vigil.detect.rule.Level;
import dev.vigil.detect.rule.RuleInfo;
import dev.vigil.detect.rule.RuleOrigin;
import dev.vigil.detect.rule.RuleSet;
import dev.vigil.detect.rule.SigmaRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SigmaEngineTest {
    private static final FieldPath EVENT_NAME = FieldPath.of("eventName");

    /** Equality on a field, counting how often it is evaluated, with an exact witness. */
    static final class Equals implements EventPredicate {
        final FieldPath field;
        final String lower;
        final AtomicInteger tests = new AtomicInteger();

        Equals(String field, String value) {
            this.field = FieldPath.of(field);
            this.lower = value.toLowerCase();
        }

        @Override
        public boolean test(Event event) {
            tests.incrementAndGet();
            return event.anyValue(field, v -> v.lowerText().equals(lower));
        }

        @Override
        public Witness witness() {
            return Witness.exact(field, Set.of(lower));
        }
    }

    /** A prefix test with a prefix witness. */
    static final class StartsWith implements EventPredicate {
        final FieldPath field;
        final String lower;

        StartsWith(String field, String value) {
            this.field = FieldPath.of(field);
            this.lower = value.toLowerCase();
        }

        @Override
        public boolean test(Event event) {
            return event.anyValue(field, v -> v.lowerText().startsWith(lower));
        }

        @Override
        public Witness witness() {
            return Witness.prefixes(field, List.of(lower));
        }
    }

    static SigmaRule rule(String id, LogSource ls, EventPredicate detection) {
        RuleInfo info = new RuleInfo(
                id,
                null,
                "rule " + id,
                Level.MEDIUM,
                "test",
                "tests",
                null,
                List.of(),
                List.of(),
                List.of(),
                List.of());
        return new SigmaRule(info, ls, detection, List.of(), new RuleOrigin("<test>", 1));
    }

    static Event cloudTrail(String eventName) {
        return JsonTreeEvent.parse(
                "{\"eventTime\":\"2023-07-10T12:00:00Z\",\"eventSource\":\"lambda.amazonaws.com\",\"eventName\":\""
                        + eventName + "\"}",
                LogSource.AWS_CLOUDTRAIL);
    }

    static List<String> ids(SigmaEngine engine, Event e) {
        List<String> out = new ArrayList<>();
        engine.match(e, m -> out.add(m.info().id()));
        return out;
    }

    @Test
    void indexedRulesAreOnlyTestedOnEventsCarryingTheirValue() {
        Equals createUser = new Equals("eventName", "CreateUser");
        Equals deleteTrail = new Equals("eventName", "DeleteTrail");
        SigmaEngine engine = SigmaEngine.create(new RuleSet(
                List.of(
                        rule("a", LogSource.AWS_CLOUDTRAIL, createUser),
                        rule("b", LogSource.AWS_CLOUDTRAIL, deleteTrail)),
                List.of(),
                List.of(),
                0,
                0));

        assertThat(ids(engine, cloudTrail("createuser"))).containsExactly("a");
        assertThat(ids(engine, cloudTrail("ListBuckets"))).isEmpty();
        assertThat(createUser.tests).hasValue(1);
        assertThat(deleteTrail.tests).hasValue(0);
        assertThat(engine.unindexedCount()).isZero();
    }

    @Test
    void prefixAndUnindexedRulesAreTriedAndMatchesComeInLoadOrder() {
        EventPredicate anything = e -> e.exists(FieldPath.of("eventSource"));
        SigmaEngine engine = SigmaEngine.create(new RuleSet(
                List.of(
                        rule("unindexed", LogSource.AWS_CLOUDTRAIL, anything),
                        rule("prefix", LogSource.AWS_CLOUDTRAIL, new StartsWith("eventName", "UpdateFunction")),
                        rule(
                                "exact",
                                LogSource.AWS_CLOUDTRAIL,
                                new Equals("eventName", "UpdateFunctionCode20150331v2"))),
                List.of(),
                List.of(),
                0,
                0));

        assertThat(ids(engine, cloudTrail("UpdateFunctionCode20150331v2")))
                .containsExactly("unindexed", "prefix", "exact");
        assertThat(ids(engine, cloudTrail("Invoke"))).containsExactly("unindexed");
        assertThat(engine.unindexedCount()).isEqualTo(1);
    }

    @Test
    void orOfEqualitiesOnOneFieldIsIndexedAndNegationIsNot() {
        Equals a = new Equals("eventName", "StopLogging");
        Equals b = new Equals("eventName", "DeleteTrail");
        EventPredicate either = Predicates.or(List.of(a, b));
        assertThat(either.witness().exact()).containsExactlyInAnyOrder("stoplogging", "deletetrail");
        assertThat(Predicates.not(a).witness().isNone()).isTrue();
        assertThat(Predicates.or(List.of(a, new Equals("eventSource", "x")))
                        .witness()
                        .isNone())
                .isTrue();
        assertThat(Predicates.and(List.of(Predicates.not(a), b)).witness().exact())
                .containsExactly("deletetrail");
    }

    @Test
    void rulesOnlySeeEventsOfTheirLogSource() {
        SigmaEngine engine = SigmaEngine.create(new RuleSet(
                List.of(
                        rule("aws", LogSource.AWS_CLOUDTRAIL, Predicates.TRUE),
                        rule("aws-any", new LogSource("aws", null, null), Predicates.TRUE),
                        rule("azure", LogSource.of("azure", "activitylogs"), Predicates.TRUE),
                        rule("everything", LogSource.UNKNOWN, Predicates.TRUE)),
                List.of(),
                List.of(),
                0,
                0));

        assertThat(ids(engine, cloudTrail("x"))).containsExactly("aws", "aws-any", "everything");
        assertThat(ids(engine, JsonTreeEvent.parse("{}", LogSource.of("azure", "activitylogs"))))
                .containsExactly("azure", "everything");
        assertThat(ids(engine, JsonTreeEvent.parse("{}", LogSource.UNKNOWN))).containsExactly("everything");
    }

    @Test
    void aMatchCarriesTheEventTime() {
        SigmaEngine engine = SigmaEngine.create(
                new RuleSet(List.of(rule("a", LogSource.AWS_CLOUDTRAIL, Predicates.TRUE)), List.of(), List.of(), 0, 0));
        List<RuleMatch> matches = engine.match(cloudTrail("x"));
        assertThat(matches).hasSize(1);
        assertThat(matches.get(0).timeMillis()).isEqualTo(1688990400000L);
    }

    @Test
    void theIndexPrefersTheFieldWithTheMostDistinctValues() {
        Equals sourceOfA = new Equals("eventSource", "iam.amazonaws.com");
        Equals sourceOfB = new Equals("eventSource", "iam.amazonaws.com");
        SigmaEngine engine = SigmaEngine.create(new RuleSet(
                List.of(
                        rule(
                                "a",
                                LogSource.AWS_CLOUDTRAIL,
                                Predicates.and(List.of(sourceOfA, new Equals("eventName", "CreateUser")))),
                        rule(
                                "b",
                                LogSource.AWS_CLOUDTRAIL,
                                Predicates.and(List.of(sourceOfB, new Equals("eventName", "DeleteUser"))))),
                List.of(),
                List.of(),
                0,
                0));
        Event createUser = JsonTreeEvent.parse(
                "{\"eventSource\":\"iam.amazonaws.com\",\"eventName\":\"CreateUser\"}", LogSource.AWS_CLOUDTRAIL);

        assertThat(ids(engine, createUser)).containsExactly("a");
        assertThat(sourceOfB.tests)
                .as("rule b is filed under DeleteUser, not under the shared eventSource")
                .hasValue(0);
    }
}
