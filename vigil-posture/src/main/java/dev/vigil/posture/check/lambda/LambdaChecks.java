package dev.vigil.posture.check.lambda;

import dev.vigil.posture.check.Check;
import java.util.List;

/** The lambda checks. */
public final class LambdaChecks {
    private LambdaChecks() {}

    /** Every check of this package. */
    public static List<Check> all() {
        return List.of();
    }
}
