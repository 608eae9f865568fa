package dev.vigil.server.ingest;

import static dev.vigil.server.ingest.IngestFixture.gzip;
import static dev.vigil.server.ingest.IngestFixture.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventsEndpointTest {
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
    void healthCheckAnswersWithoutAToken() throws Exception {
        HttpResponse<String> response =
                f.client.send(f.request("/healthz", null).GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("ok");
    }

    @Test
    void jsonLinesAreAcknowledgedAfterTheLogHasThemWithTheTokensScope() throws Exception {
        long before = System.currentTimeMillis();
        HttpResponse<String> response = f.postEvents("{\"a\":1}\n\n{\"b\": [1, 2]}\r\n  {\"c\":\"é\"}  ");

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
        assertThat(response.body())
                .isEqualTo("{\"accepted\":3,\"rejected\":[],\"rejectedCount\":0,\"skipped\":0,\"firstOffset\":0}");
        List<IngestRecord> records = f.records();
        assertThat(records)
                .extracting(IngestRecord::eventText)
                .containsExactly("{\"a\":1}", "{\"b\": [1, 2]}", "{\"c\":\"é\"}");
        IngestRecord first = records.get(0);
        assertThat(first.source()).isEqualTo(SourceKind.EVENTS);
        assertThat(first.tenant()).isEqualTo("acme");
        assertThat(first.functionGroup()).isEqualTo("payments");
        assertThat(first.origin()).isNull();
        assertThat(first.receivedAtMillis()).isBetween(before, System.currentTimeMillis());

        HttpResponse<String> second = f.postEvents("{\"d\":4}");
        assertThat(second.body()).endsWith("\"firstOffset\":3}");
    }

    @Test
    void aJsonArrayOfObjectsIsAccepted() throws Exception {
        HttpResponse<String> response = f.postEvents("[ {\"a\":1}, {\"b\":{\"c\":[]}} ,{}]");

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(f.eventTexts()).containsExactly("{\"a\":1}", "{\"b\":{\"c\":[]}}", "{}");
    }

    @Test
    void theContentTypeDoesNotMatterEvenTheFormTypeCurlSendsByDefault() throws Exception {
        assertThat(f.postEvents("{\"a\":1}", "Content-Type", "application/x-www-form-urlencoded")
                        .statusCode())
                .isEqualTo(202);
        assertThat(f.postEvents("{\"b\":2}", "Content-Type", "application/x-ndjson")
                        .statusCode())
                .isEqualTo(202);
        assertThat(f.eventTexts()).containsExactly("{\"a\":1}", "{\"b\":2}");
    }

    @Test
    void unknownFieldsAndTheOriginalBytesAreKeptAsSent() throws Exception {
        String event = "{\"class_uid\":4002, \"unmapped\":{\"whatever\":[null,true,1.5e3]},\"zz_new\":\"\\u0041\"}";

        assertThat(f.postEvents(event).statusCode()).isEqualTo(202);
        assertThat(f.eventTexts()).containsExactly(event);
    }

    @Test
    void malformedLinesAreRejectedByNumberAndTheValidOnesStored() throws Exception {
        String body = String.join(
                "\n",
                "{\"ok\":1}",
                "{\"broken\":",
                "[1,2]",
                "{\"ok\":2}",
                "not json",
                "{\"trailing\":1},",
                "{\"ok\":3}");

        HttpResponse<String> response = f.postEvents(body);

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(response.body())
                .startsWith("{\"accepted\":3,")
                .contains("\"line 2: ", "\"line 3: not a JSON object\"", "\"line 5: ", "\"line 6: ")
                .contains("\"rejectedCount\":4");
        assertThat(f.eventTexts()).containsExactly("{\"ok\":1}", "{\"ok\":2}", "{\"ok\":3}");
    }

    @Test
    void aBodyWithNothingValidIsA400AndStoresNothing() throws Exception {
        HttpResponse<String> response = f.postEvents("nope\n[]");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("\"accepted\":0", "line 1: ", "line 2: not a JSON object");
        assertThat(f.postEvents("  \n ").statusCode()).isEqualTo(400);
        assertThat(f.postEvents("[{\"a\":1},").statusCode()).isEqualTo(400);
        assertThat(f.records()).isEmpty();
    }

    @Test
    void deepNestingIsRejectedPerLineWithoutHurtingTheServer() throws Exception {
        String deep = "{\"a\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}";
        String withinLimit = "{\"a\":" + "[".repeat(62) + "]".repeat(62) + "}";

        HttpResponse<String> response = f.postEvents("{\"ok\":1}\n" + deep + "\n" + withinLimit);

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(response.body()).contains("\"accepted\":2", "line 2: ").contains("deep");
        assertThat(f.eventTexts()).containsExactly("{\"ok\":1}", withinLimit);
        assertThat(f.postEvents("[" + deep + "]").statusCode()).isEqualTo(400);
    }

    @Test
    void anEventOverThePerEventLimitIsRejectedAlone() throws Exception {
        String big = "{\"pad\":\"" + "x".repeat(300 << 10) + "\"}";

        HttpResponse<String> response = f.postEvents(big + "\n{\"ok\":1}");

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(response.body()).contains("line 1: event of ").contains("over the limit");
        assertThat(f.eventTexts()).containsExactly("{\"ok\":1}");
    }

    @Test
    void gzipBodiesAreInflated() throws Exception {
        byte[] body = gzip(utf8("{\"a\":1}\n{\"b\":2}\n"));

        HttpResponse<String> response = f.post(IngestApi.EVENTS_PATH, f.ingestToken, body, "Content-Encoding", "gzip");

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(f.eventTexts()).containsExactly("{\"a\":1}", "{\"b\":2}");
        assertThat(f.post(IngestApi.EVENTS_PATH, f.ingestToken, utf8("{}"), "Content-Encoding", "gzip")
                        .statusCode())
                .isEqualTo(400);
        assertThat(f.post(IngestApi.EVENTS_PATH, f.ingestToken, utf8("{}"), "Content-Encoding", "br")
                        .statusCode())
                .isEqualTo(415);
    }

    @Test
    void aGzipBombIsRefusedWith413AndTheServerKeepsServing() throws Exception {
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        byte[] zeros = new byte[1 << 20];
        try (GZIPOutputStream gz = new GZIPOutputStream(compressed, 1 << 16)) {
            for (int i = 0; i < 1024; i++) { // 1 GiB of zeros, about 1 MB compressed
                gz.write(zeros);
            }
        }
        assertThat(compressed.size()).isLessThan(2 << 20);

        long start = System.nanoTime();
        HttpResponse<String> response =
                f.post(IngestApi.EVENTS_PATH, f.ingestToken, compressed.toByteArray(), "Content-Encoding", "gzip");

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("inflates to more than");
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(5_000);
        assertThat(f.postEvents("{\"after\":1}").statusCode()).isEqualTo(202);
        assertThat(f.eventTexts()).containsExactly("{\"after\":1}");
    }

    @Test
    void aDeclared100MegabyteBodyIsRefusedFromItsHeadersAlone() throws Exception {
        // a raw socket: java.net.http cannot send headers without then pushing the body
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", f.server.port())) {
            socket.setSoTimeout(5_000);
            String head = "POST " + IngestApi.EVENTS_PATH + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Authorization: Bearer " + f.ingestToken + "\r\nContent-Type: application/x-ndjson\r\n"
                    + "Content-Length: " + (100L << 20) + "\r\n\r\n";
            socket.getOutputStream().write(utf8(head));
            socket.getOutputStream().write(new byte[64 << 10]);
            socket.getOutputStream().flush();

            long start = System.nanoTime();
            String statusLine = new java.io.BufferedReader(new java.io.InputStreamReader(
                            socket.getInputStream(), java.nio.charset.StandardCharsets.US_ASCII))
                    .readLine();

            assertThat(statusLine).startsWith("HTTP/1.1 413");
            assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(2_000);
        }
        assertThat(f.postEvents("{\"after\":1}").statusCode()).isEqualTo(202);
        assertThat(f.records()).hasSize(1);
    }

    @Test
    void aStreamed100MegabyteBodyOfUnknownLengthIsCutAtTheLimit() throws Exception {
        HttpRequest request = f.request(IngestApi.EVENTS_PATH, f.ingestToken)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ZeroStream(100L << 20)))
                .build();

        long start = System.nanoTime();
        int status;
        try {
            status =
                    f.client.send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
        } catch (java.io.IOException e) {
            // the server answered 413 and closed the connection while the client was still sending
            status = 413;
        }

        assertThat(status).isEqualTo(413);
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(10_000);
        assertThat(f.postEvents("{\"after\":1}").statusCode()).isEqualTo(202);
        assertThat(f.records()).hasSize(1);
    }

    @Test
    void missingOrWrongTokensAre401AndViewersAre403() throws Exception {
        byte[] body = utf8("{\"a\":1}");

        HttpResponse<String> missing = f.post(IngestApi.EVENTS_PATH, null, body);
        HttpResponse<String> wrong = f.post(IngestApi.EVENTS_PATH, f.ingestToken + "x", body);
        HttpResponse<String> notBearer = f.client.send(
                f.request(IngestApi.EVENTS_PATH, null)
                        .header("Authorization", "Basic " + f.ingestToken)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> viewer = f.post(IngestApi.EVENTS_PATH, f.viewerToken, body);
        HttpResponse<String> admin = f.post(IngestApi.EVENTS_PATH, f.adminToken, body);

        for (HttpResponse<String> r : List.of(missing, wrong, notBearer)) {
            assertThat(r.statusCode()).isEqualTo(401);
            assertThat(r.headers().firstValue("WWW-Authenticate"))
                    .hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
            assertThat(r.body()).doesNotContain(f.ingestToken);
        }
        assertThat(viewer.statusCode()).isEqualTo(403);
        assertThat(admin.statusCode()).isEqualTo(202);
        assertThat(f.records())
                .singleElement()
                .satisfies(r -> assertThat(r.tenant()).isEqualTo("default"));
    }

    @Test
    void unknownRoutesAre404() throws Exception {
        assertThat(f.post("/api/v1/nope", f.ingestToken, utf8("{}")).statusCode())
                .isEqualTo(404);
    }

    /** An input stream of {@code length} zero bytes, generated as read. */
    static final class ZeroStream extends java.io.InputStream {
        private long remaining;

        ZeroStream(long length) {
            this.remaining = length;
        }

        @Override
        public int read() {
            if (remaining <= 0) {
                return -1;
            }
            remaining--;
            return 0;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (remaining <= 0) {
                return -1;
            }
            int n = (int) Math.min(len, remaining);
            java.util.Arrays.fill(b, off, off + n, (byte) 0);
            remaining -= n;
            return n;
        }
    }
}
