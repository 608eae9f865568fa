package dev.vigil.posture.extract.data;

import dev.vigil.posture.model.DataResource;
import dev.vigil.posture.model.DataResource.Setting;

/** {@code AWS::SecretsManager::Secret}: without {@code KmsKeyId} the AWS-managed {@code aws/secretsmanager} key. */
final class SecretReader implements DataReader {

    @Override
    public DataResource read(Props p) {
        SettingsBuilder s = new SettingsBuilder(p);
        s.put(Setting.NAME, p.value("Name"));
        if (!s.kmsKey(p.value("KmsKeyId"))) {
            s.encryption(Setting.AWS_MANAGED, p.resource().location());
        }
        return s.build(DataResource.Kind.SECRET);
    }
}
