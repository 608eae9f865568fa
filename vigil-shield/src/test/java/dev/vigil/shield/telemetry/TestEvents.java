package dev.vigil.shield.telemetry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.core.telemetry.FunctionInfo;
import dev.vigil.core.telemetry.InvocationSummary;
import dev.vigil.core.telemetry.Outcome;
import dev.vigil.core.telemetry.TelemetryEvent;
import dev.vigil.core.telemetry.Trigger;
import dev.vigil.core.telemetry.VigilError;
import java.util.ArrayList;
import java.util.List;

/** Events for the sink tests, and a strict JSON-lines parser to read them back. */
final class TestEvents {

    static final FunctionInfo FUNCTION =
            new FunctionInfo("orders-api", "7", null, "eu-west-1", "123456789012", "java17", 512);

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private TestEvents() {}

    static TelemetryEvent invocation(String requestId) {
        return new InvocationSummary(
                1_700_000_000_000L,
                FUNCTION,
                requestId,
                Trigger.API_GATEWAY_HTTP,
                12_345,
                321,
                false,
                Outcome.SUCCESS,
                0,
                1,
                "POST",
                "/orders",
                201);
    }

    static TelemetryEvent error(String requestId, String message) {
        return new VigilError(1_700_000_000_001L, FUNCTION, requestId, "detector_failed", "detector:sqli", message, 1);
    }

    static JsonNode parse(String line) {
        try {
            return MAPPER.readTree(line);
        } catch (Exception e) {
            throw new AssertionError("not a JSON line: " + line, e);
        }
    }

    /** Parses text made of JSON lines, each ended by {@code \n}; fails on a partial or malformed line. */
    static List<JsonNode> parseLines(String text) {
        List<JsonNode> nodes = new ArrayList<>();
        if (text.isEmpty()) {
            return nodes;
        }
        if (!text.endsWith("\n")) {
            throw new AssertionError("last line is not terminated: " + text);
        }
        for (String line : text.substring(0, text.length() - 1).split("\n", -1)) {
            JsonNode node = parse(line);
            if (!node.isObject()) {
                throw new AssertionError("line is not a JSON object: " + line);
            }
            nodes.add(node);
        }
        return nodes;
    }
}
