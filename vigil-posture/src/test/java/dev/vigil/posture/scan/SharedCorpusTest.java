package dev.vigil.posture.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.vigil.posture.model.Format;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Reads the shared corpora when they are present next to the repository ({@code ../shared} or {@code ../../shared};
 * skipped otherwise): every real-world template parses and lowers without an error, and every IAM policy file of the
 * privilege-escalation set is read as an IAM policy.
 */
class SharedCorpusTest {
    private static Path shared() {
        Path here = Path.of("").toAbsolutePath();
        for (Path p = here; p != null; p = p.getParent()) {
            Path candidate = p.resolveSibling("shared").resolve("data");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    @Test
    void everyRealWorldTemplateParsesAndLowers() throws Exception {
        Path data = shared();
        assumeTrue(data != null && Files.isDirectory(data.resolve("iac/realworld")), "no ../shared corpus");
        List<String> errors = new ArrayList<>();
        int scanned = 0;
        for (FileResult r : Scanner.defaults().scan(List.of(data.resolve("iac/realworld")))) {
            if (r.error() != null) {
                errors.add(r.error());
            } else if (r.scanned()) {
                scanned++;
            }
        }
        assertThat(errors).isEmpty();
        assertThat(scanned).isGreaterThanOrEqualTo(410);
    }

    @Test
    void everyPolicyFileIsAnIamPolicy() throws Exception {
        Path data = shared();
        assumeTrue(data != null && Files.isDirectory(data.resolve("iam/policies")), "no ../shared corpus");
        List<FileResult> results = Scanner.defaults().scan(List.of(data.resolve("iam/policies")));
        assertThat(results).hasSizeGreaterThanOrEqualTo(42);
        assertThat(results).allSatisfy(r -> assertThat(r.format()).as(r.file()).isEqualTo(Format.IAM_POLICY));
    }
}
