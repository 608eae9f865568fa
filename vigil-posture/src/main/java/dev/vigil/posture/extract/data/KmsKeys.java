package dev.vigil.posture.extract.data;

import dev.vigil.posture.model.DataResource.Setting;
import dev.vigil.posture.model.Value;
import java.util.Locale;

/** Tells an AWS-managed key ({@code alias/aws/<service>}) from a customer-managed one. */
final class KmsKeys {
    private KmsKeys() {}

    /**
     * {@link Setting#AWS_MANAGED} for {@code alias/aws/…} (also as an ARN, or written {@code aws/…}), else
     * {@link Setting#CUSTOMER_KEY}: a reference to a key resource or parameter is assumed to be a customer key.
     */
    static String kindOf(Value key) {
        if (key.literal()) {
            String t = key.text().trim().toLowerCase(Locale.ROOT);
            if (t.startsWith("alias/aws/") || t.startsWith("aws/") || t.contains(":alias/aws/")) {
                return Setting.AWS_MANAGED;
            }
        }
        return Setting.CUSTOMER_KEY;
    }
}
