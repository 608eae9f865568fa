package dev.vigil.shield.detect;

import dev.vigil.core.Severity;
import dev.vigil.shield.inspect.InspectedValue;
import dev.vigil.shield.inspect.Variant;

/**
 * Recognises Vigil's test marker {@value #MARKER}, the way antivirus products recognise the EICAR file: a harmless
 * string that lets anyone prove, in their own deployment, that inspection, blocking and telemetry work end to end for
 * every trigger. It is found in any decoded variant, so it also proves the decoding path.
 */
public final class CanaryDetector implements Detector {

    /** The marker. Put it in any field of any event to trigger rule {@value #RULE_ID}. */
    public static final String MARKER = "VIGIL-TEST-ATTACK-7f3a";

    /** The rule id reported. */
    public static final String RULE_ID = "VGL-TEST-001";

    @Override
    public String id() {
        return "canary";
    }

    @Override
    public String category() {
        return "test";
    }

    @Override
    public void inspect(InspectedValue value, DetectionSink sink) {
        for (Variant v : value.variants()) {
            int at = v.text().indexOf(MARKER);
            if (at >= 0) {
                sink.report(new Detection(RULE_ID, "Vigil test marker", Severity.HIGH, v, at, at + MARKER.length()));
                return;
            }
        }
    }
}
