package dev.vigil.posture.format;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.posture.source.MapNode;
import dev.vigil.posture.source.Node;
import dev.vigil.posture.source.SeqNode;
import dev.vigil.posture.template.CfnResource;
import dev.vigil.posture.template.CfnTemplate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SamApiLoweringTest {
    static CfnTemplate t;

    @BeforeAll
    static void lower() throws Exception {
        t = Templates.lowerResource("sam/apis.yaml");
    }

    private static String getAttTarget(Node n) {
        return ((MapNode) n).seq("Fn::GetAtt").items().get(0).text();
    }

    @Test
    void explicitApiBecomesRestApiDeploymentAndStage() {
        CfnResource api = t.resource("RestApi");
        assertThat(api.type()).isEqualTo("AWS::ApiGateway::RestApi");
        MapNode ec = api.properties().map("EndpointConfiguration");
        assertThat(ec.seq("Types").items().get(0).text()).isEqualTo("PRIVATE");
        assertThat(ec.seq("VpcEndpointIds").size()).isEqualTo(1);
        MapNode statement = (MapNode)
                api.properties().map("Policy").seq("Statement").items().get(0);
        assertThat(statement.text("Principal")).isEqualTo("*");
        assertThat(t.resource("RestApiDeployment").type()).isEqualTo("AWS::ApiGateway::Deployment");
        CfnResource stage = t.resource("RestApiv1Stage");
        assertThat(stage.type()).isEqualTo("AWS::ApiGateway::Stage");
        assertThat(stage.properties().text("StageName")).isEqualTo("v1");
        assertThat(stage.properties().text("TracingEnabled")).isEqualTo("true");
        assertThat(stage.properties().seq("MethodSettings").size()).isEqualTo(1);
    }

    @Test
    void authorizersUsagePlanAndDomainAreGenerated() {
        assertThat(t.resource("RestApiUsersAuthorizer").properties().text("Type"))
                .isEqualTo("COGNITO_USER_POOLS");
        assertThat(t.resource("RestApiCustomAuthorizer").properties().text("Type"))
                .isEqualTo("TOKEN");
        assertThat(t.resource("RestApiCustomAuthorizerPermission").properties().text("Principal"))
                .isEqualTo("apigateway.amazonaws.com");
        CfnResource plan = t.resource("RestApiUsagePlan");
        MapNode apiStage = (MapNode) plan.properties().seq("ApiStages").items().get(0);
        assertThat(apiStage.map("ApiId").text("Ref")).isEqualTo("RestApi");
        assertThat(apiStage.map("Stage").text("Ref")).isEqualTo("RestApiv1Stage");
        assertThat(t.resource("RestApiApiKey")).isNotNull();
        CfnResource domain = t.resource("RestApiDomainName");
        assertThat(domain.properties().text("SecurityPolicy")).isEqualTo("TLS_1_0");
        assertThat(domain.properties().get("SecurityPolicy").location().line()).isEqualTo(40);
    }

    @Test
    void defaultAuthorizerAppliesUnlessTheEventSaysOtherwise() {
        CfnResource secured = t.resource("HandlerSecuredMethod");
        assertThat(secured.type()).isEqualTo("AWS::ApiGateway::Method");
        assertThat(secured.properties().text("HttpMethod")).isEqualTo("POST");
        assertThat(secured.properties().text("AuthorizationType")).isEqualTo("COGNITO_USER_POOLS");
        assertThat(secured.properties().map("AuthorizerId").text("Ref")).isEqualTo("RestApiUsersAuthorizer");
        assertThat(secured.location().line()).isEqualTo(59);

        MapNode open = t.resource("HandlerOpenMethod").properties();
        assertThat(open.text("AuthorizationType")).isEqualTo("NONE");
        assertThat(open.get("AuthorizationType").location().line()).isEqualTo(72);
        assertThat(open.text("ApiKeyRequired")).isEqualTo("false");

        MapNode iam = t.resource("HandlerIamMethod").properties();
        assertThat(iam.text("AuthorizationType")).isEqualTo("AWS_IAM");
        assertThat(iam.text("HttpMethod")).isEqualTo("ANY");

        MapNode custom = t.resource("HandlerLambdaMethod").properties();
        assertThat(custom.text("AuthorizationType")).isEqualTo("CUSTOM");
        assertThat(custom.text("ApiKeyRequired")).isEqualTo("true");
    }

    @Test
    void methodsCarryTheirPathAsResourceChainAndMetadata() {
        CfnResource m = t.resource("HandlerLambdaMethod");
        assertThat(m.raw().map("Metadata").map("Vigil").text("Path")).isEqualTo("/items/{id}");
        String leaf = m.properties().map("ResourceId").text("Ref");
        CfnResource r = t.resource(leaf);
        assertThat(r.type()).isEqualTo("AWS::ApiGateway::Resource");
        assertThat(r.properties().text("PathPart")).isEqualTo("{id}");
        CfnResource parent = t.resource(r.properties().map("ParentId").text("Ref"));
        assertThat(parent.properties().text("PathPart")).isEqualTo("items");
        assertThat(parent.properties()
                        .map("ParentId")
                        .seq("Fn::GetAtt")
                        .items()
                        .get(1)
                        .text())
                .isEqualTo("RootResourceId");
    }

    @Test
    void integrationUriReferencesTheFunctionArn() {
        MapNode integration = t.resource("HandlerSecuredMethod").properties().map("Integration");
        assertThat(integration.text("Type")).isEqualTo("AWS_PROXY");
        SeqNode parts = (SeqNode) integration.map("Uri").seq("Fn::Join").items().get(1);
        assertThat(parts.items())
                .anyMatch(n -> n instanceof MapNode mm
                        && mm.has("Fn::GetAtt")
                        && getAttTarget(mm).equals("Handler"));
        MapNode lambdaPerm = t.resource("HandlerLambdaPermission").properties();
        assertThat(((SeqNode) lambdaPerm.map("SourceArn").get("Fn::Sub"))
                        .items()
                        .get(0)
                        .text())
                .endsWith("/${__Stage__}/DELETE/items/*");
        CfnResource perm = t.resource("HandlerSecuredPermission");
        assertThat(perm.properties().text("Principal")).isEqualTo("apigateway.amazonaws.com");
        assertThat(perm.properties().map("FunctionName").text("Ref")).isEqualTo("Handler");
    }

    @Test
    void httpApiRoutesCarryRouteKeyAuthAndIntegration() {
        assertThat(t.resource("Http").type()).isEqualTo("AWS::ApiGatewayV2::Api");
        assertThat(t.resource("HttpJwtAuthorizer").properties().text("AuthorizerType"))
                .isEqualTo("JWT");
        MapNode route = t.resource("HandlerHttpJwtRoute").properties();
        assertThat(route.text("RouteKey")).isEqualTo("GET /orders");
        assertThat(route.text("AuthorizationType")).isEqualTo("JWT");
        assertThat(t.resource("HandlerHttpOpenRoute").properties().text("AuthorizationType"))
                .isEqualTo("NONE");
        MapNode integration = t.resource("HandlerHttpJwtIntegration").properties();
        assertThat(getAttTarget(integration.get("IntegrationUri"))).isEqualTo("Handler");
        SeqNode target = route.map("Target").seq("Fn::Join");
        assertThat(((MapNode) ((SeqNode) target.items().get(1)).items().get(1)).text("Ref"))
                .isEqualTo("HandlerHttpJwtIntegration");
    }

    @Test
    void implicitHttpApiTakesGlobalsAndDefaultRoute() {
        CfnResource api = t.resource("ServerlessHttpApi");
        assertThat(api.type()).isEqualTo("AWS::ApiGatewayV2::Api");
        CfnResource stage = t.resource("ServerlessHttpApiApiGatewayDefaultStage");
        assertThat(stage.properties().map("AccessLogSettings").text("Format")).isEqualTo("$context.requestId");
        assertThat(stage.properties().text("StageName")).isEqualTo("$default");
        assertThat(t.resource("HandlerImplicitRoute").properties().text("RouteKey"))
                .isEqualTo("$default");
        assertThat(t.resource("HttpApiGatewayDefaultStage").properties().map("AccessLogSettings"))
                .isNotNull();
    }

    @Test
    void inlineCodeBecomesZipFile() {
        assertThat(t.resource("AuthFn").properties().map("Code").text("ZipFile"))
                .startsWith("exports.handler");
    }

    @Test
    void implicitRestApiUsesGlobalsAndProdStage() throws Exception {
        CfnTemplate i = Templates.lower("i.yaml", """
                Transform: AWS::Serverless-2016-10-31
                Globals:
                  Api:
                    EndpointConfiguration: REGIONAL
                    Auth:
                      ApiKeyRequired: true
                    AccessLogSetting:
                      DestinationArn: arn:aws:logs:us-east-1:1:log-group:x
                Resources:
                  Fn:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: a.b
                      Runtime: python3.12
                      Events:
                        Root:
                          Type: Api
                          Properties:
                            Path: /
                            Method: GET
                """);
        assertThat(i.resource("ServerlessRestApi")
                        .properties()
                        .map("EndpointConfiguration")
                        .seq("Types")
                        .items()
                        .get(0)
                        .text())
                .isEqualTo("REGIONAL");
        CfnResource stage = i.resource("ServerlessRestApiProdStage");
        assertThat(stage.properties().text("StageName")).isEqualTo("Prod");
        assertThat(stage.properties().map("AccessLogSetting")).isNotNull();
        MapNode m = i.resource("FnRootMethod").properties();
        assertThat(m.text("ApiKeyRequired")).isEqualTo("true");
        assertThat(m.map("ResourceId").seq("Fn::GetAtt").items().get(1).text()).isEqualTo("RootResourceId");
        assertThat(i.resource("FnRootPermissionProd")).isNotNull();
    }

    @Test
    void definitionBodyStaysTheApiBody() throws Exception {
        CfnTemplate s = Templates.lower("s.yaml", """
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  Api:
                    Type: AWS::Serverless::Api
                    Properties:
                      StageName: prod
                      DefinitionBody:
                        swagger: '2.0'
                        securityDefinitions:
                          pool:
                            type: apiKey
                            name: Authorization
                            in: header
                            x-amazon-apigateway-authtype: cognito_user_pools
                          api_key:
                            type: apiKey
                            name: x-api-key
                            in: header
                        paths:
                          /pets:
                            get:
                              security:
                                - pool: []
                                - api_key: []
                              x-amazon-apigateway-integration:
                                type: aws_proxy
                                httpMethod: POST
                                uri: !Sub arn:aws:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${Fn.Arn}/invocations
                            post:
                              x-amazon-apigateway-integration:
                                type: mock
                """);
        MapNode body = s.resource("Api").properties().map("Body");
        assertThat(body.map("paths").map("/pets").has("get")).isTrue();
        assertThat(s.resources("AWS::ApiGateway::Method")).isEmpty();
        assertThat(s.resource("ApiprodStage")).isNotNull();
    }
}
