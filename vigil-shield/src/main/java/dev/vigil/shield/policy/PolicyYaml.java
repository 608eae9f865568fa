package dev.vigil.shield.policy;

import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.ReaderException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * The YAML half of {@link PolicyLoader}, in its own class so that a function without a policy file never loads the
 * YAML library (class verification would load the exception types {@code PolicyLoader} catches).
 */
final class PolicyYaml {

    private PolicyYaml() {}

    /** Composes and validates policy text. */
    static Policy read(String text, String sourceName) {
        YamlNodes nodes = new YamlNodes(sourceName);
        Optional<Node> root = compose(text, sourceName);
        return new PolicyReader(nodes).read(root.orElse(null));
    }

    private static Optional<Node> compose(String text, String source) {
        LoadSettings settings = LoadSettings.builder()
                .setLabel(source)
                .setSchema(new CoreSchema())
                .setAllowDuplicateKeys(false)
                .setAllowRecursiveKeys(false)
                .setAllowNonScalarKeys(false)
                .setMaxAliasesForCollections(PolicyLoader.MAX_ALIASES)
                .setCodePointLimit(PolicyLoader.MAX_POLICY_BYTES)
                .setParseComments(false)
                .setUseMarks(true)
                .build();
        SafeComposer composer = SafeComposer.over(text, settings, source);
        try {
            return composer.getSingleNode();
        } catch (MarkedYamlEngineException e) {
            Optional<Mark> mark = e.getProblemMark().or(e::getContextMark).or(composer::lastMark);
            throw new PolicyException(source, lineOf(mark), "", "invalid YAML: " + problem(e.getProblem()), e);
        } catch (ReaderException e) {
            throw new PolicyException(
                    source,
                    lineAt(text, e.getPosition()),
                    "",
                    "invalid YAML: character U+" + String.format("%04X", e.getCodePoint()) + " is not allowed",
                    e);
        } catch (YamlEngineException e) {
            throw new PolicyException(
                    source, lineOf(composer.lastMark()), "", "invalid YAML: " + problem(e.getMessage()), e);
        } catch (PolicyException e) {
            throw e;
        } catch (RuntimeException e) {
            // A defect in the YAML library must not escape as anything but a policy error at cold start.
            throw new PolicyException(
                    source,
                    lineOf(composer.lastMark()),
                    "",
                    "invalid YAML (parser failed with " + e.getClass().getSimpleName() + ")",
                    e);
        }
    }

    private static String problem(String text) {
        if (text == null || text.isBlank()) {
            return "cannot parse";
        }
        String s = text.strip();
        if (s.startsWith("Number of aliases for non-scalar nodes exceeds")) {
            return "too many aliases to lists or mappings (at most " + PolicyLoader.MAX_ALIASES + ")";
        }
        int nl = s.indexOf('\n');
        return YamlNodes.clean(nl < 0 ? s : s.substring(0, nl), 200);
    }

    private static int lineOf(Optional<Mark> mark) {
        return mark.map(m -> m.getLine() + 1).orElse(0);
    }

    private static int lineAt(String text, int position) {
        if (position < 0) {
            return 0;
        }
        int line = 1;
        int end = Math.min(position, text.length());
        for (int i = 0; i < end; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
