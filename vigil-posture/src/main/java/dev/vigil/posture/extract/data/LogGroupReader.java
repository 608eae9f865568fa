package dev.vigil.posture.extract.data;

import dev.vigil.posture.model.DataResource;
import dev.vigil.posture.model.DataResource.Setting;

/** {@code AWS::Logs::LogGroup}: customer KMS key and retention (absent: kept forever). */
final class LogGroupReader implements DataReader {

    @Override
    public DataResource read(Props p) {
        SettingsBuilder s = new SettingsBuilder(p);
        s.put(Setting.NAME, p.value("LogGroupName"));
        s.put(Setting.RETENTION_DAYS, p.value("RetentionInDays"));
        if (!s.kmsKey(p.value("KmsKeyId"))) {
            s.encryption(Setting.AWS_OWNED, p.resource().location());
        }
        return s.build(DataResource.Kind.LOG_GROUP);
    }
}
