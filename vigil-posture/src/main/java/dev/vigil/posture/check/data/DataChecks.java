package dev.vigil.posture.check.data;

import dev.vigil.posture.check.Check;
import java.util.List;

/** The data checks. */
public final class DataChecks {
    private DataChecks() {}

    /** Every check of this package. */
    public static List<Check> all() {
        return List.of();
    }
}
