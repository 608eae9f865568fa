package dev.vigil.posture.extract.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.posture.model.Api;
import dev.vigil.posture.model.ApiStage;
import dev.vigil.posture.model.Deployment;
import dev.vigil.posture.model.HttpRoute;
import dev.vigil.posture.model.Trigger;
import dev.vigil.posture.scan.FileResult;
import dev.vigil.posture.scan.Scanner;
import java.util.List;
import org.junit.jupiter.api.Test;

class ApiReaderTest {

    static Deployment model(String yaml) {
        FileResult r = Scanner.defaults().scanText("t.yaml", yaml, null);
        assertThat(r.error()).isNull();
        return r.deployment();
    }

    static ApiStage stage(Deployment d, String id) {
        return d.apis().stream()
                .flatMap(a -> a.stages().stream())
                .filter(s -> s.id().equals(id))
                .findFirst()
                .orElseThrow();
    }

    private static final String FUNCTION = """
              Fn:
                Type: AWS::Lambda::Function
                Properties:
                  Runtime: java21
                  Handler: a.B::c
                  Role: arn:aws:iam::123456789012:role/r
                  Code: {S3Bucket: b, S3Key: k}
            """;

    @Test
    void restMethodGetsPathFromResourceChainAndFunctionFromSubUri() {
        Deployment d = model("""
                Resources:
                  Api:
                    Type: AWS::ApiGateway::RestApi
                  Orders:
                    Type: AWS::ApiGateway::Resource
                    Properties: {RestApiId: !Ref Api, ParentId: !GetAtt Api.RootResourceId, PathPart: orders}
                  Order:
                    Type: AWS::ApiGateway::Resource
                    Properties: {RestApiId: !Ref Api, ParentId: !Ref Orders, PathPart: "{id}"}
                  Get:
                    Type: AWS::ApiGateway::Method
                    Properties:
                      RestApiId: !Ref Api
                      ResourceId: !Ref Order
                      HttpMethod: get
                      AuthorizationType: AWS_IAM
                      Integration:
                        Type: AWS_PROXY
                        Uri: !Sub arn:aws:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${Fn.Arn}/invocations
                """ + FUNCTION);
        HttpRoute route = d.routes().get(0);
        assertThat(route.apiId()).isEqualTo("Api");
        assertThat(route.method()).isEqualTo("GET");
        assertThat(route.path()).isEqualTo("/orders/{id}");
        assertThat(route.authorization().text()).isEqualTo("AWS_IAM");
        assertThat(route.functionId()).isEqualTo("Fn");
        assertThat(d.triggers()).singleElement().satisfies(t -> {
            assertThat(t.kind()).isEqualTo(Trigger.Kind.HTTP_REST);
            assertThat(t.functionId()).isEqualTo("Fn");
            assertThat(t.route()).isEqualTo(route);
        });
    }

    @Test
    void v2RouteReachesFunctionThroughIntegrationAndJoin() {
        Deployment d = model("""
                Resources:
                  Http:
                    Type: AWS::ApiGatewayV2::Api
                    Properties: {ProtocolType: HTTP}
                  Integ:
                    Type: AWS::ApiGatewayV2::Integration
                    Properties:
                      ApiId: !Ref Http
                      IntegrationUri: !Join ["", ["arn:aws:apigateway:eu-west-1:lambda:path/2015-03-31/functions/", !GetAtt Fn.Arn, "/invocations"]]
                  Route:
                    Type: AWS::ApiGatewayV2::Route
                    Properties:
                      ApiId: !Ref Http
                      RouteKey: POST /items
                      AuthorizationType: JWT
                      Target: !Sub integrations/${Integ}
                """ + FUNCTION);
        HttpRoute route = d.routes().get(0);
        assertThat(route.method()).isEqualTo("POST");
        assertThat(route.path()).isEqualTo("/items");
        assertThat(route.functionId()).isEqualTo("Fn");
        assertThat(d.triggers()).singleElement().extracting(Trigger::kind).isEqualTo(Trigger.Kind.HTTP_API);
    }

    @Test
    void openApiBodyRoutesUseSecurityRequirements() {
        Deployment d = model("""
                Resources:
                  Api:
                    Type: AWS::ApiGateway::RestApi
                    Properties:
                      Body:
                        swagger: "2.0"
                        securityDefinitions:
                          sigv4: {type: apiKey, name: Authorization, in: header, x-amazon-apigateway-authtype: awsSigv4}
                          key: {type: apiKey, name: x-api-key, in: header}
                        paths:
                          /private:
                            get:
                              security: [{sigv4: []}]
                              x-amazon-apigateway-integration: {uri: !Sub "arn:aws:apigateway:r:lambda:path/functions/${Fn.Arn}/invocations"}
                          /public:
                            post:
                              security: [{key: []}]
                """ + FUNCTION);
        assertThat(d.routes()).hasSize(2);
        HttpRoute priv = d.routes().get(0);
        assertThat(priv.path()).isEqualTo("/private");
        assertThat(priv.authorization().text()).isEqualTo("AWS_IAM");
        assertThat(priv.functionId()).isEqualTo("Fn");
        HttpRoute pub = d.routes().get(1);
        assertThat(pub.isOpen()).isTrue();
        assertThat(pub.apiKeyRequired()).isTrue();
    }

    @Test
    void deploymentsBecomeStagesOnlyWhenTheyCreateOrDescribeOne() {
        Deployment d = model("""
                Resources:
                  Deployed:
                    Type: AWS::ApiGateway::Deployment
                    Properties: {RestApiId: a}
                  Named:
                    Type: AWS::ApiGateway::Deployment
                    Properties:
                      RestApiId: a
                      StageName: prod
                      StageDescription:
                        AccessLogSetting: {DestinationArn: arn:aws:logs:r:1:log-group:x}
                        CachingEnabled: true
                        LoggingLevel: INFO
                  Lonely:
                    Type: AWS::ApiGateway::Deployment
                    Properties: {RestApiId: a}
                  Stage:
                    Type: AWS::ApiGateway::Stage
                    Properties: {RestApiId: a, DeploymentId: !Ref Deployed, StageName: live}
                """);
        List<String> ids = d.apis().stream()
                .flatMap(a -> a.stages().stream())
                .map(ApiStage::id)
                .toList();
        assertThat(ids).containsExactlyInAnyOrder("Stage", "Named", "Lonely");
        ApiStage named = stage(d, "Named");
        assertThat(named.kind()).isEqualTo(ApiStage.Kind.REST_DEPLOYMENT);
        assertThat(named.accessLogDestination()).isNotNull();
        assertThat(named.settingsLocation()).isNotNull();
        assertThat(named.methodSettings().get(0).cachingEnabled().text()).isEqualTo("true");
        Api api = d.apis().get(0);
        assertThat(api.declared()).isFalse();
        assertThat(api.id()).isEqualTo("a");
    }

    @Test
    void usagePlansAndWebAclsCoverStagesByReferenceOrName() {
        Deployment d = model("""
                Resources:
                  Api:
                    Type: AWS::ApiGateway::RestApi
                  Prod:
                    Type: AWS::ApiGateway::Stage
                    Properties: {RestApiId: !Ref Api, StageName: prod}
                  Dev:
                    Type: AWS::ApiGateway::Stage
                    Properties: {RestApiId: !Ref Api, StageName: dev}
                  Other:
                    Type: AWS::ApiGateway::Stage
                    Properties: {RestApiId: other, StageName: dev}
                  Plan:
                    Type: AWS::ApiGateway::UsagePlan
                    Properties:
                      ApiStages:
                        - {ApiId: !Ref Api, Stage: !Ref Prod}
                        - {ApiId: !Ref Api, Stage: dev}
                  Acl:
                    Type: AWS::WAFv2::WebACLAssociation
                    Properties:
                      WebACLArn: arn:aws:wafv2:r:1:regional/webacl/x/1
                      ResourceArn: !Sub arn:aws:apigateway:${AWS::Region}::/restapis/${Api}/stages/prod
                """);
        assertThat(stage(d, "Prod").usagePlan()).isTrue();
        assertThat(stage(d, "Dev").usagePlan()).isTrue();
        assertThat(stage(d, "Other").usagePlan()).isFalse();
        assertThat(stage(d, "Prod").webAcl()).isTrue();
        assertThat(stage(d, "Dev").webAcl()).isFalse();
        assertThat(stage(d, "Other").webAcl()).isFalse();
    }

    @Test
    void graphQlDomainsAndIdentityPoolsAreFrontDoors() {
        Deployment d = model("""
                Resources:
                  Graph:
                    Type: AWS::AppSync::GraphQLApi
                    Properties:
                      AuthenticationType: API_KEY
                      AdditionalAuthenticationProviders: [{AuthenticationType: AWS_IAM}]
                      LogConfig: {FieldLogLevel: ERROR, CloudWatchLogsRoleArn: arn:aws:iam::1:role/l}
                  Domain:
                    Type: AWS::ApiGateway::DomainName
                    Properties: {DomainName: api.example.com, SecurityPolicy: TLS_1_2}
                  Pool:
                    Type: AWS::Cognito::IdentityPool
                    Properties: {AllowUnauthenticatedIdentities: true}
                """);
        Api graph = d.apis().stream()
                .filter(a -> a.id().equals("Graph"))
                .findFirst()
                .orElseThrow();
        assertThat(graph.kind()).isEqualTo(Api.Kind.GRAPHQL);
        assertThat(graph.graphQl().authenticationTypes()).hasSize(2);
        assertThat(graph.graphQl().fieldLogLevel().text()).isEqualTo("ERROR");
        Api domain = d.apis().stream()
                .filter(a -> a.id().equals("Domain"))
                .findFirst()
                .orElseThrow();
        assertThat(domain.tlsPolicy().text()).isEqualTo("TLS_1_2");
        Api pool =
                d.apis().stream().filter(a -> a.id().equals("Pool")).findFirst().orElseThrow();
        assertThat(pool.allowUnauthenticated().is("true")).isTrue();
    }

    @Test
    void cyclicResourceChainEndsWithoutPath() {
        Deployment d = model("""
                Resources:
                  A:
                    Type: AWS::ApiGateway::Resource
                    Properties: {ParentId: !Ref B, PathPart: a}
                  B:
                    Type: AWS::ApiGateway::Resource
                    Properties: {ParentId: !Ref A, PathPart: b}
                  M:
                    Type: AWS::ApiGateway::Method
                    Properties: {ResourceId: !Ref A, HttpMethod: GET}
                """);
        assertThat(d.routes().get(0).path()).isNull();
    }

    @Test
    void samAndServerlessEventsBecomeHttpTriggersOfTheirFunctions() {
        Deployment sam = model("""
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  Orders:
                    Type: AWS::Serverless::Function
                    Properties:
                      Runtime: java21
                      Handler: a.B::c
                      CodeUri: build/orders.zip
                      Events:
                        List:
                          Type: Api
                          Properties: {Path: "/orders/{id}", Method: get}
                """);
        assertThat(sam.triggers()).singleElement().satisfies(t -> {
            assertThat(t.kind()).isEqualTo(Trigger.Kind.HTTP_REST);
            assertThat(t.functionId()).isEqualTo("Orders");
            assertThat(t.route().path()).isEqualTo("/orders/{id}");
            assertThat(t.route().method()).isEqualTo("GET");
        });
        FileResult r = Scanner.defaults().scanText("serverless.yml", """
                        service: s
                        provider: {name: aws, runtime: java21}
                        functions:
                          hello:
                            handler: a.B::c
                            events:
                              - httpApi: POST /hello
                        """, null);
        Deployment sls = r.deployment();
        assertThat(sls.triggers()).singleElement().satisfies(t -> {
            assertThat(t.kind()).isEqualTo(Trigger.Kind.HTTP_API);
            assertThat(sls.function(t.functionId())).isPresent();
            assertThat(t.route().path()).isEqualTo("/hello");
        });
    }
}
