package dev.vigil.posture.extract.data;

import dev.vigil.posture.model.DataResource;
import dev.vigil.posture.model.DataResource.Setting;
import dev.vigil.posture.model.Value;
import dev.vigil.posture.source.MapNode;

/** {@code AWS::StepFunctions::StateMachine}: encryption configuration and logging level. */
final class StateMachineReader implements DataReader {

    @Override
    public DataResource read(Props p) {
        SettingsBuilder s = new SettingsBuilder(p);
        s.put(Setting.NAME, p.value("StateMachineName"));
        MapNode enc = p.map("EncryptionConfiguration");
        Value type = p.value(enc, "Type");
        if (type != null && type.is("CUSTOMER_MANAGED_KMS_KEY") && s.kmsKey(p.value(enc, "KmsKeyId"))) {
            // customer key recorded by kmsKey
        } else {
            s.encryption(
                    Setting.AWS_OWNED,
                    type != null ? type.location() : p.resource().location());
        }
        s.put(Setting.LOGGING_LEVEL, p.value(p.map("LoggingConfiguration"), "Level"));
        return s.build(DataResource.Kind.STATE_MACHINE);
    }
}
