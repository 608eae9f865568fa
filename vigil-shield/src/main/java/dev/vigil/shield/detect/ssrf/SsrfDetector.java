package dev.vigil.shield.detect.ssrf;

import dev.vigil.core.Severity;
import dev.vigil.shield.detect.Detection;
import dev.vigil.shield.detect.DetectionSink;
import dev.vigil.shield.detect.Detector;
import dev.vigil.shield.inspect.InspectedValue;
import dev.vigil.shield.inspect.Source;
import dev.vigil.shield.inspect.Variant;
import java.util.List;

/**
 * Server-side request forgery: URLs (and bare hosts) in a value that point a server-side fetch at a cloud metadata
 * service, an internal address, a dangerous scheme, a raw IP, or a rebinding service. See {@code docs/detectors/ssrf.md}.
 *
 * <p>Prefilter: a variant is only scanned when it contains a {@code :} (a scheme or a port) or is short enough to be
 * a bare host; the colon scan uses {@link String#indexOf(int)} and allocates nothing for values without URLs.
 */
public final class SsrfDetector implements Detector {

    /** Cloud instance metadata endpoint. */
    public static final String METADATA = "VGL-SSRF-001";
    /** Loopback, private, link-local, unspecified or internal target. */
    public static final String INTERNAL = "VGL-SSRF-002";
    /** Scheme that reaches files or non-HTTP services. */
    public static final String SCHEME = "VGL-SSRF-003";
    /** URL to a raw (public) IP literal, in any notation. */
    public static final String IP_LITERAL = "VGL-SSRF-004";
    /** Wildcard-DNS, DNS-rebinding or out-of-band interaction service. */
    public static final String REBIND = "VGL-SSRF-005";
    /** Remote file inclusion shape: URL ending in a bare '?', inside a path, or where a file path is expected. */
    public static final String RFI = "VGL-SSRF-006";

    @Override
    public String id() {
        return "ssrf";
    }

    @Override
    public String category() {
        return "ssrf";
    }

    @Override
    public void inspect(InspectedValue value, DetectionSink sink) {
        boolean pathSource = value.source() == Source.PATH;
        List<Variant> variants = value.variants();
        long best = 0;
        Variant where = null;
        for (int k = 0; k < variants.size(); k++) {
            Variant v = variants.get(k);
            long found = UrlScanner.scan(v.text(), pathSource, value.name());
            if (UrlScanner.rule(found) > UrlScanner.rule(best)) {
                best = found;
                where = v;
                if (UrlScanner.rule(found) == UrlScanner.METADATA) {
                    break;
                }
            }
        }
        if (where == null) {
            return;
        }
        int rule = UrlScanner.rule(best);
        int start = Math.min(UrlScanner.start(best), where.text().length());
        int end = Math.max(start, Math.min(UrlScanner.end(best), where.text().length()));
        sink.report(new Detection(ruleId(rule), title(rule), severity(rule), where, start, end));
    }

    private static String ruleId(int rule) {
        switch (rule) {
            case UrlScanner.METADATA:
                return METADATA;
            case UrlScanner.INTERNAL:
                return INTERNAL;
            case UrlScanner.SCHEME:
                return SCHEME;
            case UrlScanner.REBIND:
                return REBIND;
            case UrlScanner.PUBLIC_IP:
                return IP_LITERAL;
            default:
                return RFI;
        }
    }

    private static String title(int rule) {
        switch (rule) {
            case UrlScanner.METADATA:
                return "URL to a cloud instance metadata endpoint";
            case UrlScanner.INTERNAL:
                return "URL to a loopback, private or internal address";
            case UrlScanner.SCHEME:
                return "URL with a file or non-HTTP service scheme";
            case UrlScanner.REBIND:
                return "URL to a DNS-rebinding or out-of-band interaction service";
            case UrlScanner.PUBLIC_IP:
                return "URL to a raw IP address";
            default:
                return "Remote file inclusion shaped URL";
        }
    }

    private static Severity severity(int rule) {
        switch (rule) {
            case UrlScanner.METADATA:
                return Severity.CRITICAL;
            case UrlScanner.INTERNAL:
            case UrlScanner.SCHEME:
                return Severity.HIGH;
            default:
                return Severity.MEDIUM;
        }
    }
}
