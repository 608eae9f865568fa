package dev.vigil.posture.check.api;

import dev.vigil.posture.check.Check;
import java.util.List;

/** The api checks. */
public final class ApiChecks {
    private ApiChecks() {}

    /** Every check of this package. */
    public static List<Check> all() {
        return List.of();
    }
}
