package dev.vigil.cli.demo;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The demo's order-lookup API, an ordinary API Gateway HTTP API handler that knows nothing of Vigil. It has two
 * deliberate flaws for the demo to show: it writes a cache file to its scratch directory and never removes it
 * ({@code /tmp} residue), and on an internal error it returns the stack trace to the caller.
 */
public final class OrderApi implements RequestHandler<Map<String, Object>, Map<String, Object>> {

    /** The directory the function uses as its {@code /tmp}; the demo points it at a private temp directory. */
    static volatile Path scratch;

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        String path = String.valueOf(event.getOrDefault("rawPath", "/"));
        if (path.startsWith("/webhooks/")) {
            return response(202, "{\"received\":true}");
        }
        if (path.equals("/orders/boom")) {
            try {
                throw new IllegalStateException("order store unavailable");
            } catch (IllegalStateException e) {
                StringWriter trace = new StringWriter();
                e.printStackTrace(new PrintWriter(trace));
                return response(
                        500,
                        "{\"error\":\"" + trace.toString().replace("\n", "\\n").replace("\t", "\\t") + "\"}");
            }
        }
        String id = path.substring(path.lastIndexOf('/') + 1);
        if (!id.isEmpty() && id.chars().allMatch(Character::isDigit)) {
            cache(id);
        }
        return response(200, "{\"id\":\"" + id.replaceAll("[^A-Za-z0-9-]", "") + "\",\"status\":\"shipped\"}");
    }

    private static void cache(String id) {
        Path dir = scratch;
        if (dir == null) {
            return;
        }
        try {
            Files.writeString(dir.resolve("order-cache-" + Math.abs(id.hashCode()) + ".json"), "{}");
        } catch (IOException e) {
            // the cache is best effort
        }
    }

    private static Map<String, Object> response(int status, String body) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("statusCode", status);
        r.put("headers", Map.of("content-type", "application/json"));
        r.put("body", body);
        return r;
    }
}
