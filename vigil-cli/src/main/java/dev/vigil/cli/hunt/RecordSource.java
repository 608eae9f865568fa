package dev.vigil.cli.hunt;

import dev.vigil.detect.input.RecordSink;
import java.io.IOException;

/** Where a hunt's records come from: log files, standard input, or memory (benchmarks, tests). */
@FunctionalInterface
public interface RecordSource {

    /** Passes every record and every input problem to {@code sink}, in input order, on the calling thread. */
    void read(RecordSink sink) throws IOException;

    /**
     * Input bytes consumed so far, as stored (compressed bytes for gzip), for the progress line; -1 when the source
     * does not count them (the pipeline then counts the bytes of the records it was handed).
     */
    default long bytesRead() {
        return -1;
    }
}
