package dev.vigil.shield.block;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Batch surgery on event trees: removing blocked records before the handler runs, and the
 * {@code batchItemFailures} partial-batch response (SQS, Kinesis, DynamoDB Streams).
 */
public final class Batches {

    private Batches() {}

    /** A copy of {@code event} whose {@code recordsField} list lacks the records at {@code indices}. */
    public static Map<String, Object> withoutRecords(
            Map<String, Object> event, String recordsField, Set<Integer> indices) {
        Map<String, Object> copy = new LinkedHashMap<>(event);
        Object records = event.get(recordsField);
        if (records instanceof List<?> list) {
            List<Object> kept = new ArrayList<>(list.size());
            for (int i = 0; i < list.size(); i++) {
                if (!indices.contains(i)) {
                    kept.add(list.get(i));
                }
            }
            copy.put(recordsField, kept);
        }
        return copy;
    }

    /** {@code {"batchItemFailures":[{"itemIdentifier":…}, …]}}. */
    public static Map<String, Object> failures(List<String> itemIds) {
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("batchItemFailures", entries(itemIds));
        return response;
    }

    /**
     * Adds Vigil's failed items to the handler's own partial-batch response tree. A {@code null} response becomes a
     * fresh one; an existing {@code batchItemFailures} list keeps its entries and gains ours without duplicates.
     * Any other response shape is returned unchanged ({@code false} in {@link Merge#merged()}).
     */
    public static Merge mergeFailures(Object response, List<String> itemIds) {
        if (response == null) {
            return new Merge(failures(itemIds), true);
        }
        if (!(response instanceof Map<?, ?> map)) {
            return new Merge(response, false);
        }
        Object existing = map.get("batchItemFailures");
        if (existing != null && !(existing instanceof List)) {
            return new Merge(response, false);
        }
        Set<String> seen = new LinkedHashSet<>();
        List<Object> all = new ArrayList<>();
        if (existing instanceof List<?> list) {
            for (Object o : list) {
                all.add(o);
                if (o instanceof Map<?, ?> m && m.get("itemIdentifier") instanceof String id) {
                    seen.add(id);
                }
            }
        }
        for (Object e : entries(itemIds)) {
            if (seen.add((String) ((Map<?, ?>) e).get("itemIdentifier"))) {
                all.add(e);
            }
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> copy = new LinkedHashMap<>((Map<String, Object>) map);
        copy.put("batchItemFailures", all);
        return new Merge(copy, true);
    }

    private static List<Object> entries(List<String> itemIds) {
        List<Object> list = new ArrayList<>(itemIds.size());
        for (String id : itemIds) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("itemIdentifier", id);
            list.add(entry);
        }
        return list;
    }

    /**
     * The result of {@link #mergeFailures}.
     *
     * @param response the response to return
     * @param merged whether Vigil's failures are in it
     */
    public record Merge(Object response, boolean merged) {}
}
