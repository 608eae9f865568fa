package dev.vigil.posture.check.iam;

import dev.vigil.posture.check.Check;
import java.util.List;

/** The iam checks. */
public final class IamChecks {
    private IamChecks() {}

    /** Every check of this package. */
    public static List<Check> all() {
        return List.of();
    }
}
