package dev.vigil.posture.format;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.posture.source.MapNode;
import dev.vigil.posture.source.Node;
import dev.vigil.posture.source.SeqNode;
import dev.vigil.posture.template.CfnResource;
import dev.vigil.posture.template.CfnTemplate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SamEventLoweringTest {
    static CfnTemplate t;
    static CfnTemplate f;

    @BeforeAll
    static void lower() throws Exception {
        t = Templates.lowerResource("sam/events.yaml");
        f = Templates.lowerResource("sam/functions.yaml");
    }

    private static String getAttTarget(Node n) {
        return ((MapNode) n).seq("Fn::GetAtt").items().get(0).text();
    }

    @Test
    void streamAndQueueEventsBecomeEventSourceMappings() {
        for (String id : new String[] {"WorkerStream", "WorkerTable", "WorkerKafka", "WorkerBroker"}) {
            CfnResource m = t.resource(id);
            assertThat(m.type()).as(id).isEqualTo("AWS::Lambda::EventSourceMapping");
            assertThat(m.properties().map("FunctionName").text("Ref")).isEqualTo("Worker");
            assertThat(m.properties().has("EventSourceArn")).isTrue();
        }
        assertThat(t.resource("WorkerStream").properties().text("BisectBatchOnFunctionError"))
                .isEqualTo("true");
        assertThat(t.resource("WorkerStream").location().line()).isEqualTo(11);
        CfnResource sqs = f.resource("OrdersFunctionQueue");
        assertThat(sqs.properties().text("BatchSize")).isEqualTo("5");
        assertThat(getAttTarget(sqs.properties().get("EventSourceArn"))).isEqualTo("Dlq");
    }

    @Test
    void snsEventSubscribesAndPermits() {
        CfnResource sub = f.resource("OrdersFunctionTopic");
        assertThat(sub.type()).isEqualTo("AWS::SNS::Subscription");
        assertThat(sub.properties().text("Protocol")).isEqualTo("lambda");
        assertThat(getAttTarget(sub.properties().get("Endpoint"))).isEqualTo("OrdersFunction");
        assertThat(f.resource("OrdersFunctionTopicPermission").properties().text("Principal"))
                .isEqualTo("sns.amazonaws.com");
    }

    @Test
    void s3EventAddsNotificationToTheBucket() {
        CfnResource bucket = f.resource("Uploads");
        SeqNode configs = bucket.properties().map("NotificationConfiguration").seq("LambdaConfigurations");
        MapNode c = (MapNode) configs.items().get(0);
        assertThat(c.text("Event")).isEqualTo("s3:ObjectCreated:*");
        assertThat(getAttTarget(c.get("Function"))).isEqualTo("OrdersFunction");
        assertThat(bucket.properties().text("BucketName")).isEqualTo("uploads");
        MapNode perm = f.resource("OrdersFunctionUploadPermission").properties();
        assertThat(perm.text("Principal")).isEqualTo("s3.amazonaws.com");
        assertThat(perm.map("SourceAccount").text("Ref")).isEqualTo("AWS::AccountId");
    }

    @Test
    void schedulesAndRulesTargetTheFunction() {
        CfnResource nightly = f.resource("OrdersFunctionNightly");
        assertThat(nightly.type()).isEqualTo("AWS::Events::Rule");
        assertThat(nightly.properties().text("ScheduleExpression")).isEqualTo("rate(1 day)");
        assertThat(nightly.properties().text("State")).isEqualTo("DISABLED");
        MapNode target = (MapNode) nightly.properties().seq("Targets").items().get(0);
        assertThat(getAttTarget(target.get("Arn"))).isEqualTo("OrdersFunction");
        assertThat(f.resource("OrdersFunctionNightlyPermission").properties().text("Principal"))
                .isEqualTo("events.amazonaws.com");
        assertThat(t.resource("WorkerBus").properties().text("EventBusName")).isEqualTo("custom");
        assertThat(t.resource("WorkerLegacy").properties().map("EventPattern")).isNotNull();
        CfnResource v2 = t.resource("WorkerLater");
        assertThat(v2.type()).isEqualTo("AWS::Scheduler::Schedule");
        assertThat(getAttTarget(v2.properties().map("Target").get("RoleArn"))).isEqualTo("WorkerLaterRole");
    }

    @Test
    void logsIotAlexaAndCognitoEvents() {
        assertThat(t.resource("WorkerLogs").type()).isEqualTo("AWS::Logs::SubscriptionFilter");
        assertThat(t.resource("WorkerLogsPermission").properties().text("Principal"))
                .isEqualTo("logs.amazonaws.com");
        assertThat(t.resource("WorkerIot").type()).isEqualTo("AWS::IoT::TopicRule");
        assertThat(t.resource("WorkerAlexaPermission").properties().text("EventSourceToken"))
                .isEqualTo("amzn1.ask.skill.1");
        MapNode lambdaConfig = t.resource("Pool").properties().map("LambdaConfig");
        assertThat(lambdaConfig.has("CustomMessage")).isTrue();
        assertThat(getAttTarget(lambdaConfig.get("PreSignUp"))).isEqualTo("Worker");
        assertThat(getAttTarget(lambdaConfig.get("PostConfirmation"))).isEqualTo("Worker");
    }

    @Test
    void eventSourcesAddTheirManagedPolicies() {
        SeqNode arns = t.resource("WorkerRole").properties().seq("ManagedPolicyArns");
        assertThat(arns.items())
                .extracting(Node::text)
                .contains(
                        "arn:aws:iam::aws:policy/service-role/AWSLambdaKinesisExecutionRole",
                        "arn:aws:iam::aws:policy/service-role/AWSLambdaDynamoDBExecutionRole");
    }

    @Test
    void autoPublishAliasCreatesVersionAndAlias() {
        assertThat(t.resource("WorkerVersion").type()).isEqualTo("AWS::Lambda::Version");
        assertThat(t.resource("WorkerAliaslive").properties().text("Name")).isEqualTo("live");
    }

    @Test
    void simpleTableBecomesDynamoDbTable() {
        CfnResource table = t.resource("Table");
        assertThat(table.type()).isEqualTo("AWS::DynamoDB::Table");
        MapNode attr =
                (MapNode) table.properties().seq("AttributeDefinitions").items().get(0);
        assertThat(attr.text("AttributeName")).isEqualTo("pk");
        assertThat(attr.text("AttributeType")).isEqualTo("N");
        assertThat(table.properties().text("BillingMode")).isEqualTo("PAY_PER_REQUEST");
        assertThat(table.properties().map("SSESpecification").text("SSEEnabled"))
                .isEqualTo("true");
        CfnResource provisioned = t.resource("Provisioned");
        assertThat(provisioned.properties().has("BillingMode")).isFalse();
        assertThat(provisioned.properties().map("ProvisionedThroughput")).isNotNull();
    }

    @Test
    void stateMachineGetsRoleLoggingTracingAndRules() {
        CfnResource sm = t.resource("Flow");
        assertThat(sm.type()).isEqualTo("AWS::StepFunctions::StateMachine");
        assertThat(sm.properties().map("LoggingConfiguration").text("Level")).isEqualTo("ALL");
        assertThat(sm.properties().map("TracingConfiguration").text("Enabled")).isEqualTo("true");
        assertThat(getAttTarget(sm.properties().get("RoleArn"))).isEqualTo("FlowRole");
        MapNode trust = t.resource("FlowRole").properties().map("AssumeRolePolicyDocument");
        MapNode st = (MapNode) trust.seq("Statement").items().get(0);
        assertThat(st.map("Principal").seq("Service").items().get(0).text()).isEqualTo("states.amazonaws.com");
        MapNode policy = (MapNode)
                t.resource("FlowRole").properties().seq("Policies").items().get(0);
        MapNode invoke =
                (MapNode) policy.map("PolicyDocument").seq("Statement").items().get(0);
        assertThat(invoke.seq("Action").items().get(0).text()).isEqualTo("lambda:InvokeFunction");
        CfnResource rule = t.resource("FlowEvery");
        MapNode target = (MapNode) rule.properties().seq("Targets").items().get(0);
        assertThat(target.map("Arn").text("Ref")).isEqualTo("Flow");
        assertThat(getAttTarget(target.get("RoleArn"))).isEqualTo("FlowEveryRole");
    }

    @Test
    void unknownEventTypesAndResourcesAreProblemsNotFailures() {
        assertThat(t.problems()).anyMatch(p -> p.contains("Carrier"));
        assertThat(t.problems()).anyMatch(p -> p.contains("AWS::Serverless::Connector"));
        assertThat(t.resource("Other").type()).isEqualTo("AWS::Serverless::Connector");
    }

    @Test
    void conditionIsCopiedToGeneratedResources() throws Exception {
        CfnTemplate c = Templates.lower("c.yaml", """
                Transform: AWS::Serverless-2016-10-31
                Conditions:
                  IsProd: !Equals [!Ref AWS::AccountId, '1']
                Resources:
                  Fn:
                    Type: AWS::Serverless::Function
                    Condition: IsProd
                    Properties:
                      Handler: a.b
                      Runtime: python3.12
                      FunctionUrlConfig:
                        AuthType: AWS_IAM
                """);
        assertThat(c.resource("Fn").raw().text("Condition")).isEqualTo("IsProd");
        assertThat(c.resource("FnRole").raw().text("Condition")).isEqualTo("IsProd");
        assertThat(c.resource("FnUrl").raw().text("Condition")).isEqualTo("IsProd");
        assertThat(c.resource("FnUrlPublicPermissions")).isNull();
    }

    @Test
    void policiesGivenAsOneStringOrWithIfAreRead() throws Exception {
        CfnTemplate c = Templates.lower("p.yaml", """
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  Fn:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: a.b
                      Runtime: python3.12
                      PermissionsBoundary: arn:aws:iam::1:policy/boundary
                      RolePath: /app/
                      Policies: AmazonS3ReadOnlyAccess
                  Fn2:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: a.b
                      Runtime: python3.12
                      Policies:
                        - !If [IsProd, AmazonS3ReadOnlyAccess, !Ref AWS::NoValue]
                        - !Ref SomePolicyArn
                """);
        MapNode role = c.resource("FnRole").properties();
        assertThat(role.seq("ManagedPolicyArns").items())
                .extracting(Node::text)
                .contains("arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess");
        assertThat(role.text("PermissionsBoundary")).isEqualTo("arn:aws:iam::1:policy/boundary");
        assertThat(role.text("Path")).isEqualTo("/app/");
        SeqNode arns2 = c.resource("Fn2Role").properties().seq("ManagedPolicyArns");
        assertThat(arns2.items()).extracting(Node::text).contains("arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess");
        assertThat(arns2.items()).anyMatch(n -> n instanceof MapNode m && "SomePolicyArn".equals(m.text("Ref")));
    }
}
