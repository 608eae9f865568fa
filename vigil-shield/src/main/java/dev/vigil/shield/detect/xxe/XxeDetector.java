package dev.vigil.shield.detect.xxe;

import dev.vigil.core.Severity;
import dev.vigil.shield.detect.Detection;
import dev.vigil.shield.detect.DetectionSink;
import dev.vigil.shield.detect.Detector;
import dev.vigil.shield.inspect.InspectedValue;
import dev.vigil.shield.inspect.Variant;
import java.util.List;

/**
 * XML external entity and related XML processor abuse: external entities, parameter entities, external DTDs, XInclude
 * and resource-loading XSLT, and entity expansion bombs, found by {@link DtdScanner}. A document in UTF-7 (the
 * {@code +ADw-} form of {@code <}) is decoded first. See {@code docs/detectors/xxe.md}.
 *
 * <p>Prefilter: a variant without {@code <} and without the UTF-7 form of it is skipped after one {@link
 * String#indexOf(int)}; one with {@code <} but none of {@code <!}, {@code :include}, {@code <xsl:} costs a few more.
 */
public final class XxeDetector implements Detector {

    /** External entity declaration (SYSTEM or PUBLIC identifier), general or parameter. */
    public static final String EXTERNAL_ENTITY = "VGL-XXE-001";
    /** Parameter entity declaration or reference. */
    public static final String PARAMETER_ENTITY = "VGL-XXE-002";
    /** DOCTYPE that loads an external DTD not of a registered document type. */
    public static final String EXTERNAL_DTD = "VGL-XXE-003";
    /** XInclude, or XSLT that loads documents or binds extension functions. */
    public static final String INCLUDE = "VGL-XXE-004";
    /** Internal entities that multiply each other (entity expansion, "billion laughs"). */
    public static final String EXPANSION = "VGL-XXE-005";

    @Override
    public String id() {
        return "xxe";
    }

    @Override
    public String category() {
        return "xxe";
    }

    @Override
    public void inspect(InspectedValue value, DetectionSink sink) {
        List<Variant> variants = value.variants();
        long best = 0;
        Variant where = null;
        for (int k = 0; k < variants.size(); k++) {
            Variant v = variants.get(k);
            String t = v.text();
            long found = 0;
            if (mayHold(t)) {
                found = DtdScanner.scan(t);
            }
            if (DtdScanner.rule(found) == 0 && mayBeUtf7Markup(v, t)) {
                String decoded = Utf7.decode(t);
                long inDecoded = DtdScanner.scan(decoded);
                if (DtdScanner.rule(inDecoded) != 0) {
                    found = DtdScanner.pack(DtdScanner.rule(inDecoded), 0, t.length());
                }
            }
            if (DtdScanner.rule(found) > DtdScanner.rule(best)) {
                best = found;
                where = v;
                if (DtdScanner.rule(found) == DtdScanner.EXTERNAL_ENTITY) {
                    break;
                }
            }
        }
        if (where == null) {
            return;
        }
        int len = where.text().length();
        int start = Math.min(DtdScanner.start(best), len);
        int end = Math.max(start, Math.min(DtdScanner.end(best), len));
        switch (DtdScanner.rule(best)) {
            case DtdScanner.EXTERNAL_ENTITY:
                sink.report(new Detection(
                        EXTERNAL_ENTITY, "XML external entity declaration", Severity.CRITICAL, where, start, end));
                break;
            case DtdScanner.PARAMETER_ENTITY:
                sink.report(new Detection(PARAMETER_ENTITY, "XML parameter entity", Severity.HIGH, where, start, end));
                break;
            case DtdScanner.INCLUDE:
                sink.report(
                        new Detection(INCLUDE, "XInclude or resource-loading XSLT", Severity.HIGH, where, start, end));
                break;
            case DtdScanner.EXTERNAL_DTD:
                sink.report(new Detection(
                        EXTERNAL_DTD, "DOCTYPE loading an external DTD", Severity.HIGH, where, start, end));
                break;
            default:
                sink.report(new Detection(
                        EXPANSION, "XML entity expansion (billion laughs)", Severity.MEDIUM, where, start, end));
                break;
        }
    }

    /**
     * Whether {@code t} may hold UTF-7 encoded declarations: {@code <!} encoded ({@code +ADwAIQ}) or followed by a
     * literal {@code !}. Only the raw text and its URL-decoded forms are looked at (other decodings cannot create
     * UTF-7 shift sequences).
     */
    private static boolean mayBeUtf7Markup(Variant v, String t) {
        String decoding = v.decoding();
        if (!(decoding.isEmpty() || decoding.equals("url") || decoding.equals("url2"))) {
            return false;
        }
        int at = t.indexOf("+ADw");
        return at >= 0
                && (t.indexOf("+ADwAIQ", at) >= 0 || t.indexOf("+ADw-!", at) >= 0 || t.indexOf("+ADw!", at) >= 0);
    }

    /**
     * Whether {@code t} holds any of the markup the scanner looks for: a {@code <} followed by {@code !} or {@code x}
     * ({@code <!DOCTYPE}, {@code <!ENTITY}, {@code <xi:include}, {@code <xsl:}, {@code <xs:}), or the XInclude
     * namespace (for other prefixes).
     */
    private static boolean mayHold(String t) {
        int n = t.length();
        int count = 0;
        int first = t.indexOf('<');
        if (first < 0) {
            return false;
        }
        for (int i = first; i >= 0 && i + 1 < n; i = t.indexOf('<', i + 1)) {
            char c = t.charAt(i + 1);
            if (c == '!' || c == 'x' || c == 'X' || ++count >= 256) {
                return true;
            }
        }
        return t.indexOf("2001/XInclude") >= 0 || t.indexOf("2001/xinclude") >= 0;
    }
}
