package dev.vigil.server.http;

import io.javalin.Javalin;
import io.javalin.config.RoutesConfig;
import java.net.URI;
import java.util.List;
import java.util.function.Consumer;

/**
 * The server's single HTTP endpoint: Javalin on Jetty, quiet (no banner, no request logging), with {@code GET
 * /healthz}, JSON errors for unknown routes and failures, and whatever route modules the caller adds.
 */
public final class HttpServer implements AutoCloseable {
    /** The health check path; answers {@code 200 ok}. */
    public static final String HEALTH_PATH = "/healthz";

    private final Javalin app;
    private final String host;

    private HttpServer(Javalin app, String host) {
        this.app = app;
        this.host = host;
    }

    /**
     * Starts listening on {@code host}:{@code port} ({@code 0} picks a free port) with the routes {@code modules}
     * add.
     */
    public static HttpServer start(String host, int port, List<Consumer<RoutesConfig>> modules) {
        Javalin app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.routes.get(HEALTH_PATH, ctx -> ctx.result("ok"));
            modules.forEach(module -> module.accept(config.routes));
            config.routes.exception(Exception.class, (e, ctx) -> JsonErrors.send(ctx, 500, "internal error"));
            config.routes.error(404, "*", ctx -> JsonErrors.send(ctx, 404, "not found"));
        });
        app.start(host, port);
        return new HttpServer(app, host);
    }

    /** The port listened on. */
    public int port() {
        return app.port();
    }

    /** {@code http://host:port}. */
    public URI baseUri() {
        String h = host.contains(":") ? "[" + host + "]" : host;
        return URI.create("http://" + h + ":" + port());
    }

    /** Stops listening and waits for requests in flight. */
    @Override
    public void close() {
        app.stop();
    }
}
