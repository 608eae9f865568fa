package dev.vigil.detect.pack;

import dev.vigil.detect.rule.RuleLoader;
import dev.vigil.detect.rule.RuleSet;
import dev.vigil.detect.rule.RuleSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The rule pack shipped in the jar. A jar cannot be listed, so the rule files are named in an index resource
 * ({@value #INDEX}); a test fails the build when the index and the files disagree.
 */
public final class BuiltInRules {

    /** The directory of the pack's resources, on the class path. */
    public static final String DIRECTORY = "/dev/vigil/detect/rules/";

    /** The index: one rule file per line, relative to {@link #DIRECTORY}; blank lines and {@code #} comments ignored. */
    public static final String INDEX = DIRECTORY + "index.txt";

    /** Name prefix of the sources, so problems read {@code builtin:shield/vgl-sh-001-….yml:12: reason}. */
    public static final String SOURCE_PREFIX = "builtin:";

    private static final int MAX_RESOURCE_BYTES = 1 << 20;

    private BuiltInRules() {}

    /**
     * The pack's rule files, in index order.
     *
     * @throws IllegalStateException when the index is missing, names a file twice, or names a file that is not there
     *     (a broken build, not a user error)
     */
    public static List<RuleSource> sources() {
        List<RuleSource> sources = new ArrayList<>();
        for (String file : indexedFiles()) {
            sources.add(new RuleSource(SOURCE_PREFIX + file, read(DIRECTORY + file)));
        }
        return List.copyOf(sources);
    }

    /** Loads the pack with {@code loader}. */
    public static RuleSet load(RuleLoader loader) {
        return loader.loadSources(sources());
    }

    /** The file names in the index, relative to {@link #DIRECTORY}, in order. */
    public static List<String> indexedFiles() {
        return parseIndex(read(INDEX));
    }

    /** The file names listed in index text; throws {@link IllegalStateException} naming the bad line. */
    static List<String> parseIndex(String text) {
        Set<String> files = new LinkedHashSet<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.contains("..") || line.startsWith("/") || !(line.endsWith(".yml") || line.endsWith(".yaml"))) {
                throw new IllegalStateException(INDEX + ":" + (i + 1) + ": not a rule file name: " + line);
            }
            if (!files.add(line)) {
                throw new IllegalStateException(INDEX + ":" + (i + 1) + ": listed twice: " + line);
            }
        }
        return List.copyOf(files);
    }

    /** A resource of the pack as text; throws {@link IllegalStateException} when it is missing. */
    static String read(String resource) {
        try (InputStream in = BuiltInRules.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("built-in rule resource missing: " + resource);
            }
            byte[] bytes = in.readNBytes(MAX_RESOURCE_BYTES + 1);
            if (bytes.length > MAX_RESOURCE_BYTES) {
                throw new IllegalStateException("built-in rule resource too large: " + resource);
            }
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read built-in rule resource " + resource, e);
        }
    }
}
