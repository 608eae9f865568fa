package dev.vigil.posture.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.posture.check.CheckCatalog;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * docs/posture.md lists every check in a generated table. When a check is added or changed, regenerate it with
 * {@code mvn -pl vigil-posture test -Dtest=PostureIndexDocTest -Dvigil.docs.update=true} (or paste the output of
 * {@code vigil scan --list-checks --format markdown} between the markers).
 */
class PostureIndexDocTest {
    static final Path DOC = Path.of("../docs/posture.md");

    @Test
    void checkTableIsCurrent() throws Exception {
        String text = Files.readString(DOC);
        int b = text.indexOf(CheckTable.BEGIN);
        int e = text.indexOf(CheckTable.END);
        assertThat(b).as("begin marker in " + DOC).isNotNegative();
        assertThat(e).as("end marker in " + DOC).isGreaterThan(b);
        String expected = CheckTable.markdown(CheckCatalog.all());
        String actual = text.substring(b + CheckTable.BEGIN.length() + 1, e);
        if (!actual.equals(expected) && Boolean.getBoolean("vigil.docs.update")) {
            Files.writeString(DOC, text.substring(0, b + CheckTable.BEGIN.length() + 1) + expected + text.substring(e));
            return;
        }
        assertThat(actual)
                .as(
                        "docs/posture.md check table is stale: rerun this test with -Dvigil.docs.update=true, or run scripts/eval-posture")
                .isEqualTo(expected);
    }
}
