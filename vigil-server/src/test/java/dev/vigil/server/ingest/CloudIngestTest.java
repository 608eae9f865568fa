package dev.vigil.server.ingest;

import static dev.vigil.server.ingest.IngestFixture.gzip;
import static dev.vigil.server.ingest.IngestFixture.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CloudIngestTest {
    private static final String TELEMETRY = "{\"class_uid\":4002,\"vigil\":{\"function\":\"orders\"}}";

    private static final String SUBSCRIPTION = "{\"messageType\":\"DATA_MESSAGE\",\"owner\":\"123456789012\","
            + "\"logGroup\":\"/aws/lambda/orders\",\"logStream\":\"2026/11/23/[$LATEST]abc\","
            + "\"subscriptionFilters\":[\"vigil\"],\"logEvents\":["
            + "{\"id\":\"1\",\"timestamp\":1763884800000,\"message\":\"START RequestId: 42 Version: $LATEST\\n\"},"
            + "{\"id\":\"2\",\"timestamp\":1763884800001,\"message\":" + quote(TELEMETRY + "\n") + "},"
            + "{\"id\":\"3\",\"timestamp\":1763884800002,\"message\":\"{not json\"},"
            + "{\"id\":\"4\",\"timestamp\":1763884800003,\"message\":" + quote("{\"b\":2}") + "}]}";

    @TempDir
    Path dir;

    IngestFixture f;

    @BeforeEach
    void start() throws Exception {
        f = new IngestFixture(dir);
    }

    @AfterEach
    void stop() throws Exception {
        f.close();
    }

    @Test
    void aPlainSubscriptionPayloadStoresItsJsonMessagesWithTheLogGroup() throws Exception {
        HttpResponse<String> response = f.post(IngestApi.CLOUDWATCH_PATH, f.ingestToken, utf8(SUBSCRIPTION));

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(response.body())
                .contains("\"accepted\":2", "\"skipped\":1", "\"rejectedCount\":1", "logEvents[2]: ");
        assertThat(f.records()).extracting(IngestRecord::eventText).containsExactly(TELEMETRY, "{\"b\":2}");
        assertThat(f.records()).allSatisfy(r -> {
            assertThat(r.source()).isEqualTo(SourceKind.CLOUDWATCH);
            assertThat(r.origin()).isEqualTo("/aws/lambda/orders");
            assertThat(r.tenant()).isEqualTo("acme");
        });
    }

    @Test
    void gzippedPayloadsAreReadWithOrWithoutContentEncoding() throws Exception {
        byte[] body = gzip(utf8(SUBSCRIPTION));

        assertThat(f.post(IngestApi.CLOUDWATCH_PATH, f.ingestToken, body).statusCode())
                .isEqualTo(202);
        assertThat(f.post(IngestApi.CLOUDWATCH_PATH, f.ingestToken, body, "Content-Encoding", "gzip")
                        .statusCode())
                .isEqualTo(202);
        assertThat(f.records()).hasSize(4);
    }

    @Test
    void theLambdaAwslogsFormIsDecoded() throws Exception {
        String data = Base64.getEncoder().encodeToString(gzip(utf8(SUBSCRIPTION)));
        String body = "{\"awslogs\":{\"data\":\"" + data + "\"}}";

        HttpResponse<String> response = f.post(IngestApi.CLOUDWATCH_PATH, f.ingestToken, utf8(body));

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(f.eventTexts()).containsExactly(TELEMETRY, "{\"b\":2}");
        assertThat(f.post(IngestApi.CLOUDWATCH_PATH, f.ingestToken, utf8("{\"awslogs\":{\"data\":\"%%%\"}}"))
                        .statusCode())
                .isEqualTo(400);
    }

    @Test
    void controlMessagesHoldNothing() throws Exception {
        String control = "{\"messageType\":\"CONTROL_MESSAGE\",\"logGroup\":\"\",\"logEvents\":[{\"id\":\"\","
                + "\"timestamp\":1,\"message\":\"CWL CONTROL MESSAGE: Checking health of destination\"}]}";

        HttpResponse<String> response = f.post(IngestApi.CLOUDWATCH_PATH, f.ingestToken, utf8(control));

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(response.body()).contains("\"accepted\":0", "\"firstOffset\":null");
        assertThat(f.records()).isEmpty();
        assertThat(f.post(IngestApi.CLOUDWATCH_PATH, f.ingestToken, utf8("[1]")).statusCode())
                .isEqualTo(400);
    }

    @Test
    void aCloudTrailFileStoresEachRecord() throws Exception {
        String first = "{\"eventVersion\":\"1.08\",\"eventSource\":\"iam.amazonaws.com\",\"eventName\":\"CreateUser\","
                + "\"newField\":{\"x\":[1]}}";
        String second = "{\"eventSource\":\"s3.amazonaws.com\",\"eventName\":\"GetObject\"}";
        String file = "{\"Records\":[" + first + ",\n " + second + ", 7]}";

        HttpResponse<String> plain = f.post(IngestApi.CLOUDTRAIL_PATH, f.ingestToken, utf8(file));
        HttpResponse<String> gzipped = f.post(IngestApi.CLOUDTRAIL_PATH, f.adminToken, gzip(utf8(file)));

        assertThat(plain.statusCode()).isEqualTo(202);
        assertThat(plain.body()).contains("\"accepted\":2", "Records[2]: not a JSON object");
        assertThat(gzipped.statusCode()).isEqualTo(202);
        assertThat(f.records()).extracting(IngestRecord::eventText).containsExactly(first, second, first, second);
        assertThat(f.records()).allSatisfy(r -> assertThat(r.source()).isEqualTo(SourceKind.CLOUDTRAIL));
        assertThat(f.post(IngestApi.CLOUDTRAIL_PATH, f.ingestToken, utf8("{\"records\":[]}"))
                        .statusCode())
                .isEqualTo(400);
        assertThat(f.post(IngestApi.CLOUDTRAIL_PATH, f.viewerToken, utf8(file)).statusCode())
                .isEqualTo(403);
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }
}
