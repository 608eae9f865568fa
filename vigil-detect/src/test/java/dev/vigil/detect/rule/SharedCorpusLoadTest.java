package dev.vigil.detect.rule;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

/**
 * A manual sanity check on the SigmaHQ cloud rules and the correlation examples, when they are present on this
 * machine ({@code /work/shared/data/sigma}); skipped elsewhere. It prints every problem so a person can judge that
 * each one is a genuine reason.
 */
@EnabledIf("corpusPresent")
class SharedCorpusLoadTest {
    private static final Path SIGMA = Path.of("/work/shared/data/sigma");

    static boolean corpusPresent() {
        return Files.isDirectory(SIGMA.resolve("rules"));
    }

    @Test
    void loads_the_sigmahq_cloud_rules_and_the_correlation_examples() throws Exception {
        RuleSet set = RuleLoader.create()
                .load(List.of(
                        SIGMA.resolve("rules"),
                        SIGMA.resolve("rules-threat-hunting"),
                        SIGMA.resolve("rules-placeholder"),
                        SIGMA.resolve("deprecated"),
                        SIGMA.resolve("unsupported"),
                        SIGMA.resolve("correlation-examples")));
        System.out.printf(
                "detections=%d correlations=%d problems=%d deprecated=%d unsupported=%d%n",
                set.detections().size(),
                set.correlations().size(),
                set.problems().size(),
                set.skippedDeprecated(),
                set.skippedUnsupported());
        set.problems().forEach(p -> System.out.println("  " + p));
        assertThat(set.detections()).hasSizeGreaterThan(200);
        assertThat(set.skippedDeprecated()).isPositive();
        assertThat(set.skippedUnsupported()).isPositive();
        // The project's own CloudTrail correlations and pySigma's examples resolve completely.
        assertThat(set.correlations())
                .filteredOn(c -> c.origin().file().contains("cloudtrail-authored"))
                .hasSize(6);
        assertThat(set.correlations())
                .filteredOn(c -> c.origin().file().contains("pySigma-tests"))
                .hasSize(2);
        // needs DetectionItems: only genuine problems remain. Placeholder rules need values; the specification's
        // schema examples refer to rules that are not part of the set and reuse one id in two files.
        assertThat(set.problems())
                .allSatisfy(p -> assertThat((p.file().contains("rules-placeholder")
                                        && p.reason().contains("placeholder"))
                                || (p.file().contains("sigma-specification")
                                        && (p.reason().startsWith("correlation refers to unknown rule")
                                                || p.reason().startsWith("duplicate id"))))
                        .as(p.toString())
                        .isTrue());
    }
}
