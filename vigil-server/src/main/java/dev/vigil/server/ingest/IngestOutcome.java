package dev.vigil.server.ingest;

import dev.vigil.core.json.JsonWriter;
import java.util.List;

/**
 * What one ingest request did: how many events are durably in the log (from {@code firstOffset} on), and why the
 * others were refused.
 *
 * @param accepted events appended and acknowledged by the log
 * @param rejected {@code label: reason} for the first {@link EventBatch#MAX_REASONS} refused events
 * @param rejectedCount how many events were refused in all
 * @param skipped entries that are not events and not errors (CloudWatch log lines that are not JSON)
 * @param firstOffset the log offset of the first accepted event, or {@code null} when none was accepted
 */
public record IngestOutcome(int accepted, List<String> rejected, int rejectedCount, int skipped, Long firstOffset) {

    /** Copies the list. */
    public IngestOutcome {
        rejected = List.copyOf(rejected);
    }

    /** {@code 202} when something was accepted or there was nothing to accept, {@code 400} when everything was refused. */
    public int status() {
        return accepted == 0 && rejectedCount > 0 ? 400 : 202;
    }

    /** The response body: {@code {"accepted":…,"rejected":[…],"rejectedCount":…,"skipped":…,"firstOffset":…}}. */
    public String toJson() {
        JsonWriter json = new JsonWriter().beginObject().field("accepted", accepted);
        json.name("rejected").beginArray();
        rejected.forEach(json::value);
        json.endArray().field("rejectedCount", rejectedCount).field("skipped", skipped);
        json.name("firstOffset");
        if (firstOffset == null) {
            json.nullValue();
        } else {
            json.value(firstOffset);
        }
        return json.endObject().toString();
    }
}
