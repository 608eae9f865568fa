package dev.vigil.shield.inspect;

/** Receives the attacker-controlled strings an event adapter finds, one call per value. */
@FunctionalInterface
public interface InputSink {

    /**
     * Accepts one value.
     *
     * @param location where it is, in Vigil's location syntax: dotted event fields with {@code [i]} indices
     *     ({@code Records[3].s3.object.key}), and {@code $}-rooted JSON paths inside decoded payloads
     *     ({@code body.$.order.note}, {@code Records[0].body.$.items[2].sku})
     * @param value the decoded value (URL-decoding of S3 keys, base64 of Kinesis data etc. already applied)
     * @param source the part of the event it came from
     * @param recordIndex the batch record it belongs to, or -1 when the event is not a batch
     */
    void accept(String location, String value, Source source, int recordIndex);
}
