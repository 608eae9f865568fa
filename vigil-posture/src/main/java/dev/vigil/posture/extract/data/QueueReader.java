package dev.vigil.posture.extract.data;

import dev.vigil.posture.model.DataResource;
import dev.vigil.posture.model.DataResource.Setting;
import dev.vigil.posture.model.Value;

/** {@code AWS::SQS::Queue}: SSE-KMS ({@code KmsMasterKeyId}) or SSE-SQS ({@code SqsManagedSseEnabled}). */
final class QueueReader implements DataReader {

    @Override
    public DataResource read(Props p) {
        SettingsBuilder s = new SettingsBuilder(p);
        s.put(Setting.NAME, p.value("QueueName"));
        if (!s.kmsKey(p.value("KmsMasterKeyId"))) {
            Value managed = p.value("SqsManagedSseEnabled");
            if (managed != null && !managed.literal()) {
                s.unknownEncryption(managed);
            } else if (managed != null && managed.is("true")) {
                s.encryption(Setting.AWS_OWNED, managed.location());
            } else {
                s.encryption(
                        Setting.NONE,
                        managed != null ? managed.location() : p.resource().location());
            }
        }
        return s.build(DataResource.Kind.QUEUE);
    }
}
