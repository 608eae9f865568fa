package dev.vigil.posture.format;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.posture.source.Intrinsic;
import dev.vigil.posture.source.MapNode;
import dev.vigil.posture.source.Node;
import dev.vigil.posture.source.SeqNode;
import dev.vigil.posture.template.CfnResource;
import dev.vigil.posture.template.CfnTemplate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SamFunctionLoweringTest {
    static CfnTemplate t;

    @BeforeAll
    static void lower() throws Exception {
        t = Templates.lowerResource("sam/functions.yaml");
    }

    static List<String> texts(Node seq) {
        List<String> out = new ArrayList<>();
        for (Node n : ((SeqNode) seq).items()) {
            out.add(n.text());
        }
        return out;
    }

    @Test
    void functionBecomesLambdaFunctionAtItsKey() {
        CfnResource fn = t.resource("OrdersFunction");
        assertThat(fn.type()).isEqualTo("AWS::Lambda::Function");
        assertThat(fn.location().line()).isEqualTo(25);
        assertThat(fn.origin()).contains("AWS::Serverless::Function");
        assertThat(fn.properties().text("Handler")).isEqualTo("app.handler");
        assertThat(fn.properties().get("Handler").location().line()).isEqualTo(28);
    }

    @Test
    void generatedResourcesKeepThePropertiesKeyOfTheirSamResource() {
        assertThat(t.resource("OrdersFunction").raw().keyLocation("Properties").line())
                .isEqualTo(27);
        assertThat(t.resource("OrdersFunctionRole")
                        .raw()
                        .keyLocation("Properties")
                        .line())
                .isEqualTo(27);
        assertThat(t.resource("OrdersFunctionRole").location().line()).isEqualTo(25);
        assertThat(t.resource("OrdersFunctionQueue")
                        .raw()
                        .keyLocation("Properties")
                        .line())
                .isEqualTo(67);
    }

    @Test
    void globalsScalarsAreOverriddenByTheResource() {
        MapNode fn = t.resource("OrdersFunction").properties();
        assertThat(fn.text("Timeout")).isEqualTo("30");
        assertThat(fn.text("Runtime")).isEqualTo("python3.12");
        assertThat(fn.get("Runtime").location().line()).isEqualTo(9);
        assertThat(t.resource("RoleGiven").properties().text("Timeout")).isEqualTo("10");
    }

    @Test
    void globalsMapsMergeDeeply() {
        MapNode vars =
                t.resource("OrdersFunction").properties().map("Environment").map("Variables");
        assertThat(vars.text("STAGE")).isEqualTo("prod");
        assertThat(vars.text("LOG_LEVEL")).isEqualTo("debug");
        assertThat(vars.keyLocation("LOG_LEVEL").line()).isEqualTo(33);
    }

    @Test
    void globalsListsAreAppendedGlobalFirst() {
        SeqNode layers = t.resource("OrdersFunction").properties().seq("Layers");
        assertThat(layers.size()).isEqualTo(2);
        assertThat(layers.items().get(0).text()).contains("layer:common");
        assertThat(((MapNode) layers.items().get(1)).text("Ref")).isEqualTo("OwnLayer");
    }

    @Test
    void tracingDlqAndTagsUseCloudFormationShapes() {
        MapNode fn = t.resource("OrdersFunction").properties();
        assertThat(fn.map("TracingConfig").text("Mode")).isEqualTo("Active");
        assertThat(fn.map("DeadLetterConfig").map("TargetArn").has("Fn::GetAtt"))
                .isTrue();
        SeqNode tags = t.resource("RoleGiven").properties().seq("Tags");
        assertThat(tags.items()).extracting(n -> ((MapNode) n).text("Key")).containsExactly("team", "owner");
        assertThat(tags.items()).extracting(n -> ((MapNode) n).text("Value")).containsExactly("payments", "ops");
    }

    @Test
    void codeUriIsPackagedCode() {
        MapNode code = t.resource("OrdersFunction").properties().map("Code");
        assertThat(code.text("S3Key")).isEqualTo("src/");
        assertThat(Intrinsic.isIntrinsic(code.get("S3Bucket"))).isTrue();
    }

    @Test
    void generatedRoleHasTrustAndManagedPolicies() {
        CfnResource fn = t.resource("OrdersFunction");
        assertThat(fn.properties().map("Role").seq("Fn::GetAtt").items().get(0).text())
                .isEqualTo("OrdersFunctionRole");
        CfnResource role = t.resource("OrdersFunctionRole");
        assertThat(role.type()).isEqualTo("AWS::IAM::Role");
        assertThat(role.location().line()).isEqualTo(25);
        MapNode trust = role.properties().map("AssumeRolePolicyDocument");
        MapNode statement = (MapNode) trust.seq("Statement").items().get(0);
        assertThat(texts(statement.map("Principal").get("Service"))).containsExactly("lambda.amazonaws.com");
        assertThat(texts(role.properties().get("ManagedPolicyArns")))
                .containsExactly(
                        "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole",
                        "arn:aws:iam::aws:policy/AWSXrayWriteOnlyAccess",
                        "arn:aws:iam::aws:policy/AWSLambdaExecute",
                        "arn:aws:iam::aws:policy/ReadOnlyAccess",
                        "arn:aws:iam::aws:policy/service-role/AWSLambdaSQSQueueExecutionRole");
    }

    @Test
    void givenRoleIsKeptAndVpcAddsNoRole() {
        CfnResource fn = t.resource("RoleGiven");
        assertThat(fn.properties().map("Role").seq("Fn::GetAtt").items().get(0).text())
                .isEqualTo("SomeRole");
        assertThat(t.resource("RoleGivenRole")).isNull();
    }

    private MapNode inlinePolicy(String name) {
        for (Node n :
                t.resource("OrdersFunctionRole").properties().seq("Policies").items()) {
            if (name.equals(((MapNode) n).text("PolicyName"))) {
                return ((MapNode) n).map("PolicyDocument");
            }
        }
        return null;
    }

    @Test
    void policyTemplatesExpandToTheirStatements() {
        MapNode doc = inlinePolicy("OrdersFunctionRolePolicy2");
        MapNode st = (MapNode) doc.seq("Statement").items().get(0);
        assertThat(texts(st.get("Action"))).contains("dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:DeleteItem");
        MapNode resource = (MapNode) st.seq("Resource").items().get(0);
        SeqNode sub = resource.seq("Fn::Sub");
        assertThat(sub.items().get(0).text()).endsWith(":table/${TableName}");
        assertThat(((MapNode) sub.items().get(1)).map("TableName").text("Ref")).isEqualTo("TableName");
        assertThat(st.location().line()).isEqualTo(42);

        MapNode vpc = (MapNode) inlinePolicy("OrdersFunctionRolePolicy3")
                .seq("Statement")
                .items()
                .get(0);
        assertThat(texts(vpc.get("Resource"))).containsExactly("*");
    }

    @Test
    void inlineStatementsAreKeptAsWritten() {
        MapNode st = (MapNode) inlinePolicy("OrdersFunctionRolePolicy4")
                .seq("Statement")
                .items()
                .get(0);
        assertThat(st.text("Action")).isEqualTo("s3:GetObject");
        assertThat(st.get("Action").location().line()).isEqualTo(47);
    }

    @Test
    void unknownPolicyTemplateIsMarkedUnresolved() {
        MapNode st = (MapNode) inlinePolicy("OrdersFunctionRolePolicy5")
                .seq("Statement")
                .items()
                .get(0);
        assertThat(st.map("Action").has(Intrinsic.UNRESOLVED)).isTrue();
        assertThat(st.map("Resource").has(Intrinsic.UNRESOLVED)).isTrue();
        assertThat(t.problems()).anyMatch(p -> p.contains("MadeUpPolicy"));
    }

    @Test
    void deadLetterQueueAndDestinationsAddSendPermissions() {
        MapNode dlq = inlinePolicy("OrdersFunctionDeadLetterQueuePolicy");
        assertThat(texts(((MapNode) dlq.seq("Statement").items().get(0)).get("Action")))
                .containsExactly("sqs:SendMessage");
        assertThat(inlinePolicy("OrdersFunctionEventInvokeConfigOnFailurePolicy"))
                .isNotNull();
    }

    @Test
    void functionUrlWithAuthNoneGetsPublicPermission() {
        CfnResource url = t.resource("OrdersFunctionUrl");
        assertThat(url.type()).isEqualTo("AWS::Lambda::Url");
        assertThat(url.properties().text("AuthType")).isEqualTo("NONE");
        assertThat(url.properties().get("AuthType").location().line()).isEqualTo(52);
        assertThat(url.properties()
                        .map("TargetFunctionArn")
                        .seq("Fn::GetAtt")
                        .items()
                        .get(0)
                        .text())
                .isEqualTo("OrdersFunction");
        CfnResource perm = t.resource("OrdersFunctionUrlPublicPermissions");
        assertThat(perm.properties().text("Principal")).isEqualTo("*");
        assertThat(perm.properties().text("FunctionUrlAuthType")).isEqualTo("NONE");
        assertThat(perm.properties().text("Action")).isEqualTo("lambda:InvokeFunctionUrl");
    }

    @Test
    void eventInvokeConfigBecomesItsOwnResource() {
        CfnResource cfg = t.resource("OrdersFunctionEventInvokeConfig");
        assertThat(cfg.type()).isEqualTo("AWS::Lambda::EventInvokeConfig");
        assertThat(cfg.properties().text("MaximumRetryAttempts")).isEqualTo("1");
        assertThat(cfg.properties().text("Qualifier")).isEqualTo("$LATEST");
        assertThat(cfg.properties().map("DestinationConfig").map("OnFailure").has("Destination"))
                .isTrue();
    }

    @Test
    void layerVersionIsLowered() {
        CfnResource layer = t.resource("OwnLayer");
        assertThat(layer.type()).isEqualTo("AWS::Lambda::LayerVersion");
        assertThat(layer.raw().text("DeletionPolicy")).isEqualTo("Retain");
    }

    @Test
    void samTemplateMarkersAreGone() {
        assertThat(t.root().has("Globals")).isFalse();
        assertThat(t.resources()).noneMatch(r -> r.type().startsWith("AWS::Serverless::"));
        assertThat(t.parameters().has("TableName")).isTrue();
    }

    @Test
    void cloudFormationSpellingsInSamAreReadAsMeant() throws Exception {
        CfnTemplate c = Templates.lower("l.yaml", """
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  Fn:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: a.b
                      Runtime: python3.12
                      DeadLetterConfig:
                        TargetArn: arn:aws:sqs:us-east-1:1:q
                  Api:
                    Type: AWS::Serverless::Api
                    Properties:
                      StageName: prod
                      EndpointConfiguration:
                        Types: [PRIVATE]
                """);
        assertThat(c.resource("Fn").properties().map("DeadLetterConfig").text("TargetArn"))
                .isEqualTo("arn:aws:sqs:us-east-1:1:q");
        MapNode ec = c.resource("Api").properties().map("EndpointConfiguration");
        assertThat(ec.seq("Types").items().get(0).text()).isEqualTo("PRIVATE");
    }
}
