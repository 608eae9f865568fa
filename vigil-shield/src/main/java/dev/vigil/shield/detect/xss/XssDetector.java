package dev.vigil.shield.detect.xss;

import dev.vigil.shield.detect.Detection;
import dev.vigil.shield.detect.DetectionSink;
import dev.vigil.shield.detect.Detector;
import dev.vigil.shield.inspect.InspectedValue;
import dev.vigil.shield.inspect.Variant;
import java.util.List;

/**
 * Detects cross-site scripting: markup that runs script (executable tags, event-handler attributes, script URLs, CSS
 * script), handlers and code injected from inside an attribute or a script string, and client-side template
 * injection. Each variant of a value is scanned once by {@link HtmlScanner} (first {@link XssRules#MAX_SCAN}
 * characters); the strongest finding over all variants is reported. Rule ids {@code VGL-XSS-001} to
 * {@code VGL-XSS-007}; see {@code docs/detectors/xss.md}.
 */
public final class XssDetector implements Detector {

    /** Creates the detector; it keeps no state. */
    public XssDetector() {}

    @Override
    public String id() {
        return "xss";
    }

    @Override
    public String category() {
        return "xss";
    }

    @Override
    public void inspect(InspectedValue value, DetectionSink sink) {
        long best = 0;
        Variant where = null;
        List<Variant> variants = value.variants();
        for (int k = 0, count = variants.size(); k < count; k++) {
            Variant v = variants.get(k);
            String text = v.text();
            int n = Math.min(text.length(), XssRules.MAX_SCAN);
            long f = HtmlScanner.scan(text, 0, n, 0);
            if (f == 0) {
                String joined = TagSplits.join(text, n);
                if (joined != null) {
                    f = HtmlScanner.scan(joined, 0, joined.length(), 0);
                    if (f != 0) {
                        // report on the variant as a whole: offsets in the joined copy do not map back
                        f = XssRules.finding(XssRules.rule(f), 0, n);
                    }
                }
            }
            if (f != 0 && (best == 0 || XssRules.rank(XssRules.rule(f)) > XssRules.rank(XssRules.rule(best)))) {
                best = f;
                where = v;
                if (XssRules.rank(XssRules.rule(f)) >= 3) {
                    break;
                }
            }
        }
        if (where != null) {
            int rule = XssRules.rule(best);
            int end = Math.min(XssRules.end(best), where.text().length());
            int start = Math.min(XssRules.start(best), end);
            sink.report(
                    new Detection(XssRules.id(rule), XssRules.title(rule), XssRules.severity(rule), where, start, end));
        }
    }
}
