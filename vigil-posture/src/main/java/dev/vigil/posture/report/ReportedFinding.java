package dev.vigil.posture.report;

import dev.vigil.posture.check.Finding;

/**
 * A finding as reported: where (the file relative to the working directory), its fingerprint and whether it is new,
 * accepted in the baseline or suppressed.
 *
 * @param finding the finding
 * @param file the file as reported: relative to the working directory when below it, with {@code /}
 * @param fingerprint see {@link Fingerprint}
 * @param status new, in the baseline, or suppressed
 * @param suppression the suppression that covers it, or null
 */
public record ReportedFinding(
        Finding finding, String file, String fingerprint, Status status, Suppression suppression) {

    /** Whether a finding counts. */
    public enum Status {
        /** Not in the baseline and not suppressed: counts for {@code --fail-on}. */
        NEW,
        /** Its fingerprint is in the baseline. */
        BASELINE,
        /** Covered by a suppression with a reason. */
        SUPPRESSED
    }
}
