package dev.vigil.posture.format.serverless;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.vigil.posture.format.LoweringContext;
import dev.vigil.posture.source.MapNode;
import dev.vigil.posture.source.Node;
import dev.vigil.posture.source.SourceException;
import dev.vigil.posture.source.SourceLimits;
import dev.vigil.posture.source.YamlReader;
import java.util.Map;

/**
 * Whatever a serverless.yml's variables say (cycles, deep nesting, odd fallbacks, huge expansions), resolution and
 * lowering end without an exception other than the reader's {@link SourceException}. Runs its seeds under plain
 * {@code mvn test}; set {@code JAZZER_FUZZ=1} to fuzz.
 */
class VariableResolverFuzzTest {
    private static final SourceLimits LIMITS = new SourceLimits(64 * 1024, 64, 20_000, 100);

    @FuzzTest(maxDuration = "60s")
    void resolutionAndLoweringAlwaysEnd(FuzzedDataProvider data) {
        String a = data.consumeString(200);
        String b = data.consumeString(200);
        String c = data.consumeRemainingAsString();
        String yaml = "service: fuzz\nprovider:\n  name: aws\n  stage: " + quote(a) + "\ncustom:\n  a: " + quote(b)
                + "\n  b: " + quote(c) + "\n  c: ${self:custom.a}${self:custom.b}\nfunctions:\n  f:\n    handler: "
                + quote(c) + "\n    environment:\n      A: ${self:custom.c}\n      B: " + quote(a) + "\n";
        lower(yaml);
        lower(c);
    }

    private static String quote(String s) {
        return "'" + s.replace("'", "''").replace("\n", " ").replace("\r", " ") + "'";
    }

    private static void lower(String text) {
        Node root;
        try {
            root = new YamlReader(LIMITS).read("fuzz.yml", text);
        } catch (SourceException e) {
            return;
        }
        if (root instanceof MapNode m) {
            LoweringContext ctx = new LoweringContext(null, Map.of("X", "${self:custom.c}"), Map.of());
            new VariableResolver("fuzz.yml", m, ctx).resolveDocument();
            ServerlessCompiler.compile("fuzz.yml", m, ctx);
        }
    }
}
