package dev.vigil.posture.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.vigil.posture.format.FormatDetector;
import dev.vigil.posture.format.Lowering;
import dev.vigil.posture.format.LoweringContext;
import dev.vigil.posture.format.sam.SamLowering;
import dev.vigil.posture.model.Format;
import dev.vigil.posture.source.MapNode;
import dev.vigil.posture.source.Node;
import dev.vigil.posture.source.SourceException;
import dev.vigil.posture.source.YamlReader;
import dev.vigil.posture.template.CfnTemplate;

/**
 * Whatever a template holds, lowering it as SAM (whether or not it looks like SAM) and as the format it is detected
 * as, then resolving every property, never throws and ends in bounded time: odd shapes become problems, not
 * failures. Runs its seeds under plain {@code mvn test}; set {@code JAZZER_FUZZ=1} to fuzz.
 */
class LoweringFuzzTest {
    @FuzzTest(maxDuration = "60s")
    void lowering_any_template_never_throws(byte[] input) {
        long start = System.nanoTime();
        Node root;
        try {
            root = new YamlReader(FuzzSupport.LIMITS).read("fuzz.yaml", FuzzSupport.text(input));
        } catch (SourceException e) {
            return;
        }
        if (!(root instanceof MapNode map)) {
            return;
        }
        CfnTemplate sam = SamLowering.lower("fuzz.yaml", map);
        FuzzSupport.resolveAll(sam);
        Format format = FormatDetector.detect(map);
        if (format != null && format != Format.SERVERLESS) {
            FuzzSupport.resolveAll(Lowering.lower(format, "fuzz.yaml", map, LoweringContext.empty()));
        }
        FuzzSupport.checkTime(start);
    }
}
