package dev.vigil.posture.check.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.core.Severity;
import dev.vigil.posture.check.Check;
import dev.vigil.posture.check.Checks;
import dev.vigil.posture.check.Finding;
import dev.vigil.posture.model.Deployment;
import dev.vigil.posture.model.Format;
import dev.vigil.posture.model.Function;
import dev.vigil.posture.model.HttpRoute;
import dev.vigil.posture.model.Trigger;
import dev.vigil.posture.model.Value;
import dev.vigil.posture.source.Location;
import java.lang.reflect.RecordComponent;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Check logic that the fixtures cannot reach yet (HTTP routes come from the API extractor) or that depends on time. */
class LambdaChecksTest {
    static final Location AT = new Location("t.yaml", 3, 3);

    static Function function(String id, String runtime, Value concurrency) {
        return new Function(
                id,
                AT,
                null,
                runtime == null ? null : Value.literal(runtime, AT),
                null,
                List.of(),
                null,
                null,
                concurrency,
                null,
                null,
                null,
                null,
                List.of(),
                null,
                null,
                Map.of(),
                null,
                "AWS::Lambda::Function",
                null);
    }

    /**
     * A route as the API extractor would read it. HttpRoute belongs to the API model and may gain components, so it is
     * built through its canonical constructor by component name, other components left empty.
     */
    static HttpRoute route(String fn, String auth, boolean apiKey) {
        Map<String, Object> known = new HashMap<>();
        known.put("apiId", "Api");
        known.put("method", "GET");
        known.put("path", "/orders");
        known.put("authorization", auth == null ? null : Value.literal(auth, AT));
        known.put("apiKeyRequired", apiKey);
        known.put("functionId", fn);
        known.put("location", AT);
        try {
            RecordComponent[] components = HttpRoute.class.getRecordComponents();
            Class<?>[] types = new Class<?>[components.length];
            Object[] args = new Object[components.length];
            for (int i = 0; i < components.length; i++) {
                types[i] = components[i].getType();
                Object v = known.get(components[i].getName());
                args[i] = v == null && types[i] == boolean.class ? false : v;
            }
            return HttpRoute.class.getDeclaredConstructor(types).newInstance(args);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    static List<Finding> run(Check check, Deployment d) {
        return Checks.run(List.of(check), d).findings();
    }

    @Test
    void openRouteWithoutConcurrencyIsDenialOfWallet() {
        Deployment d = Deployment.builder("t.yaml", Format.SAM)
                .add(function("Open", "java21", null))
                .add(function("Keyed", "java21", null))
                .add(function("Capped", "java21", Value.literal("5", AT)))
                .add(function("Iam", "java21", null))
                .add(route("Open", null, false))
                .add(route("Keyed", "NONE", true))
                .add(route("Capped", "NONE", false))
                .add(new Trigger(Trigger.Kind.HTTP_API, "Iam", null, route("Iam", "AWS_IAM", false), AT))
                .build();
        assertThat(run(new DenialOfWallet(), d)).extracting(Finding::subject).containsExactly("Open");
        assertThat(run(new NoConcurrencyLimit(), d))
                .extracting(Finding::subject, Finding::severity)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Open", Severity.MEDIUM),
                        org.assertj.core.groups.Tuple.tuple("Keyed", Severity.LOW),
                        org.assertj.core.groups.Tuple.tuple("Iam", Severity.LOW));
    }

    @Test
    void deprecationDependsOnTheDayOfTheScan() {
        Deployment d = Deployment.builder("t.yaml", Format.CLOUDFORMATION)
                .add(function("Node20", "nodejs20.x", null))
                .add(function("Java8Al2", "java8.al2", null))
                .add(function("Image", null, null))
                .build();
        Clock before = Clock.fixed(Instant.parse("2026-04-29T12:00:00Z"), ZoneOffset.UTC);
        Clock after = Clock.fixed(Instant.parse("2026-04-30T12:00:00Z"), ZoneOffset.UTC);
        assertThat(run(new DeprecatedRuntime(before), d)).isEmpty();
        assertThat(run(new DeprecatedRuntime(after), d))
                .extracting(Finding::subject)
                .containsExactly("Node20");
    }

    @Test
    void arnAccountIsTwelveLiteralDigits() {
        assertThat(Arns.account("arn:aws:lambda:eu-west-1:123456789012:layer:x:1", "lambda"))
                .isEqualTo("123456789012");
        assertThat(Arns.account("arn:aws:lambda:eu-west-1:${AWS::AccountId}:layer:x:1", "lambda"))
                .isNull();
        assertThat(Arns.account("arn:aws:iam::123456789012:role/r", "lambda")).isNull();
    }
}
