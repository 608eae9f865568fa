package dev.vigil.shield.detect.nosqli;

import dev.vigil.core.Severity;
import dev.vigil.shield.detect.Detection;
import dev.vigil.shield.detect.DetectionSink;
import dev.vigil.shield.detect.Detector;
import dev.vigil.shield.inspect.InspectedValue;
import dev.vigil.shield.inspect.Variant;
import java.util.List;

/**
 * Finds NoSQL injection: MongoDB operators where a key belongs ({@code user[$ne]=}, <code>{"$gt": ""}</code>, a JSON
 * key {@code $where} reported by the extractor), JavaScript for {@code $where}/{@code mapReduce} after a string
 * breakout ({@code ';return true;var x='}, {@code ' && this.password.match(/.*&#47;)}), and ORM lookup operators in
 * parameter names ({@code password__isnull}). Parameter names that are plain identifiers are not reported as values by
 * the extractors, so the value's {@link InspectedValue#name() name} is checked for ORM lookups as well.
 *
 * <p>Rules: {@value NoSqlSyntax#OPERATOR} (operator in a key), {@value NoSqlSyntax#JAVASCRIPT} (server-side
 * JavaScript), {@value NoSqlSyntax#ORM_LOOKUP} (ORM lookup operator).
 */
public final class NoSqlInjectionDetector implements Detector {

    @Override
    public String id() {
        return "nosqli";
    }

    @Override
    public String category() {
        return "nosqli";
    }

    @Override
    public void inspect(InspectedValue value, DetectionSink sink) {
        List<Variant> variants = value.variants();
        Detection weaker = null;
        for (int k = 0; k < variants.size(); k++) {
            Detection d = NoSqlSyntax.judge(variants.get(k));
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
        if (weaker == null) {
            String name = value.name();
            if (name != null && name.indexOf("__") > 0 && NoSqlSyntax.isLookupName(name) && !variants.isEmpty()) {
                Detection inName = NoSqlSyntax.lookup(new Variant(name, "name"), name, 0, name.length());
                weaker = new Detection(inName.ruleId(), inName.title(), inName.severity(), variants.get(0), 0, 0);
            }
        }
        if (weaker != null) {
            sink.report(weaker);
        }
    }
}
