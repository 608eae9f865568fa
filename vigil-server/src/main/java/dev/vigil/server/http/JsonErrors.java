package dev.vigil.server.http;

import dev.vigil.core.json.JsonWriter;
import io.javalin.http.Context;

/** Error responses as {@code {"error": message}}. */
public final class JsonErrors {
    private JsonErrors() {}

    /** Answers {@code status} with {@code {"error": message}}. The message must not hold secrets or request data. */
    public static void send(Context ctx, int status, String message) {
        ctx.status(status)
                .contentType("application/json")
                .result(new JsonWriter()
                        .beginObject()
                        .field("error", message)
                        .endObject()
                        .toString());
    }
}
