package dev.vigil.posture.format.serverless;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.posture.format.LoweringContext;
import dev.vigil.posture.source.Intrinsic;
import dev.vigil.posture.source.MapNode;
import dev.vigil.posture.source.Node;
import dev.vigil.posture.source.SeqNode;
import dev.vigil.posture.source.SourceLimits;
import dev.vigil.posture.source.YamlReader;
import dev.vigil.posture.template.CfnResource;
import dev.vigil.posture.template.CfnTemplate;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Lowering of small serverless.yml files written for each feature ({@code src/test/resources/serverless}). */
class ServerlessCompilerTest {
    static final Path DIR = Path.of("src/test/resources/serverless");

    static CfnTemplate lower(String name, Map<String, String> env, Map<String, String> options) throws Exception {
        Path p = DIR.resolve(name);
        MapNode root = (MapNode) new YamlReader(SourceLimits.DEFAULT).read(p.toString(), Files.readString(p));
        return ServerlessCompiler.compile(p.toString(), root, new LoweringContext(p.getParent(), env, options));
    }

    static CfnTemplate lower(String name) throws Exception {
        return lower(name, Map.of(), Map.of());
    }

    /** The node at a path of keys and list indexes below a resource's properties. */
    static Node at(CfnResource r, Object... path) {
        Node n = r.properties();
        for (Object p : path) {
            if (n instanceof MapNode m && p instanceof String k) {
                n = m.get(k);
            } else if (n instanceof SeqNode q && p instanceof Integer i) {
                n = i < q.size() ? q.items().get(i) : null;
            } else {
                return null;
            }
        }
        return n;
    }

    static String text(CfnResource r, Object... path) {
        Node n = at(r, path);
        return n == null ? null : n.text();
    }

    static String unresolved(Node n) {
        return n instanceof MapNode m && m.has(Intrinsic.UNRESOLVED) ? m.text(Intrinsic.UNRESOLVED) : null;
    }

    static List<String> texts(Node n) {
        List<String> out = new ArrayList<>();
        if (n instanceof SeqNode q) {
            q.items().forEach(i -> out.add(i.text()));
        }
        return out;
    }

    @Test
    void resolvesEachVariableSource() throws Exception {
        CfnTemplate t = lower("vars/serverless.yml", Map.of("HOME_FOR_TEST", "/home/tester"), Map.of());
        CfnResource fn = t.resource("HelloDashworldUnderscorefnLambdaFunction");
        assertThat(fn).isNotNull();
        MapNode env = (MapNode) at(fn, "Environment", "Variables");
        assertThat(env.text("STAGE")).isEqualTo("dev");
        assertThat(env.text("REGION")).isEqualTo("eu-west-1");
        assertThat(env.text("NESTED_MEMORY")).isEqualTo("512");
        assertThat(env.text("HOME_DIR")).isEqualTo("/home/tester");
        assertThat(env.text("PARTIAL")).isEqualTo("prefix-vars-demo-dev-suffix");
        assertThat(env.text("CFN_SUB")).isEqualTo("arn:${AWS::Partition}:s3:::bucket");
        assertThat(env.text("FROM_YAML")).isEqualTo("hello-from-yaml");
        assertThat(env.text("JSON_KEY")).isEqualTo("value-from-json");
        assertThat(env.text("TABLE")).isEqualTo("table-default");
        assertThat(env.text("BOOL")).isEqualTo("true");
        assertThat(env.text("MISSING_FILE")).isEqualTo("fallback-file");
        assertThat(env.text("SECRET_WITH_FALLBACK")).isEqualTo("lit");
        assertThat(env.text("NUMBER_FALLBACK")).isEqualTo("42");
        assertThat(text(fn, "MemorySize")).isEqualTo("512");
    }

    @Test
    void optionsSelectTheStageAndParams() throws Exception {
        CfnTemplate t = lower("vars/serverless.yml", Map.of(), Map.of("stage", "prod", "region", "us-west-2"));
        MapNode env = (MapNode) at(t.resource("HelloDashworldUnderscorefnLambdaFunction"), "Environment", "Variables");
        assertThat(env.text("STAGE")).isEqualTo("prod");
        assertThat(env.text("REGION")).isEqualTo("us-west-2");
        assertThat(env.text("NESTED_MEMORY")).isEqualTo("2048");
        assertThat(env.text("TABLE")).isEqualTo("table-prod");
        assertThat(env.text("HOME_DIR")).isEqualTo("/home/default");
        assertThat(text(t.resource("HelloDashworldUnderscorefnLambdaFunction"), "FunctionName"))
                .isEqualTo("vars-demo-prod-hello-world_fn");
    }

    @Test
    void whatNeedsAwsCyclesAndEscapesStaySymbolic() throws Exception {
        CfnTemplate t = lower("vars/serverless.yml");
        MapNode env = (MapNode) at(t.resource("HelloDashworldUnderscorefnLambdaFunction"), "Environment", "Variables");
        assertThat(unresolved(env.get("SECRET"))).isEqualTo("${ssm:/my/secret}");
        assertThat(unresolved(env.get("PARTIAL_UNRESOLVED"))).isEqualTo("prefix-${cf:other.Output}");
        assertThat(unresolved(env.get("CYCLE"))).isEqualTo("${self:custom.cycleA}");
        assertThat(unresolved(env.get("SELF_LOOP"))).isEqualTo("${self:custom.selfLoop}");
        assertThat(unresolved(env.get("ESCAPE"))).isEqualTo("${self:custom.escape}");
        assertThat(unresolved(env.get("ABSOLUTE"))).isEqualTo("${self:custom.absolute}");
        assertThat(unresolved(env.get("JS_FILE"))).isEqualTo("${self:custom.jsFile}");
        assertThat(unresolved(env.get("INSTANCE"))).isEqualTo("${sls:instanceId}");
        assertThat(unresolved(env.get("ACCOUNT"))).isEqualTo("${aws:accountId}");
        assertThat(t.problems()).anyMatch(p -> p.contains("../outside.yml") && p.contains("refused"));
        assertThat(t.problems()).anyMatch(p -> p.contains("/etc/passwd") && p.contains("refused"));
        assertThat(t.problems().toString()).doesNotContain("should-never-be-read");
    }

    @Test
    void wholeValueSubstitutionKeepsTheTypeAndPartialKeepsTheSite() throws Exception {
        CfnTemplate t = lower("vars/serverless.yml");
        CfnResource fn = t.resource("HelloDashworldUnderscorefnLambdaFunction");
        Node origins = at(fn, "Environment", "Variables", "ORIGINS");
        assertThat(texts(origins)).containsExactly("https://a.example", "https://b.example");
        // the list is placed where it is used; its items keep the lines they were written on
        assertThat(origins.location().line()).isEqualTo(58);
        assertThat(((SeqNode) origins).items().get(0).location().line()).isEqualTo(24);
        Node stage = at(fn, "Environment", "Variables", "STAGE");
        assertThat(stage.location().line()).isEqualTo(32);
    }

    @Test
    void functionsInheritProviderSettings() throws Exception {
        CfnTemplate t = lower("functions.yml");
        CfnResource first = t.resource("FirstLambdaFunction");
        assertThat(first.origin()).isEqualTo("serverless.yml functions.first");
        assertThat(first.location().line()).isEqualTo(30);
        assertThat(text(first, "FunctionName")).isEqualTo("fn-demo-dev-first");
        assertThat(text(first, "Runtime")).isEqualTo("python3.12");
        assertThat(first.locationOf("Runtime").line()).isEqualTo(4);
        assertThat(text(first, "MemorySize")).isEqualTo("256");
        assertThat(text(first, "Timeout")).isEqualTo("10");
        assertThat(text(first, "TracingConfig", "Mode")).isEqualTo("Active");
        assertThat(text(first, "KmsKeyArn")).endsWith("key/provider");
        assertThat(texts(at(first, "VpcConfig", "SubnetIds"))).containsExactly("subnet-1", "subnet-2");
        MapNode env = (MapNode) at(first, "Environment", "Variables");
        assertThat(env.text("SHARED")).isEqualTo("provider");
        assertThat(env.text("OVERRIDDEN")).isEqualTo("function");
        assertThat(text(first, "Tags", 0, "Key")).isEqualTo("cost");
        assertThat(text(first, "Tags", 1, "Value")).isEqualTo("api");
        assertThat(text(first, "ReservedConcurrentExecutions")).isEqualTo("5");
        assertThat(first.locationOf("ReservedConcurrentExecutions").line()).isEqualTo(36);
        assertThat(text(first, "DeadLetterConfig", "TargetArn")).endsWith(":dlq");
        assertThat(text(first, "Layers", 0)).contains(":layer:deps:1");
        assertThat(text(first, "Architectures", 0)).isEqualTo("arm64");
        assertThat(text(first, "Role", "Fn::GetAtt", 0)).isEqualTo("IamRoleLambdaExecution");

        CfnResource second = t.resource("SecondLambdaFunction");
        assertThat(text(second, "FunctionName")).isEqualTo("custom-second");
        assertThat(text(second, "Runtime")).isEqualTo("nodejs12.x");
        assertThat(text(second, "Role")).isEqualTo("arn:aws:iam::111122223333:role/existing");
        assertThat(text(second, "TracingConfig", "Mode")).isEqualTo("PassThrough");
        assertThat(second.locationOf("TracingConfig").line()).isEqualTo(46);
        assertThat(text(second, "KmsKeyArn")).endsWith("key/own");
        CfnResource evConf = t.resource("SecondLambdaEvConf");
        assertThat(text(evConf, "DestinationConfig", "OnFailure", "Destination"))
                .endsWith(":failures");

        CfnResource third = t.resource("ThirdLambdaFunction");
        assertThat(text(third, "Role", "Fn::GetAtt", 0)).isEqualTo("CustomRole");
        assertThat(at(third, "TracingConfig", "Mode").text()).isEqualTo("Active"); // provider.tracing.lambda
        CfnResource image = t.resource("ImageLambdaFunction");
        assertThat(text(image, "PackageType")).isEqualTo("Image");
        assertThat(at(image, "Runtime")).isNull();
        assertThat(t.resource("FirstLogGroup")).isNotNull();
    }

    @Test
    void sharedAndPerFunctionRolesKeepStatementLocations() throws Exception {
        CfnTemplate t = lower("functions.yml");
        CfnResource shared = t.resource("IamRoleLambdaExecution");
        assertThat(shared.type()).isEqualTo("AWS::IAM::Role");
        SeqNode statements = (SeqNode) at(shared, "Policies", 0, "PolicyDocument", "Statement");
        assertThat(statements.items()).anyMatch(s -> "s3:GetObject".equals(((MapNode) s).text("Action")));
        Node declared = statements.items().stream()
                .filter(s -> "s3:GetObject".equals(((MapNode) s).text("Action")))
                .findFirst()
                .orElseThrow();
        assertThat(declared.location().line()).isEqualTo(23);
        assertThat(texts(statements.items().get(0).asMap().get("Action"))).contains("logs:CreateLogStream");
        assertThat(texts(at(shared, "ManagedPolicyArns")).get(0)).endsWith("ReadOnlyAccess");
        assertThat(text(shared, "PermissionsBoundary")).endsWith("policy/boundary");
        assertThat(statements.items())
                .anyMatch(s -> texts(((MapNode) s).get("Action")).contains("sns:Publish"));
        assertThat(statements.items())
                .anyMatch(s -> texts(((MapNode) s).get("Action")).contains("xray:PutTraceSegments"));

        CfnResource own = t.resource("PerFunctionIamRoleLambdaExecution");
        assertThat(own).isNotNull();
        assertThat(text(t.resource("PerFunctionLambdaFunction"), "Role", "Fn::GetAtt", 0))
                .isEqualTo("PerFunctionIamRoleLambdaExecution");
        SeqNode ownStatements = (SeqNode) at(own, "Policies", 0, "PolicyDocument", "Statement");
        assertThat(ownStatements.items()).anyMatch(s -> "dynamodb:*".equals(((MapNode) s).text("Action")));
    }

    @Test
    void legacyStatementsAreKeptEvenWhenEveryFunctionHasItsOwnRole() throws Exception {
        CfnTemplate t = lower("legacy-statements.yml");
        CfnResource shared = t.resource("IamRoleLambdaExecution");
        assertThat(shared).isNotNull();
        SeqNode statements = (SeqNode) at(shared, "Policies", 0, "PolicyDocument", "Statement");
        assertThat(statements.items()).anyMatch(s -> "*".equals(((MapNode) s).text("Action")));
        assertThat(texts(at(shared, "ManagedPolicyArns")))
                .containsExactly("arn:aws:iam::aws:policy/AdministratorAccess");
    }

    @Test
    void functionUrlsDefaultToNoAuthAndOpenCors() throws Exception {
        CfnTemplate t = lower("url.yml");
        CfnResource open = t.resource("OpenLambdaFunctionUrl");
        assertThat(text(open, "AuthType")).isEqualTo("NONE");
        assertThat(open.location().line()).isEqualTo(8);
        assertThat(text(open, "TargetFunctionArn", "Fn::GetAtt", 0)).isEqualTo("OpenLambdaFunction");
        CfnResource perm = t.resource("OpenLambdaPermissionFnUrl");
        assertThat(text(perm, "Principal")).isEqualTo("*");
        assertThat(text(perm, "FunctionUrlAuthType")).isEqualTo("NONE");
        assertThat(text(t.resource("IamLambdaFunctionUrl"), "AuthType")).isEqualTo("AWS_IAM");
        assertThat(t.resource("IamLambdaPermissionFnUrl")).isNull();
        CfnResource cors = t.resource("CorsLambdaFunctionUrl");
        assertThat(texts(at(cors, "Cors", "AllowOrigins"))).containsExactly("*");
        assertThat(texts(at(cors, "Cors", "AllowHeaders"))).contains("Authorization");
        CfnResource corsMap = t.resource("CorsMapLambdaFunctionUrl");
        assertThat(texts(at(corsMap, "Cors", "AllowOrigins"))).containsExactly("*");
        assertThat(texts(at(corsMap, "Cors", "AllowMethods"))).containsExactly("GET");
    }

    @Test
    void restApiEvents() throws Exception {
        CfnTemplate t = lower("http.yml");
        CfnResource api = t.resource("ApiGatewayRestApi");
        assertThat(text(api, "EndpointConfiguration", "Types", 0)).isEqualTo("REGIONAL");
        assertThat(text(api, "MinimumCompressionSize")).isEqualTo("1024");
        assertThat(text(api, "Policy", "Statement", 0, "Principal")).isEqualTo("*");
        CfnResource get = t.resource("ApiGatewayMethodUsersIdVarGet");
        assertThat(text(get, "HttpMethod")).isEqualTo("GET");
        assertThat(text(get, "AuthorizationType")).isEqualTo("NONE");
        assertThat(text(get, "ApiKeyRequired")).isEqualTo("true");
        assertThat(get.location().line()).isEqualTo(42);
        assertThat(get.raw().map("Metadata").map("Vigil").text("Path")).isEqualTo("/users/{id}");
        assertThat(text(get, "Integration", "Uri", "Fn::Join", 1, 5, "Fn::GetAtt", 0))
                .isEqualTo("UsersLambdaFunction");
        assertThat(text(t.resource("ApiGatewayResourceUsersIdVar"), "PathPart")).isEqualTo("{id}");
        assertThat(t.resource("ApiGatewayMethodUsersIdVarOptions")).isNotNull();
        assertThat(text(t.resource("ApiGatewayMethodUsersPost"), "AuthorizationType"))
                .isEqualTo("AWS_IAM");
        assertThat(text(t.resource("ApiGatewayMethodGet"), "HttpMethod")).isEqualTo("GET");
        assertThat(text(t.resource("ApiGatewayMethodAdminAny"), "AuthorizationType"))
                .isEqualTo("COGNITO_USER_POOLS");
        CfnResource custom = t.resource("ApiGatewayMethodCustomGet");
        assertThat(text(custom, "AuthorizationType")).isEqualTo("CUSTOM");
        assertThat(text(custom, "AuthorizerId", "Ref")).isEqualTo("AuthApiGatewayAuthorizer");
        CfnResource pool = t.resource("ApiGatewayMethodPoolGet");
        assertThat(text(pool, "AuthorizationType")).isEqualTo("COGNITO_USER_POOLS");
        String poolAuthorizer = text(pool, "AuthorizerId", "Ref");
        assertThat(text(t.resource(poolAuthorizer), "ProviderARNs", 0, "Fn::GetAtt", 0))
                .isEqualTo("UserPool");
        CfnResource stage = t.resource("ApiGatewayStage");
        assertThat(text(stage, "TracingEnabled")).isEqualTo("true");
        assertThat(at(stage, "AccessLogSetting", "DestinationArn")).isNotNull();
        CfnResource plan = t.resource("ApiGatewayUsagePlan");
        assertThat(text(plan, "Throttle", "RateLimit")).isEqualTo("100");
        assertThat(text(plan, "Quota", "Limit")).isEqualTo("5000");
        assertThat(t.resource("ApiGatewayApiKey1")).isNotNull();
        CfnResource perm = t.resource("UsersLambdaPermissionApiGateway");
        assertThat(text(perm, "Principal")).isEqualTo("apigateway.amazonaws.com");
        assertThat(at(perm, "SourceArn")).isNotNull();
    }

    @Test
    void httpApiAndWebsocketEvents() throws Exception {
        CfnTemplate t = lower("http.yml");
        CfnResource api = t.resource("HttpApi");
        assertThat(text(api, "ProtocolType")).isEqualTo("HTTP");
        assertThat(texts(at(api, "CorsConfiguration", "AllowOrigins"))).containsExactly("*");
        assertThat(text(t.resource("HttpApiRouteDefault"), "RouteKey")).isEqualTo("$default");
        CfnResource get = t.resource("HttpApiRouteGetThingsIdVar");
        assertThat(text(get, "RouteKey")).isEqualTo("GET /things/{id}");
        assertThat(at(get, "AuthorizationType")).isNull();
        assertThat(text(t.resource("HttpApiRoutePostThings"), "AuthorizationType"))
                .isEqualTo("JWT");
        assertThat(text(t.resource("HttpApiRouteDeleteThingsIdVar"), "AuthorizationType"))
                .isEqualTo("CUSTOM");
        assertThat(text(t.resource("HttpApiRoutePutThingsIdVar"), "AuthorizationType"))
                .isEqualTo("AWS_IAM");
        assertThat(text(t.resource("HttpApiIntegrationV2"), "IntegrationUri", "Fn::GetAtt", 0))
                .isEqualTo("V2LambdaFunction");
        assertThat(at(t.resource("HttpApiStage"), "AccessLogSettings")).isNotNull();
        assertThat(text(t.resource("HttpApiAuthorizerJwtAuth"), "AuthorizerType"))
                .isEqualTo("JWT");
        assertThat(text(t.resource("WebsocketsApi"), "ProtocolType")).isEqualTo("WEBSOCKET");
        assertThat(text(t.resource("SconnectWebsocketsRoute"), "RouteKey")).isEqualTo("$connect");
        assertThat(text(t.resource("SconnectWebsocketsRoute"), "AuthorizationType"))
                .isEqualTo("NONE");
    }

    @Test
    void otherEvents() throws Exception {
        CfnTemplate t = lower("events.yml");
        CfnResource sqs = t.resource("WorkerEventSourceMappingSQSJobs");
        assertThat(text(sqs, "EventSourceArn")).endsWith(":jobs");
        assertThat(sqs.location().line()).isEqualTo(14);
        assertThat(t.resource("WorkerEventSourceMappingSQSJobsQueue")).isNotNull();
        assertThat(t.resource("WorkerEventSourceMappingDynamodbOrders")).isNotNull();
        assertThat(t.resource("WorkerEventSourceMappingKinesisClicks")).isNotNull();
        assertThat(text(t.resource("SNSTopicNewtopic"), "TopicName")).isEqualTo("new-topic");
        assertThat(t.resource("WorkerSnsSubscriptionExisting")).isNotNull();
        assertThat(t.resource("WorkerLambdaPermissionExistingSNS")).isNotNull();
        CfnResource bucket = t.resource("S3BucketUploads");
        SeqNode configs = (SeqNode) at(bucket, "NotificationConfiguration", "LambdaConfigurations");
        assertThat(configs.size()).isEqualTo(2);
        assertThat(t.resource("S3BucketLegacy")).isNull();
        assertThat(t.resource("WorkerLambdaPermissionLegacyS3")).isNotNull();
        assertThat(text(t.resource("S3BucketConfiguredbucketname"), "VersioningConfiguration", "Status"))
                .isEqualTo("Enabled");
        assertThat(text(t.resource("WorkerEventsRuleSchedule1"), "ScheduleExpression"))
                .isEqualTo("rate(5 minutes)");
        assertThat(text(t.resource("WorkerEventsRuleSchedule2"), "State")).isEqualTo("DISABLED");
        assertThat(text(t.resource("WorkerEventBridgeRule1"), "EventBusName")).isEqualTo("custom-bus");
        assertThat(t.resource("EventBridgeEventBusCustombus")).isNotNull();
        assertThat(t.resource("WorkerEventsRuleCloudWatchEvent1")).isNotNull();
        assertThat(t.resource("WorkerLogsSubscriptionFilterCloudWatchLog1")).isNotNull();
        assertThat(t.resource("WorkerAlbTargetGroup1")).isNotNull();
        assertThat(text(t.resource("WorkerLambdaPermissionAlb"), "Principal"))
                .isEqualTo("elasticloadbalancing.amazonaws.com");
        assertThat(t.resource("CognitoUserPoolMyPool")).isNotNull();
        assertThat(t.resource("WorkerIotTopicRule1")).isNotNull();
        assertThat(text(t.resource("WorkerLambdaPermissionAlexaSkill1"), "EventSourceToken"))
                .isEqualTo("amzn1.ask.skill.123");
        assertThat(at(t.resource("WorkerLambdaPermissionAlexaSkill2"), "EventSourceToken"))
                .isNull();
        assertThat(t.problems()).anyMatch(p -> p.contains("somethingNew"));
        SeqNode statements =
                (SeqNode) at(t.resource("IamRoleLambdaExecution"), "Policies", 0, "PolicyDocument", "Statement");
        assertThat(statements.items())
                .anyMatch(s -> texts(((MapNode) s).get("Action")).contains("sqs:ReceiveMessage"));
    }

    @Test
    void resourcesAreMergedWithOriginAndExtensions() throws Exception {
        CfnTemplate t = lower("events.yml");
        assertThat(t.resource("JobsQueue").origin()).isEqualTo("serverless.yml resources");
        assertThat(text(t.resource("WorkerLambdaFunction"), "Description")).isEqualTo("merged from resources");
        assertThat(text(t.resource("WorkerLambdaFunction"), "Handler")).isEqualTo("worker.handler");
        assertThat(text(t.resource("WorkerLogGroup"), "RetentionInDays")).isEqualTo("30");
    }

    @Test
    void legacyFormsListFunctionsServiceObjectAndResourceLists() throws Exception {
        CfnTemplate t = lower("legacy.yml");
        CfnResource one = t.resource("OneLambdaFunction");
        assertThat(text(one, "Role")).isEqualTo("arn:aws:iam::111122223333:role/shared");
        assertThat(text(one, "KmsKeyArn")).endsWith("key/service");
        assertThat(text(one, "FunctionName")).isEqualTo("legacy-demo-dev-one");
        assertThat(t.resource("IamRoleLambdaExecution")).isNull();
        assertThat(t.resource("TwoLambdaFunction")).isNotNull();
        assertThat(t.resource("BucketA")).isNotNull();
        assertThat(t.resource("BucketB")).isNotNull();
        assertThat(t.conditions().has("IsProd")).isTrue();
        assertThat(text(t.resource("ApiGatewayUsagePlan"), "Throttle", "RateLimit"))
                .isEqualTo("10");
    }

    @Test
    void providerApiSettingsAloneStillModelTheApiAndItsStage() throws Exception {
        CfnTemplate t = lower("provider-api-only.yml");
        CfnResource api = t.resource("ApiGatewayRestApi");
        assertThat(api).isNotNull();
        assertThat(api.location().line()).isEqualTo(4);
        assertThat(text(api, "MinimumCompressionSize")).isEqualTo("10485760");
        CfnResource stage = t.resource("ApiGatewayStage");
        assertThat(at(stage, "AccessLogSetting")).isNull();
        assertThat(stage.location().line()).isEqualTo(8);
        assertThat(at(stage, "TracingEnabled")).isNull();
    }

    @Test
    void withoutLogsTheStageHasNoAccessLogSetting() throws Exception {
        CfnTemplate t = lower("legacy.yml");
        CfnResource stage = t.resource("ApiGatewayStage");
        assertThat(stage).isNotNull();
        assertThat(at(stage, "AccessLogSetting")).isNull();
        assertThat(text(t.resource("ApiGatewayRestApi"), "EndpointConfiguration", "Types", 0))
                .isEqualTo("EDGE");
    }

    @Test
    void unreadableIncludesAreSkippedWithAProblem() throws Exception {
        CfnTemplate t = lower("unreadable.yml");
        assertThat(t.resource("FromFileLambdaFunction")).isNull();
        assertThat(t.resource("OkLambdaFunction")).isNotNull();
        assertThat(t.resource("FromFile")).isNull();
        assertThat(t.problems()).anyMatch(p -> p.contains("function fromFile is ${file(./missing-function.yml)}"));
        assertThat(t.problems()).anyMatch(p -> p.contains("resource FromFile is ${file(./missing-resource.yml)}"));
    }

    @Test
    void perFunctionRolesInheritProviderStatementsWhenAsked() throws Exception {
        CfnTemplate t = lower("inherit.yml");
        SeqNode inheriting = (SeqNode)
                at(t.resource("InheritingIamRoleLambdaExecution"), "Policies", 0, "PolicyDocument", "Statement");
        assertThat(inheriting.items()).anyMatch(s -> "s3:ListBucket".equals(((MapNode) s).text("Action")));
        assertThat(inheriting.items()).anyMatch(s -> "sqs:SendMessage".equals(((MapNode) s).text("Action")));
        SeqNode own = (SeqNode)
                at(t.resource("NotInheritingIamRoleLambdaExecution"), "Policies", 0, "PolicyDocument", "Statement");
        assertThat(own.items()).noneMatch(s -> "s3:ListBucket".equals(((MapNode) s).text("Action")));
    }

    @Test
    void apiSettingsOfAServiceWithoutHttpEventsCreateNoApi() throws Exception {
        CfnTemplate t = lower("unused-api-settings.yml");
        assertThat(t.resource("ApiGatewayRestApi")).isNull();
        assertThat(t.resource("ApiGatewayStage")).isNull();
        assertThat(t.resource("OnEventLambdaFunction")).isNotNull();
    }
}
