package dev.vigil.server.ingest;

import dev.vigil.server.http.HttpServer;
import dev.vigil.server.log.EventLog;
import dev.vigil.server.store.TokenStore;
import java.net.URI;
import java.time.Clock;
import java.util.List;

/**
 * An HTTP server with only the ingest endpoints ({@link IngestApi}) and {@code /healthz}, writing to an event log the
 * caller owns (closing the server does not close the log).
 */
public final class IngestServer implements AutoCloseable {
    private final HttpServer http;

    private IngestServer(HttpServer http) {
        this.http = http;
    }

    /** Starts on {@code host}:{@code port} ({@code 0}: any free port). */
    public static IngestServer start(String host, int port, EventLog log, TokenStore tokens, IngestLimits limits) {
        IngestApi api = new IngestApi(new Ingestor(log, limits, Clock.systemUTC()), new BearerAuthenticator(tokens));
        return new IngestServer(HttpServer.start(host, port, List.of(api::register)));
    }

    /** The port listened on. */
    public int port() {
        return http.port();
    }

    /** {@code http://host:port}. */
    public URI baseUri() {
        return http.baseUri();
    }

    @Override
    public void close() {
        http.close();
    }
}
