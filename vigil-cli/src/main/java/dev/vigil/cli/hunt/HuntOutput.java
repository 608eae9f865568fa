package dev.vigil.cli.hunt;

import dev.vigil.detect.engine.CorrelationMatch;
import java.io.IOException;

/**
 * Receives what a hunt reports, on one thread: single-event matches in input order, then correlation matches in the
 * order they fired, then {@link #finish()}.
 */
public interface HuntOutput {

    /** One single-event match. */
    void hit(Hit hit) throws IOException;

    /** One correlation match. */
    void correlation(CorrelationMatch match) throws IOException;

    /** The input has ended: write whatever is held (the table) and flush. */
    void finish() throws IOException;
}
