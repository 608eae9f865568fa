package dev.vigil.posture.usage;

import dev.vigil.posture.model.Deployment;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/**
 * Granted-but-unused permissions per function: the actions each function's declared role allows, diffed against
 * what the function (or its role) actually called according to CloudTrail records or Shield telemetry. Placeholder
 * until the least-privilege work package fills it.
 */
public final class UsageReport {

    private UsageReport() {}

    /**
     * Computes the report.
     *
     * @param deployments scanned deployments (their functions and roles)
     * @param activity CloudTrail files/directories or Shield telemetry JSON lines (gzip allowed)
     */
    public static UsageReport compute(List<Deployment> deployments, List<Path> activity) throws IOException {
        return new UsageReport();
    }

    /** Writes the report for people. */
    public void renderText(PrintWriter out) {}

    /** The report as a JSON value (for {@code --format json}). */
    public String toJson() {
        return "{}";
    }
}
