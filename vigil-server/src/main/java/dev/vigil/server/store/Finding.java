package dev.vigil.server.store;

import dev.vigil.core.Severity;
import java.util.Objects;

/**
 * One posture finding of a scan, as uploaded by {@code vigil scan --upload}.
 *
 * @param checkId the check's stable id (e.g. {@code VGL-IAM-001})
 * @param severity how bad it is
 * @param file the scanned file, or {@code null}
 * @param line the 1-based line, or {@code null}
 * @param subject what the finding is about (function, role, resource), or {@code null}
 * @param message the explanation
 * @param fingerprint stable identity of the finding across scans (for new/fixed comparisons)
 */
public record Finding(
        String checkId,
        Severity severity,
        String file,
        Integer line,
        String subject,
        String message,
        String fingerprint) {
    public Finding {
        Objects.requireNonNull(checkId, "checkId");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(fingerprint, "fingerprint");
    }
}
