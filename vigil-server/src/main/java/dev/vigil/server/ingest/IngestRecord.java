package dev.vigil.server.ingest;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * One ingested event as stored in the {@link dev.vigil.server.log.EventLog}: the event's original JSON bytes, unchanged,
 * behind a small envelope saying who sent it, when and how.
 *
 * <h2>Binary format (version 1)</h2>
 *
 * All integers big-endian; strings UTF-8, prefixed by their byte length.
 *
 * <pre>
 * byte    magic 0x56 ('V')
 * byte    format version, 1
 * byte    source kind ({@link SourceKind#code()}: 1 events, 2 CloudWatch, 3 CloudTrail)
 * int64   received-at, epoch milliseconds (server clock)
 * uint16  tenant length, then the tenant's bytes (never empty)
 * uint16  function group length, then its bytes (length 0: the token was not scoped to a group)
 * uint16  origin length, then its bytes (CloudWatch: the log group; otherwise empty)
 * bytes   the event: one JSON object exactly as received (after gzip/base64 decoding), to the end of the record
 * </pre>
 *
 * Decoders must reject an unknown magic or a newer version. The envelope adds {@code 18 + tenant + group + origin}
 * bytes to each event.
 *
 * @param source where the event came from
 * @param receivedAtMillis when the server accepted it
 * @param tenant the tenant of the ingest token
 * @param functionGroup the function group of the ingest token, or {@code null}
 * @param origin more about the source (the CloudWatch log group), or {@code null}
 * @param event the JSON object's bytes (not copied; don't change them)
 */
public record IngestRecord(
        SourceKind source, long receivedAtMillis, String tenant, String functionGroup, String origin, byte[] event) {

    /** The first byte of every record. */
    public static final byte MAGIC = 0x56;

    /** The format version this class writes. */
    public static final byte VERSION = 1;

    /** Fixed envelope bytes: magic, version, kind, time and three length prefixes. */
    public static final int FIXED_ENVELOPE_BYTES = 3 + 8 + 2 * 3;

    /** Checks the fields. */
    public IngestRecord {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(event, "event");
        if (tenant == null || tenant.isEmpty()) {
            throw new IllegalArgumentException("tenant is required");
        }
        functionGroup = functionGroup == null || functionGroup.isEmpty() ? null : functionGroup;
        origin = origin == null || origin.isEmpty() ? null : origin;
    }

    /** The envelope's size in bytes for these header values (the record is this plus the event's length). */
    public static int envelopeBytes(String tenant, String functionGroup, String origin) {
        return FIXED_ENVELOPE_BYTES + utf8Length(tenant) + utf8Length(functionGroup) + utf8Length(origin);
    }

    /** The record's bytes in the format above. */
    public byte[] encode() {
        byte[] tenantBytes = utf8(tenant);
        byte[] groupBytes = utf8(functionGroup);
        byte[] originBytes = utf8(origin);
        ByteBuffer out = ByteBuffer.allocate(
                FIXED_ENVELOPE_BYTES + tenantBytes.length + groupBytes.length + originBytes.length + event.length);
        out.put(MAGIC).put(VERSION).put((byte) source.code()).putLong(receivedAtMillis);
        putString(out, tenantBytes);
        putString(out, groupBytes);
        putString(out, originBytes);
        out.put(event);
        return out.array();
    }

    /**
     * Decodes a record written by {@link #encode()}.
     *
     * @throws IllegalArgumentException the bytes are not a version-1 ingest record
     */
    public static IngestRecord decode(byte[] record) {
        if (record.length < FIXED_ENVELOPE_BYTES || record[0] != MAGIC) {
            throw new IllegalArgumentException("not an ingest record");
        }
        if (record[1] != VERSION) {
            throw new IllegalArgumentException("unsupported ingest record version " + record[1]);
        }
        try {
            ByteBuffer in = ByteBuffer.wrap(record);
            in.position(2);
            SourceKind source = SourceKind.fromCode(in.get());
            long receivedAt = in.getLong();
            String tenant = getString(in);
            String group = getString(in);
            String origin = getString(in);
            byte[] event = Arrays.copyOfRange(record, in.position(), record.length);
            return new IngestRecord(source, receivedAt, tenant, group, origin, event);
        } catch (java.nio.BufferUnderflowException | IndexOutOfBoundsException e) {
            throw new IllegalArgumentException("truncated ingest record", e);
        }
    }

    /** The event as a string, for tests and messages. */
    public String eventText() {
        return new String(event, StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof IngestRecord r
                && source == r.source
                && receivedAtMillis == r.receivedAtMillis
                && tenant.equals(r.tenant)
                && Objects.equals(functionGroup, r.functionGroup)
                && Objects.equals(origin, r.origin)
                && Arrays.equals(event, r.event);
    }

    @Override
    public int hashCode() {
        return Objects.hash(source, receivedAtMillis, tenant, functionGroup, origin, Arrays.hashCode(event));
    }

    @Override
    public String toString() {
        return "IngestRecord[" + source + ", " + receivedAtMillis + ", " + tenant + ", " + functionGroup + ", " + origin
                + ", " + event.length + " event bytes]";
    }

    private static void putString(ByteBuffer out, byte[] bytes) {
        out.putShort((short) bytes.length).put(bytes);
    }

    private static String getString(ByteBuffer in) {
        int length = Short.toUnsignedInt(in.getShort());
        byte[] bytes = new byte[length];
        in.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static byte[] utf8(String s) {
        byte[] bytes = s == null ? new byte[0] : s.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > 0xFFFF) {
            throw new IllegalArgumentException("envelope string longer than 65535 bytes");
        }
        return bytes;
    }

    private static int utf8Length(String s) {
        return s == null ? 0 : s.getBytes(StandardCharsets.UTF_8).length;
    }
}
