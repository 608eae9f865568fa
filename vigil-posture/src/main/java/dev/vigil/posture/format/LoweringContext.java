package dev.vigil.posture.format;

import java.nio.file.Path;
import java.util.Map;

/**
 * What lowering may consult besides the document: the directory of the file (for serverless.yml {@code ${file(…)}}),
 * environment variables (for {@code ${env:…}}) and command-line options (for {@code ${opt:…}}, e.g. stage, region).
 *
 * @param baseDir the directory the file is in, or null when the text did not come from a file
 * @param env environment variables visible to variable resolution
 * @param options option values, e.g. {@code stage=prod}
 */
public record LoweringContext(Path baseDir, Map<String, String> env, Map<String, String> options) {

    public LoweringContext {
        env = Map.copyOf(env);
        options = Map.copyOf(options);
    }

    /** No directory, no environment, no options. */
    public static LoweringContext empty() {
        return new LoweringContext(null, Map.of(), Map.of());
    }
}
