package dev.vigil.posture.extract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.posture.model.Deployment;
import dev.vigil.posture.model.Format;
import dev.vigil.posture.model.Function;
import dev.vigil.posture.model.LambdaPermission;
import dev.vigil.posture.model.Trigger;
import dev.vigil.posture.model.Value;
import dev.vigil.posture.source.MapNode;
import dev.vigil.posture.source.SourceLimits;
import dev.vigil.posture.source.YamlReader;
import dev.vigil.posture.template.CfnTemplate;
import java.util.List;
import org.junit.jupiter.api.Test;

class LambdaExtractorTest {

    static Deployment model(String yaml) throws Exception {
        MapNode root = (MapNode) new YamlReader(SourceLimits.DEFAULT).read("t.yaml", yaml);
        return Extractors.extract(CfnTemplate.of("t.yaml", root, null), Format.CLOUDFORMATION);
    }

    static final String FULL = """
            Parameters:
              Rt:
                Type: String
                Default: python3.12
            Resources:
              Role:
                Type: AWS::IAM::Role
                Properties:
                  AssumeRolePolicyDocument: {}
              SubnetA:
                Type: AWS::EC2::Subnet
                Properties:
                  AvailabilityZone: !Select [0, !GetAZs '']
              SubnetB:
                Type: AWS::EC2::Subnet
                Properties:
                  AvailabilityZone: !Select [1, !GetAZs '']
              Fn:
                Type: AWS::Lambda::Function
                Properties:
                  FunctionName: orders
                  Runtime: !Ref Rt
                  Handler: app.handler
                  Role: !GetAtt Role.Arn
                  ReservedConcurrentExecutions: 5
                  Timeout: 10
                  MemorySize: 512
                  KmsKeyArn: arn:aws:kms:eu-west-1:111122223333:key/abc
                  CodeSigningConfigArn: !Ref Csc
                  Environment:
                    Variables:
                      TABLE: orders
                      SECRET: !Ref Secret
                  TracingConfig:
                    Mode: Active
                  DeadLetterConfig:
                    TargetArn: arn:aws:sqs:eu-west-1:111122223333:dlq
                  Layers:
                    - arn:aws:lambda:eu-west-1:444455556666:layer:x:1
                  VpcConfig:
                    SubnetIds: [!Ref SubnetA, !Ref SubnetB]
                    SecurityGroupIds: [sg-1]
                  Tags:
                    - Key: owner
                      Value: team-a
            """;

    @Test
    void readsEveryComponentOfAFunction() throws Exception {
        Function f = model(FULL).function("Fn").orElseThrow();
        assertThat(f.location().line()).isEqualTo(18);
        assertThat(f.name().text()).isEqualTo("orders");
        assertThat(f.runtime())
                .isEqualTo(Value.literal("python3.12", f.runtime().location()));
        assertThat(f.handler().text()).isEqualTo("app.handler");
        assertThat(f.role()).isEqualTo(new Function.RoleRef("Role", null));
        assertThat(f.reservedConcurrency().text()).isEqualTo("5");
        assertThat(f.timeout().text()).isEqualTo("10");
        assertThat(f.memory().text()).isEqualTo("512");
        assertThat(f.kmsKey().literal()).isTrue();
        assertThat(f.codeSigningConfig().literal()).isFalse();
        assertThat(f.environment()).extracting(Function.EnvVar::name).containsExactly("TABLE", "SECRET");
        assertThat(f.environment().get(0).keyLocation().line()).isEqualTo(32);
        assertThat(f.environment().get(1).value().literal()).isFalse();
        assertThat(f.tracing().text()).isEqualTo("Active");
        assertThat(f.deadLetterTarget().text()).endsWith(":dlq");
        assertThat(f.layers())
                .extracting(Value::text)
                .containsExactly("arn:aws:lambda:eu-west-1:444455556666:layer:x:1");
        assertThat(f.vpc().subnetIds()).hasSize(2);
        assertThat(f.vpc().subnetCountKnown()).isTrue();
        assertThat(f.vpc().availabilityZones()).isEqualTo(2);
        assertThat(f.tags()).containsOnlyKeys("owner");
        assertThat(f.origin()).isEqualTo("AWS::Lambda::Function");
        assertThat(f.url()).isNull();
    }

    @Test
    void roleOutsideTheTemplateKeepsItsArn() throws Exception {
        Function f = model("""
                        Resources:
                          Fn:
                            Type: AWS::Lambda::Function
                            Properties:
                              Role: arn:aws:iam::111122223333:role/r
                              Tags: {team: a}
                              VpcConfig:
                                SubnetIds: !Ref Subnets
                        """).function("Fn").orElseThrow();
        assertThat(f.role().roleId()).isNull();
        assertThat(f.role().arn().text()).isEqualTo("arn:aws:iam::111122223333:role/r");
        assertThat(f.tags()).containsOnlyKeys("team");
        assertThat(f.vpc().subnetCountKnown()).isFalse();
        assertThat(f.vpc().availabilityZones()).isNull();
    }

    @Test
    void urlInvokeConfigAndPermissionAttachToTheirFunction() throws Exception {
        Deployment d = model("""
                Resources:
                  Fn:
                    Type: AWS::Lambda::Function
                    Properties:
                      FunctionName: hello
                  Url:
                    Type: AWS::Lambda::Url
                    Properties:
                      AuthType: NONE
                      TargetFunctionArn: !GetAtt Fn.Arn
                      Cors:
                        AllowOrigins: ['*']
                  Invoke:
                    Type: AWS::Lambda::EventInvokeConfig
                    Properties:
                      FunctionName: !Ref Fn
                      Qualifier: $LATEST
                      DestinationConfig:
                        OnFailure:
                          Destination: arn:aws:sqs:eu-west-1:111122223333:failed
                  ByName:
                    Type: AWS::Lambda::Permission
                    Properties:
                      FunctionName: arn:aws:lambda:eu-west-1:111122223333:function:hello:live
                      Action: lambda:InvokeFunctionUrl
                      Principal: '*'
                      FunctionUrlAuthType: NONE
                  Elsewhere:
                    Type: AWS::Lambda::Url
                    Properties:
                      AuthType: AWS_IAM
                      TargetFunctionArn: arn:aws:lambda:eu-west-1:111122223333:function:other
                """);
        Function f = d.function("Fn").orElseThrow();
        assertThat(f.url().authType().text()).isEqualTo("NONE");
        assertThat(f.url().corsAllowOrigins()).extracting(Value::text).containsExactly("*");
        assertThat(f.deadLetterTarget().text()).endsWith(":failed");
        LambdaPermission p = d.permissions().get(0);
        assertThat(p.functionId()).isEqualTo("Fn");
        assertThat(p.principal().text()).isEqualTo("*");
        assertThat(p.functionUrlAuthType().text()).isEqualTo("NONE");
        assertThat(d.triggers())
                .extracting(Trigger::kind, Trigger::functionId)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(Trigger.Kind.FUNCTION_URL, "Fn"),
                        org.assertj.core.groups.Tuple.tuple(Trigger.Kind.FUNCTION_URL, null));
        assertThat(d.triggers().get(1).url().authType().text()).isEqualTo("AWS_IAM");
    }

    @Test
    void readsNonHttpTriggers() throws Exception {
        Deployment d = model("""
                Resources:
                  Fn:
                    Type: AWS::Lambda::Function
                    Properties: {}
                  Alias:
                    Type: AWS::Lambda::Alias
                    Properties:
                      FunctionName: !Ref Fn
                  Queue:
                    Type: AWS::SQS::Queue
                  FromQueue:
                    Type: AWS::Lambda::EventSourceMapping
                    Properties:
                      FunctionName: !Ref Alias
                      EventSourceArn: !GetAtt Queue.Arn
                  FromStream:
                    Type: AWS::Lambda::EventSourceMapping
                    Properties:
                      FunctionName: !GetAtt Fn.Arn
                      EventSourceArn: !Sub arn:${AWS::Partition}:kinesis:${AWS::Region}:${AWS::AccountId}:stream/s
                  FromTable:
                    Type: AWS::Lambda::EventSourceMapping
                    Properties:
                      FunctionName: !Ref Fn
                      EventSourceArn: arn:aws:dynamodb:eu-west-1:111122223333:table/t/stream/2024
                  Bucket:
                    Type: AWS::S3::Bucket
                    Properties:
                      NotificationConfiguration:
                        LambdaConfigurations:
                          - Event: s3:ObjectCreated:*
                            Function: !GetAtt Fn.Arn
                  Topic:
                    Type: AWS::SNS::Topic
                    Properties:
                      Subscription:
                        - Protocol: lambda
                          Endpoint: !GetAtt Fn.Arn
                  Sub:
                    Type: AWS::SNS::Subscription
                    Properties:
                      Protocol: lambda
                      TopicArn: !Ref Topic
                      Endpoint: !Sub '${Fn.Arn}'
                  Nightly:
                    Type: AWS::Events::Rule
                    Properties:
                      ScheduleExpression: rate(1 day)
                      Targets:
                        - Id: t
                          Arn: !GetAtt Fn.Arn
                  OnEvent:
                    Type: AWS::Events::Rule
                    Properties:
                      EventPattern: {source: [aws.ec2]}
                      Targets:
                        - Id: t
                          Arn: !Join ['', [!GetAtt Fn.Arn]]
                  Later:
                    Type: AWS::Scheduler::Schedule
                    Properties:
                      Target:
                        Arn: !GetAtt Fn.Arn
                """);
        List<Trigger.Kind> kinds =
                d.triggersOf("Fn").stream().map(Trigger::kind).toList();
        assertThat(kinds)
                .containsExactly(
                        Trigger.Kind.SQS,
                        Trigger.Kind.KINESIS,
                        Trigger.Kind.DYNAMODB_STREAM,
                        Trigger.Kind.S3,
                        Trigger.Kind.SNS,
                        Trigger.Kind.SNS,
                        Trigger.Kind.SCHEDULE,
                        Trigger.Kind.EVENTBRIDGE,
                        Trigger.Kind.SCHEDULE);
    }

    @Test
    void conditionalSettingsCountAsSet() throws Exception {
        Function f = model("""
                        Conditions:
                          Prod: !Equals [a, a]
                        Resources:
                          Fn:
                            Type: AWS::Lambda::Function
                            Properties:
                              VpcConfig: !If [Prod, {SubnetIds: [a]}, !Ref AWS::NoValue]
                              ReservedConcurrentExecutions: !If [Prod, 10, !Ref AWS::NoValue]
                        """).function("Fn").orElseThrow();
        assertThat(f.vpc()).isNotNull();
        assertThat(f.reservedConcurrency().text()).isEqualTo("10");
    }

    @Test
    void aliasLoopsAndUnknownTargetsEndQuietly() throws Exception {
        Deployment d = model("""
                Resources:
                  A:
                    Type: AWS::Lambda::Alias
                    Properties:
                      FunctionName: !Ref B
                  B:
                    Type: AWS::Lambda::Alias
                    Properties:
                      FunctionName: !Ref A
                  Mapping:
                    Type: AWS::Lambda::EventSourceMapping
                    Properties:
                      FunctionName: !Ref A
                      EventSourceArn: arn:aws:sqs:eu-west-1:111122223333:q
                  Url:
                    Type: AWS::Lambda::Url
                    Properties:
                      AuthType: NONE
                """);
        assertThat(d.functions()).isEmpty();
        assertThat(d.triggers()).extracting(Trigger::kind).containsExactly(Trigger.Kind.FUNCTION_URL);
        assertThat(d.triggers().get(0).source()).isNull();
    }

    @Test
    void readsLoadBalancerCognitoAndIotTriggersAndRolesNamedByArn() throws Exception {
        Deployment d = model("""
                Resources:
                  Named:
                    Type: AWS::IAM::Role
                    Properties:
                      RoleName: orders-role
                  Fn:
                    Type: AWS::Lambda::Function
                    Properties:
                      Role: arn:aws:iam::111122223333:role/orders-role
                  Targets:
                    Type: AWS::ElasticLoadBalancingV2::TargetGroup
                    Properties:
                      TargetType: lambda
                      Targets:
                        - Id: !GetAtt Fn.Arn
                  Pool:
                    Type: AWS::Cognito::UserPool
                    Properties:
                      LambdaConfig:
                        PreSignUp: !GetAtt Fn.Arn
                        CustomSMSSender:
                          LambdaArn: !GetAtt Fn.Arn
                          LambdaVersion: V1_0
                  Rule:
                    Type: AWS::IoT::TopicRule
                    Properties:
                      TopicRulePayload:
                        Sql: SELECT * FROM 'x'
                        Actions:
                          - Lambda:
                              FunctionArn: !GetAtt Fn.Arn
                """);
        assertThat(d.triggersOf("Fn"))
                .extracting(Trigger::kind)
                .containsExactly(Trigger.Kind.ALB, Trigger.Kind.COGNITO, Trigger.Kind.COGNITO, Trigger.Kind.IOT);
        Function f = d.function("Fn").orElseThrow();
        assertThat(f.role().roleId()).isEqualTo("Named");
        assertThat(f.role().arn().text()).endsWith("role/orders-role");
    }
}
