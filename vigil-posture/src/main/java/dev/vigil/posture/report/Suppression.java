package dev.vigil.posture.report;

import dev.vigil.posture.check.Finding;
import dev.vigil.posture.source.Location;
import java.util.List;

/**
 * A user's decision that some findings are accepted, with the reason. Written inline as a YAML comment
 * ({@code # vigil:ignore VGL-SECRET-003 rotated test credential}, on the finding's line or the line above) or, in
 * any format, in a resource's metadata ({@code Metadata: {vigil: {ignore: [{id: VGL-…, reason: …}]}}}).
 *
 * @param checks check ids or slugs it covers
 * @param reason why (never empty: a suppression without one is reported as a problem and not made)
 * @param location where it is written
 * @param subject the logical id it covers (metadata form), or null for the line form
 */
public record Suppression(List<String> checks, String reason, Location location, String subject) {

    public Suppression {
        checks = List.copyOf(checks);
    }

    /** True when this suppression covers {@code f}. */
    public boolean covers(Finding f) {
        if (!checks.contains(f.checkId()) && !checks.contains(f.check().name())) {
            return false;
        }
        if (subject != null) {
            return subject.equals(f.subject());
        }
        int line = f.location().line();
        return line == location.line() || line == location.line() + 1;
    }
}
