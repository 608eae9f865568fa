package dev.vigil.posture.extract.data;

import dev.vigil.posture.model.DataResource;
import dev.vigil.posture.model.DataResource.Setting;

/** {@code AWS::SNS::Topic}: SSE with {@code KmsMasterKeyId}; without it messages are stored unencrypted. */
final class TopicReader implements DataReader {

    @Override
    public DataResource read(Props p) {
        SettingsBuilder s = new SettingsBuilder(p);
        s.put(Setting.NAME, p.value("TopicName"));
        if (!s.kmsKey(p.value("KmsMasterKeyId"))) {
            s.encryption(Setting.NONE, p.resource().location());
        }
        return s.build(DataResource.Kind.TOPIC);
    }
}
