package dev.vigil.server.pipeline;

import dev.vigil.detect.engine.Match;
import dev.vigil.detect.event.EventOrigin;
import dev.vigil.detect.event.EventTime;
import dev.vigil.detect.event.LogSource;
import dev.vigil.detect.event.MalformedRecordException;
import dev.vigil.detect.event.TapeEvent;
import dev.vigil.detect.input.EventParser;
import dev.vigil.detect.input.RawRecord;
import dev.vigil.server.log.LogRecord;
import dev.vigil.server.store.ArchivedEvent;
import dev.vigil.server.store.Detection;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Runs one batch of log records through decoding, parsing and the rules, without touching the store. A record that
 * cannot be decoded or parsed is counted as malformed and skipped. Not thread-safe (the rules' correlation state).
 */
public final class BatchProcessor {
    /** The {@link EventOrigin#file()} of events read from the log; {@link EventOrigin#line()} is the log offset. */
    public static final String ORIGIN = "event-log";

    private final RecordDecoder decoder;
    private final DetectionRules rules;
    private final EventParser parser;
    private final ArchiveMode archiveMode;

    /** A processor decoding with {@code decoder} and matching {@code rules}. */
    public BatchProcessor(RecordDecoder decoder, DetectionRules rules, EventParser parser, ArchiveMode archiveMode) {
        this.decoder = Objects.requireNonNull(decoder, "decoder");
        this.rules = Objects.requireNonNull(rules, "rules");
        this.parser = Objects.requireNonNull(parser, "parser");
        this.archiveMode = Objects.requireNonNull(archiveMode, "archiveMode");
    }

    /** Processes {@code records} (consecutive, non-empty) into what must be stored. */
    public ProcessedBatch process(List<LogRecord> records) {
        if (records.isEmpty()) {
            throw new IllegalArgumentException("empty batch");
        }
        List<Detection> detections = new ArrayList<>();
        List<ArchivedEvent> archived = new ArrayList<>();
        FunctionActivityCollector functions = new FunctionActivityCollector();
        int parsed = 0;
        int malformed = 0;
        int unrecognised = 0;
        for (LogRecord record : records) {
            PipelineInput input;
            TapeEvent event;
            try {
                input = decoder.decode(record);
                LogSource hint = SourceKinds.hint(input.sourceKind());
                RawRecord raw = new RawRecord(
                        input.json(), 0, input.json().length, new EventOrigin(ORIGIN, record.offset(), -1), null);
                event = parser.event(raw, hint);
            } catch (UndecodableRecordException | MalformedRecordException e) {
                malformed++;
                continue;
            }
            parsed++;
            if (event.logSource().isUnset()) {
                unrecognised++;
            }
            long time = rules.timeOf(event);
            if (time == EventTime.UNKNOWN) {
                time = input.receivedAtMillis();
            }
            int before = detections.size();
            for (Match match : rules.match(event, record.offset())) {
                detections.add(DetectionFactory.detection(match, event, input, time));
            }
            functions.add(event, input.tenant(), time);
            if (archiveMode == ArchiveMode.ALL || (archiveMode == ArchiveMode.MATCHED && detections.size() > before)) {
                archived.add(ArchivedEvent.of(
                        input.tenant(),
                        record.offset(),
                        input.receivedAtMillis(),
                        time,
                        EventFacts.function(event),
                        kind(event),
                        new String(input.json(), StandardCharsets.UTF_8)));
            }
        }
        long next = records.get(records.size() - 1).offset() + 1;
        return new ProcessedBatch(
                next, records.size(), parsed, malformed, unrecognised, detections, functions.activities(), archived);
    }

    /** The archive kind: the Shield event kind, {@code cloudtrail}, or the log source. */
    static String kind(TapeEvent event) {
        LogSource source = event.logSource();
        if (EventFacts.isShield(event) && source.service() != null) {
            return source.service();
        }
        if (EventFacts.isCloudTrail(event)) {
            return "cloudtrail";
        }
        return source.isUnset() ? "unknown" : source.toString();
    }
}
