package dev.vigil.server.log;

/**
 * Where a durable append landed: records {@code firstOffset} to {@code firstOffset + recordCount - 1}.
 *
 * @param firstOffset the global offset of the batch's first record
 * @param recordCount how many records the batch held
 */
public record AppendResult(long firstOffset, int recordCount) {

    /** The offset of the batch's last record ({@code firstOffset - 1} for an empty batch). */
    public long lastOffset() {
        return firstOffset + recordCount - 1;
    }
}
