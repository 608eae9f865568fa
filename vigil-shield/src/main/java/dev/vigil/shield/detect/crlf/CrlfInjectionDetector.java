package dev.vigil.shield.detect.crlf;

import dev.vigil.core.Severity;
import dev.vigil.shield.detect.Detection;
import dev.vigil.shield.detect.DetectionSink;
import dev.vigil.shield.detect.Detector;
import dev.vigil.shield.inspect.InspectedValue;
import dev.vigil.shield.inspect.Variant;
import java.util.List;

/**
 * Finds CRLF injection: a line break (raw, percent-encoded via the decoded variants, a literal {@code \r}/{@code \n}
 * escape, or a wide character header APIs truncate to CR/LF) followed by a forged HTTP header
 * ({@value LineBreaks#HEADER}), a forged response ({@value LineBreaks#RESPONSE}), a forged log line
 * ({@value LineBreaks#LOG}) or a mail/IMAP command ({@value LineBreaks#PROTOCOL}).
 */
public final class CrlfInjectionDetector implements Detector {

    @Override
    public String id() {
        return "crlf";
    }

    @Override
    public String category() {
        return "crlf";
    }

    @Override
    public void inspect(InspectedValue value, DetectionSink sink) {
        List<Variant> variants = value.variants();
        Detection weaker = null;
        for (int k = 0; k < variants.size(); k++) {
            Variant v = variants.get(k);
            // the wide-character trick comes from percent-encoded UTF-8, so only decoded variants are scanned for it
            boolean wide = !v.isRaw();
            if (!LineBreaks.hasBreak(v.text(), wide)) {
                continue;
            }
            Detection d = LineBreaks.judge(v, wide);
            if (d != null) {
                if (d.severity() == Severity.HIGH) {
                    sink.report(d);
                    return;
                }
                if (weaker == null) {
                    weaker = d;
                }
            }
        }
        if (weaker != null) {
            sink.report(weaker);
        }
    }
}
