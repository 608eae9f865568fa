package dev.vigil.posture.extract.data;

import dev.vigil.posture.model.DataResource;
import dev.vigil.posture.model.DataResource.Setting;
import dev.vigil.posture.model.Value;
import dev.vigil.posture.source.Location;
import java.util.HashMap;
import java.util.Map;

/** Collects the normalised settings of one data resource; null values are skipped. */
final class SettingsBuilder {
    private final Props props;
    private final Map<String, Value> settings = new HashMap<>();

    SettingsBuilder(Props props) {
        this.props = props;
    }

    SettingsBuilder put(String name, Value v) {
        if (v != null) {
            settings.put(name, v);
        }
        return this;
    }

    /** A literal setting at a location. */
    SettingsBuilder literal(String name, String text, Location at) {
        settings.put(name, Value.literal(text, at));
        return this;
    }

    /** {@link Setting#ENCRYPTION} as {@code kind}, located at {@code at}. */
    SettingsBuilder encryption(String kind, Location at) {
        return literal(Setting.ENCRYPTION, kind, at);
    }

    /** {@link Setting#ENCRYPTION} known only at deploy time, rendered from {@code decider}. */
    SettingsBuilder unknownEncryption(Value decider) {
        settings.put(Setting.ENCRYPTION, Value.symbolic(decider.text(), decider.location()));
        return this;
    }

    /** {@link Setting#KMS_KEY} and the {@link Setting#ENCRYPTION} it implies, when {@code key} is non-blank. */
    boolean kmsKey(Value key) {
        if (!Props.nonBlank(key)) {
            return false;
        }
        put(Setting.KMS_KEY, key);
        encryption(KmsKeys.kindOf(key), key.location());
        return true;
    }

    DataResource build(DataResource.Kind kind) {
        var r = props.resource();
        return new DataResource(r.logicalId(), kind, r.type(), r.location(), settings, r.origin());
    }
}
