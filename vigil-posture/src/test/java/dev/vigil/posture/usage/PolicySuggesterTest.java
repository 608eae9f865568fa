package dev.vigil.posture.usage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.posture.iam.ActionCatalog;
import dev.vigil.posture.usage.activity.ActivityLimits;
import dev.vigil.posture.usage.activity.ActivityReader;
import dev.vigil.posture.usage.activity.ApiCall;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class PolicySuggesterTest {

    private static List<ApiCall> allCalls() throws IOException {
        List<ApiCall> calls = new ArrayList<>();
        new ActivityReader(ActivityLimits.defaults(), p -> {})
                .read(
                        List.of(
                                Fixtures.file("orders-trail.json"),
                                Fixtures.file("orders-trail.jsonl"),
                                Fixtures.file("orders-telemetry.jsonl")),
                        calls::add);
        return calls;
    }

    private static SuggestedPolicy suggest(CallFilter filter, boolean denied, List<ApiCall> calls) {
        PolicySuggester s = new PolicySuggester(new ActionMapper(ActionCatalog.builtIn()), filter, denied);
        calls.forEach(s);
        return s.result();
    }

    @Test
    void functionPolicyHasTheObservedActionsAndResources() throws IOException {
        SuggestedPolicy p = suggest(CallFilter.function("orders-fn"), false, allCalls());
        assertThat(p.resourcesByAction().keySet())
                .contains(
                        "s3:GetObject",
                        "s3:ListBucket",
                        "s3:PutObject",
                        "dynamodb:GetItem",
                        "dynamodb:PutItem",
                        "dynamodb:Query",
                        "dynamodb:UpdateItem",
                        "dynamodb:ConditionCheckItem",
                        "lambda:InvokeFunction",
                        "lambda:GetFunction",
                        "sqs:SendMessage",
                        "sns:Publish",
                        "kms:Decrypt",
                        "secretsmanager:GetSecretValue",
                        "ssm:GetParameter",
                        "cloudwatch:PutMetricData",
                        "logs:CreateLogStream",
                        "events:PutEvents")
                .doesNotContain("dynamodb:DeleteTable", "iam:ListRoles", "s3:DeleteObject");
        assertThat(p.resourcesByAction().get("s3:GetObject")).containsExactly("arn:aws:s3:::orders-in/incoming/2026/*");
        assertThat(p.resourcesByAction().get("s3:ListBucket")).containsExactly("arn:aws:s3:::orders-in");
        assertThat(p.resourcesByAction().get("sqs:SendMessage"))
                .containsExactly("arn:aws:sqs:eu-west-1:111122223333:orders-events");
        assertThat(p.resourcesByAction().get("kms:Decrypt"))
                .containsExactly("arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab");
        assertThat(p.resourcesByAction().get("cloudwatch:PutMetricData")).containsExactly("*");
        // log-group:NAME:* without the catalogue, log-group:NAME:log-stream:* with it
        assertThat(p.resourcesByAction().get("logs:CreateLogStream"))
                .singleElement()
                .asString()
                .startsWith("arn:aws:logs:eu-west-1:111122223333:log-group:/aws/lambda/orders-fn:")
                .endsWith("*");
        assertThat(p.deniedByAction()).containsOnlyKeys("dynamodb:DeleteTable", "iam:ListRoles", "s3:DeleteObject");
        assertThat(p.unmapped())
                .containsOnlyKeys(
                        "signin:ConsoleLogin (needs no IAM permission)",
                        "sts:GetCallerIdentity (needs no IAM permission)");
        assertThat(p.serviceEvents()).isEqualTo(1);
    }

    @Test
    void deniedCallsAreGrantedOnlyWhenAsked() throws IOException {
        SuggestedPolicy p = suggest(CallFilter.role("orders-role"), true, allCalls());
        assertThat(p.resourcesByAction()).containsKeys("dynamodb:DeleteTable", "iam:ListRoles");
        assertThat(p.resourcesByAction().get("dynamodb:DeleteTable"))
                .containsExactly("arn:aws:dynamodb:eu-west-1:111122223333:table/Orders");
    }

    @Test
    void roleSelectionUsesTheSessionIssuerOrTheAssumedRoleName() throws IOException {
        List<ApiCall> calls = allCalls();
        SuggestedPolicy byArn =
                suggest(CallFilter.role("arn:aws:iam::111122223333:role/service-role/orders-role"), false, calls);
        SuggestedPolicy byName = suggest(CallFilter.role("orders-role"), false, calls);
        SuggestedPolicy wrongAccount =
                suggest(CallFilter.role("arn:aws:iam::999999999999:role/service-role/orders-role"), false, calls);
        SuggestedPolicy other = suggest(CallFilter.role("arn:aws:iam::111122223333:role/reports-role"), false, calls);
        assertThat(byArn.callsMatched()).isEqualTo(23);
        assertThat(byName.policyJson()).isEqualTo(byArn.policyJson());
        assertThat(wrongAccount.callsMatched()).isZero();
        assertThat(other.resourcesByAction()).containsOnlyKeys("s3:GetObject");
        assertThat(other.resourcesByAction().get("s3:GetObject")).containsExactly("arn:aws:s3:::reports/r.csv");
    }

    @Test
    void policyIsValidIamJsonAndDeterministic() throws IOException {
        List<ApiCall> calls = allCalls();
        String first = suggest(CallFilter.function("orders-fn"), false, calls).policyJson();
        for (int seed = 0; seed < 5; seed++) {
            List<ApiCall> shuffled = new ArrayList<>(calls);
            Collections.shuffle(shuffled, new Random(seed));
            assertThat(suggest(CallFilter.function("orders-fn"), false, shuffled)
                            .policyJson())
                    .isEqualTo(first);
        }
        JsonNode doc = new ObjectMapper().readTree(first);
        assertThat(doc.get("Version").asText()).isEqualTo("2012-10-17");
        Set<String> sids = new TreeSet<>();
        Set<String> actions = new TreeSet<>();
        for (JsonNode st : doc.get("Statement")) {
            assertThat(st.get("Effect").asText()).isEqualTo("Allow");
            assertThat(st.get("Sid").asText()).matches("[A-Za-z0-9]+");
            assertThat(sids.add(st.get("Sid").asText())).isTrue();
            assertThat(st.get("Action").isArray()).isTrue();
            for (JsonNode a : st.get("Action")) {
                assertThat(a.asText()).matches("[a-z0-9-]+:[A-Za-z0-9]+");
                assertThat(actions.add(a.asText()))
                        .as("action in one statement only")
                        .isTrue();
            }
            JsonNode r = st.get("Resource");
            assertThat(r.isTextual() || r.isArray()).isTrue();
        }
        assertThat(first).doesNotContain("\t");
    }

    @Test
    void emptyWhenNothingMatched() throws IOException {
        SuggestedPolicy p = suggest(CallFilter.function("nobody"), false, allCalls());
        assertThat(p.callsMatched()).isZero();
        assertThat(p.policyJson()).isEqualTo("{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": []\n}");
    }
}
