package dev.vigil.shield.detect.pathtraversal;

import dev.vigil.core.Severity;
import dev.vigil.shield.detect.Detection;
import dev.vigil.shield.detect.DetectionSink;
import dev.vigil.shield.detect.Detector;
import dev.vigil.shield.inspect.InspectedValue;
import dev.vigil.shield.inspect.Variant;

/**
 * Detects path traversal and local file inclusion. Each variant of a value passes a cheap {@link PathPrefilter};
 * those that pass are rewritten by {@link PathCanonicalizer} and walked by {@link PathWalker}, and searched for PHP
 * stream wrappers ({@link StreamWrappers}). The strongest finding over all variants is reported once:
 *
 * <ul>
 *   <li>{@value #ESCAPE} directory escape: a path climbs above where it starts ({@code ../../}), CRITICAL when it
 *       reaches a sensitive file, else HIGH (MEDIUM for a single {@code ../} at the start of the value);
 *   <li>{@value #SENSITIVE_FILE} a sensitive file named directly ({@code /etc/passwd}, {@code C:\boot.ini}, {@code
 *       /proc/self/environ}, {@code .aws/credentials}), HIGH;
 *   <li>{@value #WRAPPER} a PHP stream wrapper used for inclusion ({@code php://filter}, {@code expect://}) or a link
 *       of a {@code php://filter} chain, HIGH;
 *   <li>{@value #TRUNCATION} path truncation padding (runs of {@code ./}, redundant separators, over-long names),
 *       MEDIUM.
 * </ul>
 *
 * <p>A value that is entirely Base64 is also decoded and walked when nothing stronger than a single climb was found.
 *
 * <p>Only the first {@value PathCanonicalizer#CAP} characters of each variant are inspected.
 */
public final class PathTraversalDetector implements Detector {

    /** Rule: directory escape. */
    public static final String ESCAPE = "VGL-PATH-001";

    /** Rule: read of a sensitive file. */
    public static final String SENSITIVE_FILE = "VGL-PATH-002";

    /** Rule: PHP stream wrapper inclusion. */
    public static final String WRAPPER = "VGL-PATH-003";

    /** Rule: path truncation padding. */
    public static final String TRUNCATION = "VGL-PATH-004";

    @Override
    public String id() {
        return "path_traversal";
    }

    @Override
    public String category() {
        return "path_traversal";
    }

    @Override
    public void inspect(InspectedValue value, DetectionSink sink) {
        int bestScore = PathWalker.NONE;
        Variant bestVariant = null;
        int bestStart = 0;
        int bestEnd = 0;
        Detection wrapper = null;
        for (Variant v : value.variants()) {
            String text = v.text();
            if (!PathPrefilter.mayMatch(text, PathCanonicalizer.CAP)) {
                continue;
            }
            PathWalker walk = PathWalker.walk(text);
            if (walk.bestScore > bestScore) {
                bestScore = walk.bestScore;
                bestVariant = v;
                bestStart = walk.bestStart;
                bestEnd = walk.bestEnd;
                if (bestScore == PathWalker.ESCAPE_TO_SENSITIVE) {
                    break;
                }
            }
            if (wrapper == null && bestScore < PathWalker.SENSITIVE) {
                long at = StreamWrappers.find(text, PathCanonicalizer.CAP);
                if (at >= 0) {
                    wrapper = new Detection(
                            WRAPPER, "PHP stream wrapper inclusion", Severity.HIGH, v, (int) (at >>> 32), (int) at);
                }
            }
        }
        if (wrapper != null && bestScore < PathWalker.SENSITIVE) {
            sink.report(wrapper);
            return;
        }
        if (bestScore < PathWalker.ESCAPE) {
            String decoded = Base64Text.decode(value.raw());
            if (decoded != null && PathPrefilter.mayMatch(decoded, PathCanonicalizer.CAP)) {
                PathWalker walk = PathWalker.walk(decoded);
                if (walk.bestScore >= PathWalker.ESCAPE) {
                    bestScore = walk.bestScore;
                    bestVariant = new Variant(decoded, "base64");
                    bestStart = walk.bestStart;
                    bestEnd = walk.bestEnd;
                }
            }
        }
        if (bestVariant == null) {
            return;
        }
        Detection d;
        switch (bestScore) {
            case PathWalker.ESCAPE_TO_SENSITIVE:
                d = new Detection(
                        ESCAPE,
                        "Directory traversal to a sensitive file",
                        Severity.CRITICAL,
                        bestVariant,
                        bestStart,
                        bestEnd);
                break;
            case PathWalker.SENSITIVE:
                d = new Detection(
                        SENSITIVE_FILE, "Read of a sensitive file", Severity.HIGH, bestVariant, bestStart, bestEnd);
                break;
            case PathWalker.ESCAPE:
                d = new Detection(
                        ESCAPE,
                        "Directory traversal: path climbs above its start",
                        Severity.HIGH,
                        bestVariant,
                        bestStart,
                        bestEnd);
                break;
            case PathWalker.ESCAPE_ONE:
                d = new Detection(
                        ESCAPE,
                        "Directory traversal: path climbs above its start",
                        Severity.MEDIUM,
                        bestVariant,
                        bestStart,
                        bestEnd);
                break;
            default:
                d = new Detection(
                        TRUNCATION, "Path truncation padding", Severity.MEDIUM, bestVariant, bestStart, bestEnd);
                break;
        }
        sink.report(d);
    }
}
