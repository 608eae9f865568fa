package dev.vigil.posture.report;

/** Where reports point people for documentation. */
public final class ReportFormat {
    private ReportFormat() {}

    /** Base of documentation links: a check's {@code doc} is relative to the repository root. */
    public static final String DOC_BASE = "https://github.com/vigil-dev/vigil/blob/main/";

    /** The documentation URL of a check's {@code doc} path. */
    public static String docUrl(String doc) {
        return DOC_BASE + doc;
    }
}
