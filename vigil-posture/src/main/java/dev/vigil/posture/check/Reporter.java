package dev.vigil.posture.check;

import dev.vigil.core.Severity;
import dev.vigil.posture.source.Location;

/** Where a check reports its violations. */
public interface Reporter {

    /**
     * Reports one violation at the check's default severity.
     *
     * @param at the offending key, or the resource when the setting is missing
     * @param subject the logical id (or function key) of the resource at fault
     * @param message what is wrong with this resource, one sentence; never contains a secret value
     */
    void report(Location at, String subject, String message);

    /** Reports one violation at a severity other than the default (e.g. raised for a public trigger). */
    void report(Severity severity, Location at, String subject, String message);
}
