package dev.vigil.server.ingest;

import dev.vigil.server.http.JsonErrors;
import dev.vigil.server.log.LogBehindException;
import dev.vigil.server.store.TokenInfo;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The ingest endpoints. Each authenticates the bearer token, reads the body within {@link IngestLimits}, appends the
 * valid events to the event log and answers only after the log has them on disk.
 *
 * <table>
 *   <caption>Responses</caption>
 *   <tr><td>202</td><td>{@code {"accepted","rejected":["line N: reason"…],"rejectedCount","skipped","firstOffset"}}:
 *       the accepted events are durable; refused ones are listed and were not stored</td></tr>
 *   <tr><td>400</td><td>the body is not the endpoint's format, or every event in it was refused (same body as
 *       202)</td></tr>
 *   <tr><td>401</td><td>missing or unknown token, with {@code WWW-Authenticate: Bearer}</td></tr>
 *   <tr><td>403</td><td>the token's role may not ingest</td></tr>
 *   <tr><td>413</td><td>the body, its decoded form, or its events taken together are over a limit</td></tr>
 *   <tr><td>415</td><td>a {@code Content-Encoding} other than gzip</td></tr>
 *   <tr><td>429</td><td>the log is behind, with {@code Retry-After} in seconds; nothing was stored</td></tr>
 *   <tr><td>503</td><td>the log is closed or failed</td></tr>
 * </table>
 */
public final class IngestApi {
    /** JSON lines or a JSON array of objects (Shield telemetry). */
    public static final String EVENTS_PATH = "/api/v1/events";
    /** CloudWatch Logs subscription payloads. */
    public static final String CLOUDWATCH_PATH = "/api/v1/ingest/cloudwatch";
    /** CloudTrail log files. */
    public static final String CLOUDTRAIL_PATH = "/api/v1/ingest/cloudtrail";

    private final Ingestor ingestor;
    private final BearerAuthenticator authenticator;

    /** The endpoints over {@code ingestor}, authenticating with {@code authenticator}. */
    public IngestApi(Ingestor ingestor, BearerAuthenticator authenticator) {
        this.ingestor = ingestor;
        this.authenticator = authenticator;
    }

    /** Adds the three {@code POST} routes. */
    public void register(RoutesConfig routes) {
        routes.post(EVENTS_PATH, ctx -> handle(ctx, SourceKind.EVENTS));
        routes.post(CLOUDWATCH_PATH, ctx -> handle(ctx, SourceKind.CLOUDWATCH));
        routes.post(CLOUDTRAIL_PATH, ctx -> handle(ctx, SourceKind.CLOUDTRAIL));
    }

    private void handle(Context ctx, SourceKind source) {
        CompletableFuture<IngestOutcome> pending;
        try {
            TokenInfo token = authenticator.authenticateIngest(ctx.header("Authorization"));
            BoundedBody.checkDeclaredLength(ctx.req().getContentLengthLong(), ingestor.limits());
            byte[] body = BoundedBody.read(
                    ctx.req().getInputStream(),
                    ctx.req().getContentLengthLong(),
                    ctx.header("Content-Encoding"),
                    ingestor.limits());
            pending = ingestor.ingest(source, token, body);
        } catch (IngestException e) {
            refuse(ctx, e);
            return;
        } catch (LogBehindException e) {
            behind(ctx, e);
            return;
        } catch (IllegalStateException e) {
            JsonErrors.send(ctx, 503, "the event log is not accepting events");
            return;
        } catch (IOException e) {
            JsonErrors.send(ctx, 400, "could not read the request body");
            return;
        }
        ctx.future(() -> pending.handle((outcome, failure) -> {
            if (failure == null) {
                ctx.status(outcome.status()).contentType("application/json").result(outcome.toJson());
            } else {
                Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
                JsonErrors.send(
                        ctx,
                        503,
                        "the event log failed to store the events: "
                                + cause.getClass().getSimpleName());
            }
            return null;
        }));
    }

    private static void refuse(Context ctx, IngestException e) {
        if (e.status() == 401) {
            ctx.header("WWW-Authenticate", "Bearer realm=\"vigil\"");
        }
        if (e.status() == 413) {
            // the rest of the body is not read: tell the client this connection ends here
            ctx.header("Connection", "close");
        }
        JsonErrors.send(ctx, e.status(), e.getMessage());
    }

    private static void behind(Context ctx, LogBehindException e) {
        long seconds = Math.max(1, (e.retryAfter().toMillis() + 999) / 1000);
        ctx.header("Retry-After", Long.toString(seconds));
        JsonErrors.send(ctx, 429, "the event log is behind; retry after " + seconds + " s");
    }
}
