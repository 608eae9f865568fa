package dev.vigil.posture.usage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.posture.model.Deployment;
import dev.vigil.posture.model.Format;
import dev.vigil.posture.model.Function;
import dev.vigil.posture.model.PolicyDocument;
import dev.vigil.posture.model.Role;
import dev.vigil.posture.model.Statement;
import dev.vigil.posture.model.Value;
import dev.vigil.posture.source.Location;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UsageReportTest {

    private static final Location AT = new Location("template.yaml", 1, 1);

    private static Value v(String s) {
        return Value.literal(s, AT);
    }

    /**
     * Builds a model record from the named components; components not named get an empty value (null, empty list or
     * map, false, or {@link #AT} for locations), so the test keeps compiling when owners append components.
     */
    private static <T extends Record> T record(Class<T> type, Map<String, Object> values) {
        try {
            RecordComponent[] rc = type.getRecordComponents();
            Class<?>[] types = new Class<?>[rc.length];
            Object[] args = new Object[rc.length];
            for (int i = 0; i < rc.length; i++) {
                types[i] = rc[i].getType();
                Object v = values.get(rc[i].getName());
                if (v == null) {
                    if (types[i] == List.class) {
                        v = List.of();
                    } else if (types[i] == Map.class) {
                        v = Map.of();
                    } else if (types[i] == boolean.class) {
                        v = false;
                    } else if (types[i] == int.class) {
                        v = 0;
                    } else if (types[i] == Location.class) {
                        v = AT;
                    }
                }
                args[i] = v;
            }
            return type.getDeclaredConstructor(types).newInstance(args);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Statement allow(String... actions) {
        List<Value> a = new ArrayList<>();
        for (String s : actions) {
            a.add(v(s));
        }
        return record(Statement.class, Map.of("allow", true, "actions", a, "resources", List.of(v("*"))));
    }

    private static Function function(String id, String name, String roleId) {
        Map<String, Object> c = new HashMap<>();
        c.put("id", id);
        c.put("runtime", v("java21"));
        c.put("role", new Function.RoleRef(roleId, null));
        c.put("origin", "AWS::Lambda::Function");
        if (name != null) {
            c.put("name", v(name));
        }
        return record(Function.class, c);
    }

    private static Role role(String id, List<PolicyDocument> inline, List<Value> managed) {
        return record(
                Role.class,
                Map.of("id", id, "inlinePolicies", inline, "managedPolicyArns", managed, "origin", "AWS::IAM::Role"));
    }

    private static Deployment deployment() {
        Role orders = role(
                "OrdersRole",
                List.of(new PolicyDocument(
                        "orders",
                        List.of(
                                allow("s3:GetObject", "s3:PutObject", "s3:DeleteObject", "s3:ListBucket"),
                                allow("dynamodb:*"),
                                allow("iam:PassRole")),
                        AT)),
                List.of(
                        v("arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"),
                        v("arn:aws:iam::aws:policy/ReadOnlyAccess")));
        Role idle = role("IdleRole", List.of(new PolicyDocument(null, List.of(allow("sqs:*")), AT)), List.of());
        return Deployment.builder("template.yaml", Format.CLOUDFORMATION)
                .add(orders)
                .add(idle)
                .add(function("OrdersFunction", "orders-fn", "OrdersRole"))
                .add(function("IdleFunction", null, "IdleRole"))
                .build();
    }

    @Test
    void reportsUnusedGrantsAndNarrowsWildcards() throws Exception {
        UsageReport r = UsageReport.compute(
                List.of(deployment()),
                List.of(Fixtures.file("orders-trail.json"), Fixtures.file("orders-telemetry.jsonl")));
        FunctionUsage orders = r.functions().get(0);
        assertThat(orders.function()).isEqualTo("OrdersFunction");
        assertThat(orders.callsObserved()).isGreaterThan(0);
        assertThat(orders.used()).contains("s3:GetObject", "s3:ListBucket", "dynamodb:PutItem", "dynamodb:GetItem");
        assertThat(orders.unused()).contains("iam:PassRole").doesNotContain("s3:GetObject", "s3:ListBucket");
        // S3 object calls are data events: seen here, so an unused one is really unused
        assertThat(orders.unused()).contains("s3:DeleteObject");
        assertThat(orders.narrowable()).containsKey("dynamodb:*");
        assertThat(orders.narrowable().get("dynamodb:*"))
                .contains("dynamodb:PutItem", "dynamodb:Query", "dynamodb:GetItem");
        assertThat(orders.notExpanded()).containsExactly("arn:aws:iam::aws:policy/ReadOnlyAccess (AWS-managed)");
        assertThat(orders.denied()).containsKeys("dynamodb:DeleteTable", "s3:DeleteObject");
        assertThat(orders.usedNotGranted()).contains("sqs:SendMessage", "kms:Decrypt");

        FunctionUsage idle = r.functions().get(1);
        assertThat(idle.callsObserved()).isZero();
        assertThat(idle.unused()).isEmpty();

        StringWriter w = new StringWriter();
        r.renderText(new PrintWriter(w));
        assertThat(w.toString())
                .contains("template.yaml  OrdersFunction (orders-fn)  role OrdersRole")
                .contains("dynamodb:* used for")
                .contains("no activity found for this function: not judged");

        JsonNode json = new ObjectMapper().readTree(r.toJson());
        assertThat(json.path("functions").size()).isEqualTo(2);
        assertThat(json.path("functions").get(0).path("unused").toString()).contains("iam:PassRole");
        assertThat(json.path("functions").get(1).path("judged").asBoolean()).isFalse();
    }

    @Test
    void matchesGeneratedNamesWhenNoneIsStated() {
        assertThat(UsageReport.ActivityIndex.namedAfter("stack-OrdersFunction-AbC123", null, "OrdersFunction"))
                .isTrue();
        assertThat(UsageReport.ActivityIndex.namedAfter("orders-dev-create", null, "create"))
                .isTrue();
        assertThat(UsageReport.ActivityIndex.namedAfter("creator", null, "create"))
                .isFalse();
        assertThat(UsageReport.ActivityIndex.namedAfter("orders-fn", "orders-fn", "OrdersFunction"))
                .isTrue();
        assertThat(UsageReport.ActivityIndex.namedAfter("stack-OrdersFunction-x", "orders-fn", "OrdersFunction"))
                .isFalse();
    }
}
