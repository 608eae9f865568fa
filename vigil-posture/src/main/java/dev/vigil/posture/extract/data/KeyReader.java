package dev.vigil.posture.extract.data;

import dev.vigil.posture.model.DataResource;
import dev.vigil.posture.model.DataResource.Setting;
import dev.vigil.posture.model.Value;

/** {@code AWS::KMS::Key}: rotation, key spec, whether a key policy is given (the policy itself is a ResourcePolicy). */
final class KeyReader implements DataReader {

    @Override
    public DataResource read(Props p) {
        SettingsBuilder s = new SettingsBuilder(p);
        Value rotation = p.value("EnableKeyRotation");
        s.put(
                Setting.KEY_ROTATION,
                rotation != null
                        ? rotation
                        : Value.literal("false", p.resource().location()));
        Value spec = p.value("KeySpec");
        s.put(
                Setting.KEY_SPEC,
                spec != null
                        ? spec
                        : Value.literal("SYMMETRIC_DEFAULT", p.resource().location()));
        s.put(Setting.KEY_ORIGIN, p.value("Origin"));
        s.literal(Setting.KEY_POLICY, p.get("KeyPolicy") != null ? "true" : "false", p.keyLocation("KeyPolicy"));
        return s.build(DataResource.Kind.KEY);
    }
}
