package dev.vigil.posture.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.posture.iam.ActionCatalog;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ActionMapperTest {

    private final ActionMapper mapper = new ActionMapper(ActionCatalog.builtIn());

    private static JsonNode json(String s) throws Exception {
        return new ObjectMapper().readTree(s);
    }

    private List<String> actions(String service, String op, JsonNode params) {
        ActionMapper.Mapping m = mapper.map(service, op, params);
        assertThat(m).isInstanceOf(ActionMapper.Mapped.class);
        return ((ActionMapper.Mapped) m).actions();
    }

    @ParameterizedTest
    @CsvSource({
        "s3.amazonaws.com, GetObject, s3:GetObject",
        "s3, ListObjects, s3:ListBucket",
        "s3, ListObjectsV2, s3:ListBucket",
        "s3, HeadObject, s3:GetObject",
        "s3, HeadBucket, s3:ListBucket",
        "s3, ListBuckets, s3:ListAllMyBuckets",
        "s3, GetBucketLocation, s3:GetBucketLocation",
        "s3, GetBucketEncryption, s3:GetEncryptionConfiguration",
        "s3, DeleteObjects, s3:DeleteObject",
        "s3, CreateMultipartUpload, s3:PutObject",
        "lambda, Invoke, lambda:InvokeFunction",
        "lambda, ListFunctions20150331, lambda:ListFunctions",
        "lambda, GetFunction20150331v2, lambda:GetFunction",
        "lambda, UpdateFunctionConfiguration20150331v2, lambda:UpdateFunctionConfiguration",
        "lambda, PublishLayerVersion20181031, lambda:PublishLayerVersion",
        "monitoring, PutMetricData, cloudwatch:PutMetricData",
        "email, SendRawEmail, ses:SendRawEmail",
        "streams.dynamodb, GetRecords, dynamodb:GetRecords",
        "elasticloadbalancing, DescribeLoadBalancers, elasticloadbalancing:DescribeLoadBalancers",
        "sqs, SendMessageBatch, sqs:SendMessage",
        "sns, PublishBatch, sns:Publish",
        "sts, AssumeRole, sts:AssumeRole",
        "kms, Decrypt, kms:Decrypt",
        "dynamodb, TransactGetItems, dynamodb:GetItem",
        "bedrock, Converse, bedrock:InvokeModel",
        "apigateway, GetRestApis, apigateway:GET",
        "apigateway, UpdateStage, apigateway:PATCH",
        "cloudfront, GetDistribution2020_05_31, cloudfront:GetDistribution",
        "s3.us-east-1, GetObject, s3:GetObject",
        "Lambda, Invoke, lambda:InvokeFunction",
        "SFN, StartExecution, states:StartExecution",
        "CloudWatch Logs, PutLogEvents, logs:PutLogEvents",
        "DynamoDB Streams, GetRecords, dynamodb:GetRecords"
    })
    void mapsEventsToActions(String service, String op, String expected) {
        assertThat(actions(service, op, null)).containsExactly(expected);
    }

    @Test
    void versionedObjectCallsUseTheVersionActions() throws Exception {
        assertThat(actions("s3", "GetObject", json("{\"bucketName\":\"b\",\"key\":\"k\",\"versionId\":\"v1\"}")))
                .containsExactly("s3:GetObjectVersion");
        assertThat(actions("s3", "DeleteObject", json("{\"versionId\":\"v1\"}")))
                .containsExactly("s3:DeleteObjectVersion");
    }

    @Test
    void transactionsAndPartiQlMapPerItemOperation() throws Exception {
        assertThat(actions(
                        "dynamodb", "TransactWriteItems", json("{\"transactItems\":[{\"put\":{}},{\"delete\":{}}]}")))
                .containsExactly("dynamodb:PutItem", "dynamodb:DeleteItem");
        assertThat(actions("dynamodb", "TransactWriteItems", null)).hasSize(4);
        assertThat(actions("dynamodb", "ExecuteStatement", json("{\"statement\":\"  select * from t\"}")))
                .containsExactly("dynamodb:PartiQLSelect");
        assertThat(actions("kms", "ReEncrypt", null)).containsExactly("kms:ReEncryptFrom", "kms:ReEncryptTo");
    }

    @Test
    void callsNoPolicyAuthorisesAreUnmapped() {
        assertThat(mapper.map("signin", "ConsoleLogin", null)).isInstanceOf(ActionMapper.Unmapped.class);
        assertThat(mapper.map("sts", "GetCallerIdentity", null)).isInstanceOf(ActionMapper.Unmapped.class);
        assertThat(mapper.map("s3", "Get Object; drop", null)).isInstanceOf(ActionMapper.Unmapped.class);
    }

    @Test
    void withTheCatalogueResultsAreVerifiedAndCanonical() {
        assumeTrue(mapper.catalogKnown(), "action catalogue not available");
        ActionMapper.Mapped m = (ActionMapper.Mapped) mapper.map("s3", "getobject", null);
        assertThat(m.verified()).isTrue();
        assertThat(m.actions()).containsExactly("s3:GetObject");
        assertThat(mapper.map("s3", "NoSuchOperationEver", null)).isInstanceOf(ActionMapper.Unmapped.class);
    }

    @Test
    void everyTableEntryIsARealAction() {
        assumeTrue(mapper.catalogKnown(), "action catalogue not available");
        for (Map.Entry<String, List<String>> e : EventActions.all().entrySet()) {
            for (String a : e.getValue()) {
                assertThat(mapper.catalog().exists(a))
                        .as(e.getKey() + " -> " + a)
                        .isTrue();
            }
        }
    }
}
