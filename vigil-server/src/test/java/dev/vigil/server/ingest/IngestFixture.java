package dev.vigil.server.ingest;

import dev.vigil.server.log.EventLog;
import dev.vigil.server.log.EventLogOptions;
import dev.vigil.server.log.LogReader;
import dev.vigil.server.log.LogRecord;
import dev.vigil.server.store.Database;
import dev.vigil.server.store.Role;
import dev.vigil.server.store.TokenRequest;
import dev.vigil.server.store.TokenStore;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/**
 * A real ingest server on loopback over a real event log and a real SQLite token store, all in one temporary
 * directory, with an {@code ingest} token (tenant {@code acme}, group {@code payments}), an {@code admin} token and a
 * {@code viewer} token.
 */
final class IngestFixture implements AutoCloseable {
    final EventLog log;
    final Database db;
    final TokenStore tokens;
    final IngestServer server;
    final HttpClient client;
    final String ingestToken;
    final String adminToken;
    final String viewerToken;

    IngestFixture(Path dir, EventLogOptions logOptions, IngestLimits limits) throws IOException {
        log = EventLog.open(dir.resolve("log"), logOptions);
        db = Database.open("sqlite:" + dir.resolve("vigil.db"));
        tokens = new TokenStore(db);
        ingestToken = tokens.issue(new TokenRequest("shield", null, Role.INGEST, "acme", "payments", null))
                .plainText();
        adminToken = tokens.issue(new TokenRequest("admin", null, Role.ADMIN, null, null, null))
                .plainText();
        viewerToken = tokens.issue(new TokenRequest("viewer", null, Role.VIEWER, null, null, null))
                .plainText();
        server = IngestServer.start("127.0.0.1", 0, log, tokens, limits);
        client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    IngestFixture(Path dir) throws IOException {
        this(dir, EventLogOptions.defaults(), IngestLimits.defaults());
    }

    URI uri(String path) {
        return server.baseUri().resolve(path);
    }

    HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    HttpResponse<String> post(String path, String token, byte[] body, String... headers) throws Exception {
        HttpRequest.Builder builder = request(path, token).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (headers.length > 0) {
            builder.headers(headers);
        }
        return client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> postEvents(String body, String... headers) throws Exception {
        return post(IngestApi.EVENTS_PATH, ingestToken, body.getBytes(StandardCharsets.UTF_8), headers);
    }

    /** Every record in the log, decoded. */
    List<IngestRecord> records() throws IOException {
        List<IngestRecord> all = new ArrayList<>();
        try (LogReader reader = log.reader(log.startOffset())) {
            List<LogRecord> page;
            while (!(page = reader.poll(1000, 64L << 20)).isEmpty()) {
                page.forEach(r -> all.add(IngestRecord.decode(r.payload())));
            }
        }
        return all;
    }

    /** The events of {@link #records()} as text. */
    List<String> eventTexts() throws IOException {
        return records().stream().map(IngestRecord::eventText).toList();
    }

    static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        }
        return out.toByteArray();
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws Exception {
        try {
            server.close();
        } finally {
            try {
                log.close();
            } finally {
                db.close();
            }
        }
    }
}
