package dev.vigil.posture.format;

import dev.vigil.posture.model.Format;
import dev.vigil.posture.source.JsonReader;
import dev.vigil.posture.source.MapNode;
import dev.vigil.posture.source.Node;
import dev.vigil.posture.source.SourceLimits;
import dev.vigil.posture.source.YamlReader;
import dev.vigil.posture.template.CfnTemplate;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** Reads and lowers test templates. */
final class Templates {
    private Templates() {}

    static MapNode read(String file, String text) throws Exception {
        return (MapNode) node(file, text);
    }

    static Node node(String file, String text) throws Exception {
        return file.endsWith(".json")
                ? new JsonReader(SourceLimits.DEFAULT).read(file, text)
                : new YamlReader(SourceLimits.DEFAULT).read(file, text);
    }

    static CfnTemplate lower(String file, String text) throws Exception {
        MapNode root = read(file, text);
        Format format = FormatDetector.detect(root);
        return Lowering.lower(format, file, root, LoweringContext.empty());
    }

    static CfnTemplate lowerResource(String name) throws Exception {
        return lower(name, resource(name));
    }

    static String resource(String name) throws IOException {
        try (InputStream in = Templates.class.getResourceAsStream("/" + name)) {
            if (in == null) {
                throw new IOException("missing test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
