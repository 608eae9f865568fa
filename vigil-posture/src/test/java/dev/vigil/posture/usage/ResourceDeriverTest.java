package dev.vigil.posture.usage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.posture.usage.activity.ApiCall;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ResourceDeriverTest {

    private static ApiCall call(String service, String params) throws Exception {
        JsonNode p = params == null ? null : new ObjectMapper().readTree(params);
        return new ApiCall(
                "cloudtrail",
                "f",
                1,
                service,
                "Op",
                "eu-west-1",
                "111122223333",
                "AssumedRole",
                null,
                null,
                null,
                null,
                null,
                null,
                p,
                List.of(),
                false);
    }

    @Test
    void queueUrlsBecomeQueueArns() {
        assertThat(ResourceDeriver.queueArn("https://sqs.eu-west-1.amazonaws.com/111122223333/jobs", "aws"))
                .isEqualTo("arn:aws:sqs:eu-west-1:111122223333:jobs");
        assertThat(ResourceDeriver.queueArn("https://queue.amazonaws.com/111122223333/jobs", "aws"))
                .isEqualTo("arn:aws:sqs:us-east-1:111122223333:jobs");
        assertThat(ResourceDeriver.queueArn("https://evil.example/111122223333/jobs", "aws"))
                .isNull();
        assertThat(ResourceDeriver.queueArn("not a url", "aws")).isNull();
    }

    @Test
    void derivesArnsFromRequestParameters() throws Exception {
        assertThat(ResourceDeriver.fromParameters(
                        "lambda:InvokeFunction", call("lambda", "{\"functionName\":\"fn\",\"qualifier\":\"live\"}")))
                .containsExactly("arn:aws:lambda:eu-west-1:111122223333:function:fn:live");
        assertThat(ResourceDeriver.fromParameters(
                        "lambda:InvokeFunction", call("lambda", "{\"functionName\":\"111122223333:function:fn\"}")))
                .containsExactly("arn:aws:lambda:eu-west-1:111122223333:function:fn");
        assertThat(ResourceDeriver.fromParameters(
                        "secretsmanager:GetSecretValue", call("secretsmanager", "{\"secretId\":\"db\"}")))
                .containsExactly("arn:aws:secretsmanager:eu-west-1:111122223333:secret:db-??????");
        assertThat(ResourceDeriver.fromParameters("ssm:GetParametersByPath", call("ssm", "{\"path\":\"/app/prod\"}")))
                .containsExactly("arn:aws:ssm:eu-west-1:111122223333:parameter/app/prod");
        assertThat(ResourceDeriver.fromParameters("ssm:GetDocument", call("ssm", "{\"name\":\"AWS-RunShellScript\"}")))
                .containsExactly("arn:aws:ssm:eu-west-1:111122223333:document/AWS-RunShellScript");
        assertThat(ResourceDeriver.fromParameters("iam:GetRole", call("iam", "{\"roleName\":\"r\"}")))
                .containsExactly("arn:aws:iam::111122223333:role/r");
        assertThat(ResourceDeriver.fromParameters("kms:Decrypt", call("kms", "{\"keyId\":\"alias/app\"}")))
                .isEmpty();
        assertThat(ResourceDeriver.fromParameters(
                        "dynamodb:BatchGetItem", call("dynamodb", "{\"requestItems\":{\"A\":{},\"B\":{}}}")))
                .containsExactly(
                        "arn:aws:dynamodb:eu-west-1:111122223333:table/A",
                        "arn:aws:dynamodb:eu-west-1:111122223333:table/B");
    }

    @Test
    void s3KeysEscapeIamWildcards() throws Exception {
        assertThat(ResourceDeriver.fromParameters(
                        "s3:GetObject", call("s3", "{\"bucketName\":\"b\",\"key\":\"a*b?$c\"}")))
                .containsExactly("arn:aws:s3:::b", "arn:aws:s3:::b/a${*}b${?}${$}c");
    }

    @Test
    void s3ObjectsOfABucketAreGeneralisedToTheirCommonFolder() {
        assertThat(ResourceGeneraliser.generalise(
                        Set.of("arn:aws:s3:::b/in/2026/a.json", "arn:aws:s3:::b/in/2025/b.json")))
                .containsExactly("arn:aws:s3:::b/in/*");
        assertThat(ResourceGeneraliser.generalise(Set.of("arn:aws:s3:::b/a.json", "arn:aws:s3:::b/b.json")))
                .containsExactly("arn:aws:s3:::b/*");
        assertThat(ResourceGeneraliser.generalise(Set.of("arn:aws:s3:::b/in/a.json")))
                .containsExactly("arn:aws:s3:::b/in/a.json");
        assertThat(ResourceGeneraliser.generalise(Set.of("arn:aws:s3:::b/x", "*")))
                .containsExactly("*");
    }

    @Test
    void arnPatternsMatchPerSegment() {
        assertThat(ArnPatterns.matches("arn:${Partition}:s3:::${BucketName}/${ObjectName}", "arn:aws:s3:::b/k/x"))
                .isTrue();
        assertThat(ArnPatterns.matches("arn:${Partition}:s3:::${BucketName}", "arn:aws:s3:::b/k"))
                .isFalse();
        assertThat(ArnPatterns.matches(
                        "arn:${Partition}:logs:${Region}:${Account}:log-group:${LogGroupName}",
                        "arn:aws:logs:eu-west-1:1:log-group:/aws/lambda/x"))
                .isTrue();
        assertThat(ArnPatterns.fill("arn:${Partition}:sqs:${Region}:${Account}:${QueueName}", "aws", "eu-west-1", null))
                .isEqualTo("arn:aws:sqs:eu-west-1:${Account}:${QueueName}");
    }
}
