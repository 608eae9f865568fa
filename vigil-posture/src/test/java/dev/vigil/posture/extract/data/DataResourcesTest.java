package dev.vigil.posture.extract.data;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.posture.model.DataResource;
import dev.vigil.posture.model.DataResource.Setting;
import dev.vigil.posture.model.Deployment;
import dev.vigil.posture.model.ResourcePolicy;
import dev.vigil.posture.model.Statement;
import dev.vigil.posture.model.Value;
import dev.vigil.posture.scan.Scanner;
import org.junit.jupiter.api.Test;

class DataResourcesTest {

    private static Deployment model(String yaml) {
        return Scanner.defaults().scanText("t.yaml", yaml, null).deployment();
    }

    private static DataResource resource(Deployment d, String id) {
        return d.dataResources().stream()
                .filter(r -> r.id().equals(id))
                .findFirst()
                .orElseThrow();
    }

    private static String setting(Deployment d, String id, String name) {
        Value v = resource(d, id).setting(name);
        return v == null ? null : v.text();
    }

    @Test
    void bucketEncryptionIsClassified() {
        Deployment d = model("""
                Resources:
                  None:
                    Type: AWS::S3::Bucket
                  S3Managed:
                    Type: AWS::S3::Bucket
                    Properties:
                      BucketEncryption:
                        ServerSideEncryptionConfiguration:
                          - ServerSideEncryptionByDefault: {SSEAlgorithm: AES256}
                  AwsKms:
                    Type: AWS::S3::Bucket
                    Properties:
                      BucketEncryption:
                        ServerSideEncryptionConfiguration:
                          - ServerSideEncryptionByDefault: {SSEAlgorithm: "aws:kms"}
                  Cmk:
                    Type: AWS::S3::Bucket
                    Properties:
                      BucketEncryption:
                        ServerSideEncryptionConfiguration:
                          - ServerSideEncryptionByDefault: {SSEAlgorithm: "aws:kms", KMSMasterKeyID: !Ref Key}
                  Key:
                    Type: AWS::KMS::Key
                """);
        assertThat(setting(d, "None", Setting.ENCRYPTION)).isEqualTo(Setting.NONE);
        assertThat(setting(d, "S3Managed", Setting.ENCRYPTION)).isEqualTo(Setting.AWS_OWNED);
        assertThat(setting(d, "AwsKms", Setting.ENCRYPTION)).isEqualTo(Setting.AWS_MANAGED);
        assertThat(setting(d, "Cmk", Setting.ENCRYPTION)).isEqualTo(Setting.CUSTOMER_KEY);
        assertThat(resource(d, "Cmk").setting(Setting.KMS_KEY).literal()).isFalse();
        assertThat(resource(d, "None").locationOf(Setting.ENCRYPTION).line()).isEqualTo(2);
    }

    @Test
    void queueTopicAndSecretKeys() {
        Deployment d = model("""
                Parameters:
                  K: {Type: String, Default: alias/aws/sqs}
                Resources:
                  Q1: {Type: AWS::SQS::Queue, Properties: {KmsMasterKeyId: !Ref K}}
                  Q2: {Type: AWS::SQS::Queue, Properties: {SqsManagedSseEnabled: true}}
                  Q3: {Type: AWS::SQS::Queue, Properties: {KmsMasterKeyId: ""}}
                  T1: {Type: AWS::SNS::Topic}
                  S1: {Type: AWS::SecretsManager::Secret, Properties: {KmsKeyId: aws/secretsmanager}}
                  S2: {Type: AWS::SecretsManager::Secret, Properties: {KmsKeyId: arn:aws:kms:eu-west-1:1:key/abc}}
                """);
        assertThat(setting(d, "Q1", Setting.ENCRYPTION)).isEqualTo(Setting.AWS_MANAGED);
        assertThat(setting(d, "Q2", Setting.ENCRYPTION)).isEqualTo(Setting.AWS_OWNED);
        assertThat(setting(d, "Q3", Setting.ENCRYPTION)).isEqualTo(Setting.NONE);
        assertThat(setting(d, "T1", Setting.ENCRYPTION)).isEqualTo(Setting.NONE);
        assertThat(setting(d, "S1", Setting.ENCRYPTION)).isEqualTo(Setting.AWS_MANAGED);
        assertThat(setting(d, "S2", Setting.ENCRYPTION)).isEqualTo(Setting.CUSTOMER_KEY);
    }

    @Test
    void tableSettings() {
        Deployment d = model("""
                Resources:
                  T:
                    Type: AWS::DynamoDB::Table
                    Properties:
                      ProvisionedThroughput: {ReadCapacityUnits: 1, WriteCapacityUnits: 1}
                      SSESpecification: {SSEEnabled: true}
                      PointInTimeRecoverySpecification: {PointInTimeRecoveryEnabled: true}
                  U:
                    Type: AWS::DynamoDB::Table
                    Properties:
                      BillingMode: PAY_PER_REQUEST
                """);
        assertThat(setting(d, "T", Setting.ENCRYPTION)).isEqualTo(Setting.AWS_MANAGED);
        assertThat(setting(d, "T", Setting.PITR)).isEqualTo("true");
        assertThat(setting(d, "T", Setting.PROVISIONED_THROUGHPUT)).isEqualTo("true");
        assertThat(setting(d, "U", Setting.ENCRYPTION)).isEqualTo(Setting.AWS_OWNED);
        assertThat(setting(d, "U", Setting.PITR)).isEqualTo("false");
        assertThat(setting(d, "U", Setting.BILLING_MODE)).isEqualTo("PAY_PER_REQUEST");
    }

    @Test
    void unresolvedSwitchIsSymbolic() {
        Deployment d = model("""
                Parameters:
                  Sse: {Type: String}
                Resources:
                  T:
                    Type: AWS::DynamoDB::Table
                    Properties:
                      SSESpecification: {SSEEnabled: !Ref Sse}
                """);
        assertThat(resource(d, "T").setting(Setting.ENCRYPTION).literal()).isFalse();
    }

    @Test
    void propertyBehindNoValueBranchCountsAsAbsent() {
        Deployment d = model("""
                Conditions:
                  C: !Equals [a, b]
                Resources:
                  T:
                    Type: AWS::SNS::Topic
                    Properties:
                      KmsMasterKeyId: !If [C, alias/k, !Ref AWS::NoValue]
                """);
        assertThat(setting(d, "T", Setting.ENCRYPTION)).isEqualTo(Setting.NONE);
    }

    @Test
    void bucketPolicyIsLinkedByReferenceOrName() {
        Deployment d = model("""
                Resources:
                  B:
                    Type: AWS::S3::Bucket
                    Properties: {BucketName: my-bucket}
                  ByRef:
                    Type: AWS::S3::BucketPolicy
                    Properties:
                      Bucket: !Ref B
                      PolicyDocument:
                        Statement: {Effect: Allow, Principal: "*", Action: s3:GetObject, Resource: "*"}
                  ByName:
                    Type: AWS::S3::BucketPolicy
                    Properties:
                      Bucket: my-bucket
                      PolicyDocument:
                        Statement:
                          - Effect: Deny
                            Principal: {AWS: ["*"]}
                            NotAction: s3:GetObject
                            Resource: "*"
                            Condition: {Bool: {aws:SecureTransport: false}}
                  External:
                    Type: AWS::S3::BucketPolicy
                    Properties:
                      Bucket: other-bucket
                      PolicyDocument: {Statement: []}
                """);
        assertThat(d.resourcePolicies()).extracting(ResourcePolicy::id).containsExactly("ByRef", "ByName", "External");
        assertThat(d.resourcePolicies().get(0).targetIds()).containsExactly("B");
        assertThat(d.resourcePolicies().get(1).targetIds()).containsExactly("B");
        assertThat(d.resourcePolicies().get(2).targetIds()).containsExactly("other-bucket");
        Statement first = d.resourcePolicies().get(0).document().statements().get(0);
        assertThat(first.allow()).isTrue();
        assertThat(first.principal().wildcard()).isTrue();
        Statement deny = d.resourcePolicies().get(1).document().statements().get(0);
        assertThat(deny.allow()).isFalse();
        assertThat(deny.principal().byType().get("AWS")).extracting(Value::text).containsExactly("*");
        assertThat(deny.notActions()).extracting(Value::text).containsExactly("s3:GetObject");
        assertThat(deny.condition()).isNotNull();
    }

    @Test
    void keyPolicyAndRotation() {
        Deployment d = model("""
                Resources:
                  K:
                    Type: AWS::KMS::Key
                    Properties:
                      KeySpec: RSA_2048
                      KeyPolicy:
                        Statement:
                          - Effect: Allow
                            Principal: {AWS: !Sub "arn:aws:iam::${AWS::AccountId}:root"}
                            Action: kms:*
                            Resource: "*"
                """);
        assertThat(setting(d, "K", Setting.KEY_ROTATION)).isEqualTo("false");
        assertThat(setting(d, "K", Setting.KEY_SPEC)).isEqualTo("RSA_2048");
        ResourcePolicy p = d.resourcePolicies().get(0);
        assertThat(p.targetKind()).isEqualTo(DataResource.Kind.KEY);
        assertThat(p.location().line()).isEqualTo(6);
        assertThat(p.document()
                        .statements()
                        .get(0)
                        .principal()
                        .byType()
                        .get("AWS")
                        .get(0)
                        .literal())
                .isFalse();
    }

    @Test
    void policyWrittenAsJsonString() {
        Deployment d = model("""
                Resources:
                  T: {Type: AWS::SNS::Topic}
                  P:
                    Type: AWS::SNS::TopicPolicy
                    Properties:
                      Topics: [!Ref T]
                      PolicyDocument: '{"Statement": [{"Effect": "Allow", "Principal": "*", "Action": "sns:Publish"}]}'
                """);
        ResourcePolicy p = d.resourcePolicies().get(0);
        assertThat(p.targetIds()).containsExactly("T");
        Statement st = p.document().statements().get(0);
        assertThat(st.principal().wildcard()).isTrue();
        assertThat(st.location().line()).isEqualTo(7);
    }

    @Test
    void globalTableReplicasDecideKeyAndRecovery() {
        Deployment d = model("""
                Resources:
                  G:
                    Type: AWS::DynamoDB::GlobalTable
                    Properties:
                      SSESpecification: {SSEEnabled: true, SSEType: KMS}
                      Replicas:
                        - Region: eu-west-1
                          SSESpecification: {KMSMasterKeyId: alias/orders}
                          PointInTimeRecoverySpecification: {PointInTimeRecoveryEnabled: true}
                        - Region: us-east-1
                          SSESpecification: {KMSMasterKeyId: alias/orders}
                """);
        assertThat(setting(d, "G", Setting.ENCRYPTION)).isEqualTo(Setting.CUSTOMER_KEY);
        assertThat(setting(d, "G", Setting.PITR)).isEqualTo("false");
        assertThat(resource(d, "G").locationOf(Setting.PITR).line()).isEqualTo(10);
    }

    @Test
    void legacyEventBusPolicyBecomesOneStatement() {
        Deployment d = model("""
                Resources:
                  P:
                    Type: AWS::Events::EventBusPolicy
                    Properties:
                      StatementId: org
                      Action: events:PutEvents
                      Principal: "*"
                      Condition: {Type: StringEquals, Key: aws:PrincipalOrgID, Value: o-1}
                """);
        ResourcePolicy p = d.resourcePolicies().get(0);
        assertThat(p.targetKind()).isEqualTo(DataResource.Kind.EVENT_BUS);
        assertThat(p.targetIds()).containsExactly("default");
        Statement st = p.document().statements().get(0);
        assertThat(st.allow()).isTrue();
        assertThat(st.principal().wildcard()).isTrue();
        assertThat(st.actions()).extracting(Value::text).containsExactly("events:PutEvents");
        assertThat(st.condition()).isNotNull();
    }
}
