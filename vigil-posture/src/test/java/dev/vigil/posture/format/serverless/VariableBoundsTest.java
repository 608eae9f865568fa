package dev.vigil.posture.format.serverless;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.posture.format.LoweringContext;
import dev.vigil.posture.source.MapNode;
import dev.vigil.posture.source.SourceLimits;
import dev.vigil.posture.source.YamlReader;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Hostile variable use ends quickly and leaves what exceeds the bounds unresolved. */
class VariableBoundsTest {

    private static MapNode read(String yaml) throws Exception {
        return (MapNode) new YamlReader(SourceLimits.DEFAULT).read("bomb.yml", yaml);
    }

    @Test
    @Timeout(20)
    void doublingStringsStopAtTheLengthBound() throws Exception {
        StringBuilder y = new StringBuilder("service: bomb\nprovider:\n  name: aws\ncustom:\n  s0: xxxxxxxxxxxxxxxx\n");
        for (int i = 1; i <= 40; i++) {
            y.append("  s")
                    .append(i)
                    .append(": ${self:custom.s")
                    .append(i - 1)
                    .append("}${self:custom.s")
                    .append(i - 1)
                    .append("}\n");
        }
        VariableResolver v = new VariableResolver("bomb.yml", read(y.toString()), LoweringContext.empty());
        MapNode doc = v.resolveDocument();
        assertThat(doc.map("custom").text("s10")).hasSize(16 * 1024);
        assertThat(Nodes.isUnresolved(doc.map("custom").get("s40"))).isTrue();
    }

    @Test
    @Timeout(20)
    void doublingListsStopAtTheNodeBudget() throws Exception {
        StringBuilder y = new StringBuilder("service: bomb\nprovider:\n  name: aws\ncustom:\n  l0: [a, b]\n");
        for (int i = 1; i <= 60; i++) {
            y.append("  l")
                    .append(i)
                    .append(": ['${self:custom.l")
                    .append(i - 1)
                    .append("}', '${self:custom.l")
                    .append(i - 1)
                    .append("}']\n");
        }
        y.append("functions:\n  f:\n    handler: h\n    environment:\n      X: ${self:custom.l60}\n");
        long start = System.nanoTime();
        ServerlessCompiler.compile("bomb.yml", read(y.toString()), LoweringContext.empty());
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(15));
    }

    @Test
    @Timeout(20)
    void deepNestingAndLongChainsEnd() throws Exception {
        StringBuilder y = new StringBuilder("service: chain\nprovider:\n  name: aws\ncustom:\n  c0: end\n");
        for (int i = 1; i <= 500; i++) {
            y.append("  c").append(i).append(": ${self:custom.c").append(i - 1).append("}\n");
        }
        String nested = "${opt:a, ".repeat(300) + "'x'" + "}".repeat(300);
        y.append("  nested: \"").append(nested).append("\"\n");
        MapNode doc = new VariableResolver(
                        "chain.yml", read(y.toString()), new LoweringContext(null, Map.of(), Map.of()))
                .resolveDocument();
        assertThat(doc.map("custom").text("c10")).isEqualTo("end");
        assertThat(Nodes.isUnresolved(doc.map("custom").get("nested"))).isTrue();
    }
}
