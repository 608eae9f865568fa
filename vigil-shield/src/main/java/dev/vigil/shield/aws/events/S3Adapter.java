package dev.vigil.shield.aws.events;

import dev.vigil.core.telemetry.Trigger;
import dev.vigil.shield.inspect.InputSink;
import dev.vigil.shield.inspect.Source;
import java.util.List;
import java.util.Map;

/**
 * Amazon S3 event notifications ({@code Records[].eventSource == "aws:s3"}): the object key, which S3 delivers
 * percent-encoded with {@code +} for a space ({@code uploads/my+file%3Cscript%3E.txt}) and which is reported decoded
 * ({@code uploads/my file<script>.txt}). Bucket names, ETags and request ids are the owner's or AWS's, not the
 * uploader's.
 */
public final class S3Adapter implements EventAdapter {

    /** The adapter. */
    public static final S3Adapter INSTANCE = new S3Adapter();

    private S3Adapter() {}

    @Override
    public Trigger trigger() {
        return Trigger.S3;
    }

    @Override
    public boolean matches(Map<String, Object> event) {
        return Fields.firstRecordSource(event, "eventSource", "aws:s3");
    }

    @Override
    public void extract(Map<String, Object> event, InputSink sink) {
        List<?> records = Fields.list(event, "Records");
        if (records == null) {
            return;
        }
        for (int i = 0; i < records.size(); i++) {
            String key = Fields.string(Fields.map(Fields.map(records.get(i), "s3"), "object"), "key");
            if (key != null && !key.isEmpty()) {
                sink.accept("Records[" + i + "].s3.object.key", Decoding.url(key, true), Source.KEY, -1);
            }
        }
    }
}
