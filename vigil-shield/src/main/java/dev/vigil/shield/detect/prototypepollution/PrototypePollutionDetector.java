package dev.vigil.shield.detect.prototypepollution;

import dev.vigil.shield.detect.Detection;
import dev.vigil.shield.detect.DetectionSink;
import dev.vigil.shield.detect.Detector;
import dev.vigil.shield.inspect.InspectedValue;
import dev.vigil.shield.inspect.Variant;
import java.util.List;

/**
 * Finds prototype pollution: {@code __proto__} ({@value PrototypePaths#PROTO}) or {@code constructor.prototype}
 * ({@value PrototypePaths#CONSTRUCTOR}) used as a key or path segment in any decoded form of a value. The extractors
 * report JSON keys and parameter names that are not plain identifiers (and these gadget names always) as values, so a
 * key reaches this detector as a value of its own.
 */
public final class PrototypePollutionDetector implements Detector {

    @Override
    public String id() {
        return "prototype_pollution";
    }

    @Override
    public String category() {
        return "prototype_pollution";
    }

    @Override
    public void inspect(InspectedValue value, DetectionSink sink) {
        List<Variant> variants = value.variants();
        for (int k = 0; k < variants.size(); k++) {
            Variant v = variants.get(k);
            // prefilter: both gadgets contain "proto"
            if (v.text().indexOf("proto") < 0) {
                continue;
            }
            Detection d = PrototypePaths.judge(v);
            if (d != null) {
                sink.report(d);
                return;
            }
        }
    }
}
