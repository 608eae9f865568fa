package dev.vigil.posture.format.serverless;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.posture.format.FormatDetector;
import dev.vigil.posture.format.LoweringContext;
import dev.vigil.posture.model.Format;
import dev.vigil.posture.source.MapNode;
import dev.vigil.posture.source.Node;
import dev.vigil.posture.source.SourceLimits;
import dev.vigil.posture.source.YamlReader;
import dev.vigil.posture.template.CfnTemplate;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Lowers every serverless.yml of the shared real-world corpus and fixtures (when {@code ../shared} is present):
 * lowering never throws, and the number of values left unresolved is printed.
 */
class ServerlessCorpusTest {

    @Test
    void lowersEveryCorpusFileWithoutThrowing() throws Exception {
        Path iac = Path.of("../../shared/data/iac");
        if (!Files.isDirectory(iac)) {
            iac = Path.of("../../../shared/data/iac");
        }
        Assumptions.assumeTrue(Files.isDirectory(iac), "shared data not present");
        List<Path> files = new ArrayList<>();
        for (String dir : new String[] {"realworld/serverless", "checkov/serverless", "kics/serverlessfw"}) {
            try (Stream<Path> s = Files.walk(iac.resolve(dir))) {
                s.filter(p -> p.toString().endsWith(".yml") || p.toString().endsWith(".yaml"))
                        .forEach(files::add);
            }
        }
        int lowered = 0;
        int unresolved = 0;
        int withUnresolved = 0;
        int resources = 0;
        for (Path f : files) {
            Node root = new YamlReader(SourceLimits.DEFAULT).read(f.toString(), Files.readString(f));
            if (FormatDetector.detect(root) != Format.SERVERLESS) {
                continue;
            }
            LoweringContext ctx = new LoweringContext(f.toAbsolutePath().getParent(), Map.of(), Map.of());
            VariableResolver v = new VariableResolver(f.toString(), (MapNode) root, ctx);
            v.resolveDocument();
            CfnTemplate t = ServerlessCompiler.compile(f.toString(), (MapNode) root, ctx);
            lowered++;
            resources += t.resources().size();
            unresolved += v.unresolvedCount();
            withUnresolved += v.unresolvedCount() > 0 ? 1 : 0;
        }
        System.out.printf(
                "serverless corpus: %d files lowered, %d resources, %d unresolved values in %d files%n",
                lowered, resources, unresolved, withUnresolved);
        assertThat(lowered).isGreaterThan(200);
    }
}
