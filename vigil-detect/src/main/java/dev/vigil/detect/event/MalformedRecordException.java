package dev.vigil.detect.event;

/** A record that is not acceptable JSON (or is too large or too deep), with the reason and the byte offset. */
public final class MalformedRecordException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String reason;
    private final long offset;

    /** A problem at byte {@code offset} of the record ({@code -1} when it concerns the whole record). */
    public MalformedRecordException(String reason, long offset) {
        super(offset < 0 ? reason : reason + " at byte " + offset, null, false, false);
        this.reason = reason;
        this.offset = offset;
    }

    /** What is wrong, without the offset. */
    public String reason() {
        return reason;
    }

    /** Byte offset within the record, or -1. */
    public long offset() {
        return offset;
    }
}
