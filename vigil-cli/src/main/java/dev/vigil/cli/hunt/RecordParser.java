package dev.vigil.cli.hunt;

import dev.vigil.detect.event.Event;
import dev.vigil.detect.input.RawRecord;

/** Turns a raw record into an event on a worker thread. */
@FunctionalInterface
public interface RecordParser {

    /**
     * The event of {@code record}.
     *
     * @throws UnreadableRecordException when the record is not usable; the hunt reports it and goes on
     */
    Event parse(RawRecord record) throws UnreadableRecordException;

    /** A record that could not be parsed, with the reason people read. */
    final class UnreadableRecordException extends Exception {
        private static final long serialVersionUID = 1L;

        /** A record unreadable for {@code reason}. */
        public UnreadableRecordException(String reason) {
            super(reason, null, false, false);
        }
    }
}
