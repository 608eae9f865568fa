package dev.vigil.server.pipeline;

/** A log record whose envelope cannot be read; the pipeline counts it as malformed and skips it. */
public final class UndecodableRecordException extends Exception {
    private static final long serialVersionUID = 1L;

    /** A record that cannot be decoded, for {@code reason}. */
    public UndecodableRecordException(String reason) {
        super(reason);
    }
}
