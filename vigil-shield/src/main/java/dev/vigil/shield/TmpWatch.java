package dev.vigil.shield;

import dev.vigil.shield.policy.TmpResidueMode;
import java.nio.file.Path;

/** Watches {@code /tmp} for residue between invocations (SAS-12). Placeholder until hygiene lands. */
class TmpWatch {
    static TmpWatch create(TmpResidueMode mode, Path dir) {
        return new TmpWatch();
    }

    void beforeInvocation(Invocation inv) {}

    void afterInvocation() {}
}
