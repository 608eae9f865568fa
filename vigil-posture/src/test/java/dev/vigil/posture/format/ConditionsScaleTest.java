package dev.vigil.posture.format;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.posture.scan.FileResult;
import dev.vigil.posture.scan.Scanner;
import dev.vigil.posture.template.CfnTemplate;
import org.junit.jupiter.api.Test;

/**
 * Templates with many conditions must lower and scan in time linear in their size: cfn-lint enumerated condition
 * scenarios and blew up combinatorially on such templates. Each template here would take exponential time if
 * conditions were re-evaluated instead of memoised, or if nested {@code Fn::If} alternatives were enumerated
 * without a cap.
 */
class ConditionsScaleTest {
    private static String template(int conditions, int resources, int ifDepth) {
        StringBuilder y = new StringBuilder("Transform: AWS::Serverless-2016-10-31\n");
        y.append("Parameters:\n  Env:\n    Type: String\n    Default: prod\n");
        y.append("Conditions:\n  C0: !Equals [!Ref Env, prod]\n");
        for (int i = 1; i < conditions; i++) {
            y.append("  C")
                    .append(i)
                    .append(": !And [!Condition C")
                    .append(i - 1)
                    .append(", !Or [!Condition C")
                    .append(i - 1)
                    .append(", !Not [!Condition C")
                    .append(i - 1)
                    .append("]]]\n");
        }
        // Fn::If nested ifDepth deep in both branches, shared through anchors: 2^ifDepth leaves.
        y.append("Metadata:\n  Nested:\n    - &n0 !If [C0, x, y]\n");
        for (int d = 1; d < ifDepth; d++) {
            y.append("    - &n")
                    .append(d)
                    .append(" !If [C")
                    .append(d % conditions)
                    .append(", *n")
                    .append(d - 1)
                    .append(", *n")
                    .append(d - 1)
                    .append("]\n");
        }
        y.append("Resources:\n");
        for (int r = 0; r < resources; r++) {
            y.append("  F").append(r).append(":\n    Type: AWS::Serverless::Function\n");
            y.append("    Condition: C").append(r % conditions).append('\n');
            y.append("    Properties:\n      Handler: !If [C")
                    .append(conditions - 1)
                    .append(", a.b, c.d]\n");
            y.append("      Runtime: python3.12\n");
            if (r < 10) {
                y.append("      Description: *n").append(ifDepth - 1).append('\n');
            }
            y.append("      Policies:\n        - !If [C")
                    .append(r % conditions)
                    .append(", AmazonS3ReadOnlyAccess, !Ref AWS::NoValue]\n");
            y.append("      Events:\n        Api:\n          Type: Api\n          Properties:\n");
            y.append("            Path: /r").append(r).append("\n            Method: !If [C0, get, post]\n");
        }
        return y.toString();
    }

    @Test
    void manyConditionsLowerAndResolveQuickly() throws Exception {
        String text = template(400, 300, 14);
        long start = System.nanoTime();
        CfnTemplate t = Templates.lower("big.yaml", text);
        var resolver = t.resolver();
        assertThat(resolver.condition("C40")).isTrue();
        assertThat(resolver.condition("C399"))
                .as("chains deeper than 64 stay undecided")
                .isNull();
        for (var r : t.resources()) {
            r.properties().entries().forEach(e -> {
                resolver.text(e.value());
                assertThat(resolver.alternatives(e.value()).size()).isLessThanOrEqualTo(64);
            });
        }
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertThat(t.resource("F299")).isNotNull();
        assertThat(ms).as("lowering and resolving took %d ms", ms).isLessThan(10_000);
    }

    @Test
    void manyConditionsScanQuickly() {
        String text = template(400, 300, 14);
        long start = System.nanoTime();
        FileResult r = Scanner.defaults().scanText("big.yaml", text, null);
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertThat(r.error()).isNull();
        assertThat(r.scanned()).isTrue();
        assertThat(ms).as("scan took %d ms", ms).isLessThan(10_000);
    }

    @Test
    void collidingNamesAndHugeMapsStayLinear() throws Exception {
        StringBuilder y = new StringBuilder("Transform: AWS::Serverless-2016-10-31\nGlobals:\n  Function:\n");
        y.append("    Environment:\n      Variables:\n");
        for (int i = 0; i < 20_000; i++) {
            y.append("        G").append(i).append(": x\n");
        }
        y.append("Resources:\n  Fn:\n    Type: AWS::Serverless::Function\n    Properties:\n");
        y.append("      Handler: a.b\n      Runtime: python3.12\n      Environment:\n        Variables:\n");
        for (int i = 0; i < 20_000; i++) {
            y.append("          L").append(i).append(": y\n");
        }
        y.append("      Events:\n");
        for (int i = 0; i < 3_000; i++) {
            // Every path reduces to the same letters, so every generated resource id collides.
            y.append("        E")
                    .append(i)
                    .append(": {Type: Api, Properties: {Method: get, Path: /x")
                    .append("-".repeat(i % 50 + 1))
                    .append(i / 50 == 0 ? "" : "_".repeat(i / 50))
                    .append("}}\n");
        }
        y.append("  Big:\n    Type: AWS::S3::Bucket\n    Properties:\n");
        for (int i = 0; i < 20_000; i++) {
            y.append("      P").append(i).append(": v\n");
        }
        long start = System.nanoTime();
        CfnTemplate t = Templates.lower("wide.yaml", y.toString());
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertThat(t.resource("Fn")
                        .properties()
                        .map("Environment")
                        .map("Variables")
                        .size())
                .isEqualTo(40_000);
        assertThat(t.resources("AWS::ApiGateway::Method")).hasSize(3_000);
        assertThat(t.resource("Big").properties().size()).isEqualTo(20_000);
        assertThat(ms).as("lowering took %d ms", ms).isLessThan(10_000);
    }
}
