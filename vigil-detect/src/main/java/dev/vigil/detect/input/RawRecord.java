package dev.vigil.detect.input;

import dev.vigil.detect.event.EventOrigin;
import dev.vigil.detect.event.LogSource;

/**
 * One record's JSON bytes as read, not yet parsed; parsing happens on the worker that matches it.
 *
 * @param bytes buffer holding the record (may be shared with other records: do not modify)
 * @param offset start of the record in {@code bytes}
 * @param length length in bytes
 * @param origin where it was read
 * @param hint the log source the container implies (a CloudTrail file's records are CloudTrail), or {@link
 *     LogSource#UNKNOWN} to classify by shape
 */
public record RawRecord(byte[] bytes, int offset, int length, EventOrigin origin, LogSource hint) {}
