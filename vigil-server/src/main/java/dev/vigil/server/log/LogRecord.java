package dev.vigil.server.log;

/**
 * One record read back from an {@link EventLog}.
 *
 * @param offset the record's global offset
 * @param payload the bytes given to {@link EventLog#append}; the array belongs to the caller
 */
public record LogRecord(long offset, byte[] payload) {}
