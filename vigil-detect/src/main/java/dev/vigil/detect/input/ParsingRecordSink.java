package dev.vigil.detect.input;

import dev.vigil.detect.event.EventOrigin;
import dev.vigil.detect.event.LogSource;
import dev.vigil.detect.event.MalformedRecordException;
import dev.vigil.detect.event.TapeEvent;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * A {@link RecordSink} that parses each record on the reading thread and passes the events on; a record that does not
 * parse becomes a problem ({@code file:line: reason}). For single-threaded use and tests; a parallel pipeline parses on
 * its workers with {@link EventParser} instead.
 */
public final class ParsingRecordSink implements RecordSink {
    private final EventParser parser;
    private final LogSource forced;
    private final Consumer<? super TapeEvent> events;
    private final BiConsumer<EventOrigin, String> problems;

    /** Parses with {@code parser}, forcing {@code forced} (null or unset for none). */
    public ParsingRecordSink(
            EventParser parser,
            LogSource forced,
            Consumer<? super TapeEvent> events,
            BiConsumer<EventOrigin, String> problems) {
        this.parser = Objects.requireNonNull(parser, "parser");
        this.forced = forced;
        this.events = Objects.requireNonNull(events, "events");
        this.problems = Objects.requireNonNull(problems, "problems");
    }

    @Override
    public void record(RawRecord record) {
        TapeEvent event;
        try {
            event = parser.event(record, forced);
        } catch (MalformedRecordException e) {
            problems.accept(record.origin(), e.getMessage());
            return;
        }
        events.accept(event);
    }

    @Override
    public void problem(EventOrigin where, String reason) {
        problems.accept(where, reason);
    }
}
