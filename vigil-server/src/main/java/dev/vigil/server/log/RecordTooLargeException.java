package dev.vigil.server.log;

/** A record longer than the log's {@link EventLogOptions#maxRecordBytes()}; nothing of its batch was appended. */
public final class RecordTooLargeException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final int recordBytes;
    private final int maxRecordBytes;

    RecordTooLargeException(int index, int recordBytes, int maxRecordBytes) {
        super("record " + index + " of the batch is " + recordBytes + " bytes, over the limit of " + maxRecordBytes
                + " bytes; nothing of the batch was appended");
        this.recordBytes = recordBytes;
        this.maxRecordBytes = maxRecordBytes;
    }

    /** The rejected record's length. */
    public int recordBytes() {
        return recordBytes;
    }

    /** The limit it broke. */
    public int maxRecordBytes() {
        return maxRecordBytes;
    }
}
