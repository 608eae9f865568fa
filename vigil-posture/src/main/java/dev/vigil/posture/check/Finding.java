package dev.vigil.posture.check;

import dev.vigil.core.Severity;
import dev.vigil.posture.source.Location;

/**
 * One violation of one check.
 *
 * @param check the check's metadata
 * @param severity severity of this finding (usually the check's)
 * @param location where
 * @param subject the resource at fault
 * @param message what is wrong
 */
public record Finding(CheckInfo check, Severity severity, Location location, String subject, String message) {

    /** The check id, e.g. {@code VGL-IAM-001}. */
    public String checkId() {
        return check.id();
    }
}
