package dev.vigil.server.pipeline;

import dev.vigil.server.store.ArchivedEvent;
import dev.vigil.server.store.Detection;
import dev.vigil.server.store.FunctionActivity;
import java.util.List;

/**
 * What one batch of log records produced, ready to be written before the position moves to {@code nextOffset}.
 *
 * @param nextOffset the offset after the batch's last record: the position to commit once the batch is stored
 * @param records records read
 * @param parsed records parsed into events
 * @param malformed records skipped because their envelope or JSON was unreadable
 * @param unrecognised parsed records of no known log source (neither Shield telemetry nor CloudTrail nor another
 *     source the parser knows); rules without a product still see them
 * @param detections detections, in log order
 * @param activities functions inventory updates
 * @param archived raw events to archive
 */
public record ProcessedBatch(
        long nextOffset,
        int records,
        int parsed,
        int malformed,
        int unrecognised,
        List<Detection> detections,
        List<FunctionActivity> activities,
        List<ArchivedEvent> archived) {}
