package dev.vigil.posture.check.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.posture.check.Finding;
import dev.vigil.posture.model.Function;
import dev.vigil.posture.model.SecretCandidate;
import dev.vigil.posture.scan.FileResult;
import dev.vigil.posture.scan.Scanner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** No finding of any check, on any secrets fixture, repeats a secret value it was built from. */
class SecretsNeverPrintedTest {

    @Test
    void findingsNeverContainTheValues() throws Exception {
        List<Path> files;
        try (Stream<Path> s = Files.walk(Path.of("src/test/resources/fixtures"))) {
            files = s.filter(Files::isRegularFile)
                    .filter(p -> p.getParent().getFileName().toString().startsWith("VGL-SECRET-"))
                    .toList();
        }
        assertThat(files).isNotEmpty();
        Scanner scanner = Scanner.defaults();
        for (Path f : files) {
            FileResult r = scanner.scanFile(f);
            if (r.deployment() == null) {
                continue;
            }
            List<String> values = new ArrayList<>();
            for (Function fn : r.deployment().functions()) {
                for (Function.EnvVar e : fn.environment()) {
                    if (e.value() != null && e.value().literal()) {
                        values.add(e.value().text());
                    }
                }
            }
            for (SecretCandidate c : r.deployment().secretCandidates()) {
                if (c.value() != null && c.value().literal()) {
                    values.add(c.value().text());
                }
            }
            for (Finding finding : r.findings()) {
                for (String v : values) {
                    if (v.length() >= 6 && finding.check().category().name().equals("SECRETS")) {
                        assertThat(finding.message())
                                .as(f + " " + finding.checkId())
                                .doesNotContain(v);
                    }
                }
            }
        }
    }
}
