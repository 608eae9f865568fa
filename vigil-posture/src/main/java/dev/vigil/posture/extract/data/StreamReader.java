package dev.vigil.posture.extract.data;

import dev.vigil.posture.model.DataResource;
import dev.vigil.posture.model.DataResource.Setting;
import dev.vigil.posture.model.Value;
import dev.vigil.posture.source.MapNode;

/** {@code AWS::Kinesis::Stream}: encrypted only with {@code StreamEncryption} of type KMS and a key id. */
final class StreamReader implements DataReader {

    @Override
    public DataResource read(Props p) {
        SettingsBuilder s = new SettingsBuilder(p);
        s.put(Setting.NAME, p.value("Name"));
        MapNode enc = p.map("StreamEncryption");
        Value type = p.value(enc, "EncryptionType");
        Value key = p.value(enc, "KeyId");
        if (type != null && !type.literal()) {
            s.unknownEncryption(type);
        } else if (type != null && type.is("KMS") && Props.nonBlank(key)) {
            s.kmsKey(key);
        } else {
            s.encryption(
                    Setting.NONE,
                    type != null
                            ? type.location()
                            : enc != null
                                    ? p.keyLocation("StreamEncryption")
                                    : p.resource().location());
        }
        return s.build(DataResource.Kind.STREAM);
    }
}
