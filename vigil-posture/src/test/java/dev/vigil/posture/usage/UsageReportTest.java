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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UsageReportTest {

    private static final Location AT = new Location("template.yaml", 1, 1);

    private static Value v(String s) {
        return Value.literal(s, AT);
    }

    private static Statement allow(String... actions) {
        List<Value> a = new ArrayList<>();
        for (String s : actions) {
            a.add(v(s));
        }
        return new Statement(null, true, a, List.of(), List.of(v("*")), List.of(), null, null, null, AT);
    }

    private static Function function(String id, String name, String roleId) {
        return new Function(
                id,
                AT,
                name == null ? null : v(name),
                v("java21"),
                v("h::h"),
                List.of(),
                new Function.RoleRef(roleId, null),
                null,
                null,
                null,
                null,
                null,
                null,
                List.of(),
                null,
                null,
                Map.of(),
                null,
                "AWS::Lambda::Function");
    }

    private static Deployment deployment() {
        Role orders = new Role(
                "OrdersRole",
                AT,
                null,
                List.of(new PolicyDocument(
                        "orders",
                        List.of(
                                allow("s3:GetObject", "s3:PutObject", "s3:DeleteObject", "s3:ListBucket"),
                                allow("dynamodb:*"),
                                allow("iam:PassRole")),
                        AT)),
                List.of(
                        v("arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"),
                        v("arn:aws:iam::aws:policy/ReadOnlyAccess")),
                List.of(),
                null,
                "AWS::IAM::Role");
        Role idle = new Role(
                "IdleRole",
                AT,
                null,
                List.of(new PolicyDocument(null, List.of(allow("sqs:*")), AT)),
                List.of(),
                List.of(),
                null,
                "AWS::IAM::Role");
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
