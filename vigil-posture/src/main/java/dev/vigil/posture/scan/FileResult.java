package dev.vigil.posture.scan;

import dev.vigil.posture.check.Finding;
import dev.vigil.posture.model.Deployment;
import dev.vigil.posture.model.Format;
import dev.vigil.posture.report.Suppression;
import java.util.List;

/**
 * What scanning one file produced.
 *
 * @param file the file as named
 * @param format its format, or null when it is not a deployment descriptor (skipped) or could not be read
 * @param deployment the model, or null
 * @param findings findings of the checks that ran
 * @param problems non-fatal problems (malformed resources, a check that failed), each {@code file:line:col: reason}
 * @param error why the file could not be read at all ({@code file:line:col: reason}), or null
 * @param text the file's text (for inline suppressions), or null when it could not be read
 * @param suppressions the file's well-formed suppressions (malformed ones are in {@code problems})
 */
public record FileResult(
        String file,
        Format format,
        Deployment deployment,
        List<Finding> findings,
        List<String> problems,
        String error,
        String text,
        List<Suppression> suppressions) {

    public FileResult {
        findings = List.copyOf(findings);
        problems = List.copyOf(problems);
        suppressions = suppressions == null ? List.of() : List.copyOf(suppressions);
    }

    /** A result without suppressions. */
    public FileResult(
            String file,
            Format format,
            Deployment deployment,
            List<Finding> findings,
            List<String> problems,
            String error,
            String text) {
        this(file, format, deployment, findings, problems, error, text, List.of());
    }

    /** True when the file was read and recognised. */
    public boolean scanned() {
        return format != null && error == null;
    }

    /** True when the file was read but is not a format {@code vigil scan} knows (e.g. a package.json). */
    public boolean skipped() {
        return format == null && error == null;
    }
}
