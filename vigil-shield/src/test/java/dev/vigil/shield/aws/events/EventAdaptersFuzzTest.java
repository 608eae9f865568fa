package dev.vigil.shield.aws.events;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.vigil.shield.inspect.HttpRequestView;
import dev.vigil.shield.inspect.InputSink;
import dev.vigil.shield.json.Json;
import dev.vigil.shield.json.JsonException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Any JSON document, whatever its shape, goes through every adapter without an exception, and every value reported
 * has a location, a value and a source; a client address, when there is one, is an IP literal. Runs its seeds (in {@code EventAdaptersFuzzTestInputs/}) under plain
 * {@code mvn test}; set {@code JAZZER_FUZZ=1} to fuzz.
 */
class EventAdaptersFuzzTest {

    private static final InputSink CHECKING_SINK = (location, value, source, recordIndex) -> {
        if (location == null || value == null || source == null || recordIndex < -1) {
            throw new AssertionError("incomplete value at " + location + " from " + source + " #" + recordIndex);
        }
    };

    @FuzzTest(maxDuration = "60s")
    @SuppressWarnings("unchecked")
    void adapters_never_throw_on_any_json(byte[] input) {
        Object parsed;
        try {
            parsed = Json.parse(input);
        } catch (JsonException e) {
            return;
        }
        Map<String, Object> event;
        if (parsed instanceof Map<?, ?> map) {
            event = (Map<String, Object>) map;
        } else {
            event = new LinkedHashMap<>();
            event.put("value", parsed);
        }

        EventAdapter chosen = EventAdapters.forEvent(event);
        if (chosen == null || !chosen.matches(event)) {
            throw new AssertionError("forEvent must return a matching adapter");
        }
        for (EventAdapter adapter : EventAdapters.ALL) {
            adapter.matches(event);
            adapter.extract(event, CHECKING_SINK);
            String ip = SourceAddress.of(adapter.trigger(), event);
            if (ip != null && !ip.equals(SourceAddress.literal(ip))) {
                throw new AssertionError("source address that is not an IP literal: " + ip);
            }
            HttpRequestView view = adapter.http(event);
            if (view != null && (view.method() == null || view.path() == null || view.body() == null)) {
                throw new AssertionError("incomplete HTTP view from " + adapter.trigger());
            }
            if (adapter.recordsField() != null && event.get(adapter.recordsField()) instanceof List<?> records) {
                for (Object record : records) {
                    if (record instanceof Map<?, ?> r) {
                        adapter.recordId((Map<String, Object>) r);
                    }
                }
            }
        }
        chosen.extract((Map<String, Object>) EventTrees.fromObject(event), CHECKING_SINK);
    }
}
