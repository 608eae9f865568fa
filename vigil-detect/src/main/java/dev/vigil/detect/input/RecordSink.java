package dev.vigil.detect.input;

import dev.vigil.detect.event.EventOrigin;

/** Receives what readers read: records, and problems that skipped part of the input. */
public interface RecordSink {

    /** One record. */
    void record(RawRecord record);

    /** A record or file that was skipped, with where and why ({@code file:line: reason} when printed). */
    void problem(EventOrigin where, String reason);
}
