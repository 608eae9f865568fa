package dev.vigil.cli.policy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.cli.CliRun;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SuggestCommandTest {

    @TempDir
    Path tmp;

    private Path trail;
    private Path telemetry;

    private static final String FN_ID = "{\"type\":\"AssumedRole\",\"arn\":\"arn:aws:sts::111122223333:assumed-role/"
            + "orders-role/orders-fn\",\"accountId\":\"111122223333\",\"sessionContext\":{\"sessionIssuer\":"
            + "{\"type\":\"Role\",\"arn\":\"arn:aws:iam::111122223333:role/orders-role\"}}}";

    private static String record(String source, String name, String params, String error) {
        return "{\"eventVersion\":\"1.09\",\"userIdentity\":" + FN_ID + ",\"eventSource\":\"" + source
                + "\",\"eventName\":\"" + name
                + "\",\"awsRegion\":\"eu-west-1\",\"recipientAccountId\":\"111122223333\","
                + "\"requestParameters\":" + params + (error == null ? "" : ",\"errorCode\":\"" + error + "\"") + "}";
    }

    @BeforeEach
    void files() throws IOException {
        String doc = "{\"Records\":["
                + record("s3.amazonaws.com", "GetObject", "{\"bucketName\":\"in\",\"key\":\"a/1.json\"}", null) + ","
                + record("s3.amazonaws.com", "GetObject", "{\"bucketName\":\"in\",\"key\":\"a/2.json\"}", null) + ","
                + record("dynamodb.amazonaws.com", "PutItem", "{\"tableName\":\"Orders\"}", null) + ","
                + record("lambda.amazonaws.com", "ListFunctions20150331", "{}", null) + ","
                + record("iam.amazonaws.com", "CreateUser", "{\"userName\":\"x\"}", "AccessDenied") + "]}";
        trail = tmp.resolve("trail.json.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(trail))) {
            out.write(doc.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        telemetry = Files.writeString(
                tmp.resolve("shield.jsonl"),
                "{\"class_uid\":6003,\"cloud\":{\"region\":\"eu-west-1\",\"account\":{\"uid\":\"111122223333\"}},"
                        + "\"api\":{\"service\":{\"name\":\"sqs\"},\"operation\":\"SendMessage\",\"request\":{\"data\":"
                        + "{\"queueUrl\":\"https://sqs.eu-west-1.amazonaws.com/111122223333/jobs\"}}},"
                        + "\"vigil\":{\"kind\":\"api_call\",\"schema\":1,\"function\":{\"name\":\"orders-fn\"}}}\n"
                        + "{\"class_uid\":6003,\"api\":{\"operation\":\"X\"},\"vigil\":{\"function\":{\"name\":\"f\"}}}\n");
    }

    @Test
    void printsAValidPolicyForTheFunctionAndASummary() throws Exception {
        CliRun r = CliRun.run(
                "policy",
                "suggest",
                "--cloudtrail",
                trail.toString(),
                "--telemetry",
                telemetry.toString(),
                "--function",
                "orders-fn");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode doc = new ObjectMapper().readTree(r.out());
        assertThat(doc.get("Version").asText()).isEqualTo("2012-10-17");
        assertThat(r.out())
                .contains(
                        "\"s3:GetObject\"",
                        "\"arn:aws:s3:::in/a/*\"",
                        "\"dynamodb:PutItem\"",
                        "\"lambda:ListFunctions\"")
                .contains("\"sqs:SendMessage\"", "\"arn:aws:sqs:eu-west-1:111122223333:jobs\"")
                .doesNotContain("iam:CreateUser");
        assertThat(r.err())
                .contains("policy suggest: function orders-fn: 6 calls read, 6 made by it, 4 actions granted")
                .contains("iam:CreateUser  1 call")
                .contains(telemetry + ":2: API Activity line without api.service.name");
    }

    @Test
    void roleSelectionTextFormatAndOutputFile() throws Exception {
        Path out = tmp.resolve("policy.txt");
        CliRun r = CliRun.run(
                "policy",
                "suggest",
                "--cloudtrail",
                tmp.toString(),
                "--role",
                "arn:aws:iam::111122223333:role/orders-role",
                "--format",
                "text",
                "--output",
                out.toString(),
                "--include-denied");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).isEmpty();
        assertThat(Files.readString(out))
                .contains("Suggested policy for role arn:aws:iam::111122223333:role/orders-role")
                .contains("iam:CreateUser")
                .contains("on arn:aws:iam::111122223333:user/x");
    }

    @Test
    void exitCodes() {
        assertThat(CliRun.run("policy", "suggest", "--cloudtrail", trail.toString(), "--function", "nobody")
                        .exit())
                .isEqualTo(1);
        assertThat(CliRun.run("policy", "suggest", "--cloudtrail", trail.toString())
                        .exit())
                .isEqualTo(2);
        assertThat(CliRun.run("policy", "suggest", "--cloudtrail", trail.toString(), "--role", "r", "--function", "f")
                        .exit())
                .isEqualTo(2);
        assertThat(CliRun.run("policy", "suggest", "--role", "r").exit()).isEqualTo(2);
        assertThat(CliRun.run(
                                "policy",
                                "suggest",
                                "--cloudtrail",
                                tmp.resolve("missing").toString(),
                                "--role",
                                "r")
                        .exit())
                .isEqualTo(2);
        assertThat(CliRun.run("policy", "suggest", "--cloudtrail", trail.toString(), "--role", "arn:aws:s3:::x")
                        .exit())
                .isEqualTo(2);
        assertThat(CliRun.run("policy", "suggest", "--cloudtrail", trail.toString(), "--role", "r", "--format", "yaml")
                        .exit())
                .isEqualTo(2);
        assertThat(CliRun.run(
                                "policy",
                                "suggest",
                                "--cloudtrail",
                                trail.toString(),
                                "--role",
                                "orders-role",
                                "--output",
                                tmp.resolve("no/such/dir/p.json").toString())
                        .exit())
                .isEqualTo(3);
    }
}
