package dev.vigil.server.log;

/**
 * How far the log is on disk: every record below {@code nextOffset} is durable, and so are the first {@code
 * segmentBytes} bytes of the segment starting at {@code segmentBaseOffset}.
 */
record DurablePosition(long nextOffset, long segmentBaseOffset, long segmentBytes) {}
