package dev.vigil.shield.aws.events;

import dev.vigil.core.telemetry.Trigger;
import dev.vigil.shield.inspect.InputSink;
import dev.vigil.shield.inspect.Source;

/**
 * Amazon S3 event notifications ({@code Records[].eventSource == "aws:s3"}): the object key, which S3 delivers
 * percent-encoded with {@code +} for a space ({@code uploads/my+file%3Cscript%3E.txt}) and which is reported decoded
 * ({@code uploads/my file<script>.txt}). Bucket names, ETags and request ids are the owner's or AWS's, not the
 * uploader's.
 */
public final class S3Adapter extends RecordsAdapter {

    /** The adapter. */
    public static final S3Adapter INSTANCE = new S3Adapter();

    private S3Adapter() {
        super(Trigger.S3, "eventSource", "aws:s3");
    }

    @Override
    void extractRecord(Object record, int i, InputSink sink) {
        String key = Fields.string(Fields.map(Fields.map(record, "s3"), "object"), "key");
        if (key != null && !key.isEmpty()) {
            sink.accept("Records[" + i + "].s3.object.key", Decoding.url(key, true), Source.KEY, -1);
        }
    }
}
