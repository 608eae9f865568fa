package dev.vigil.detect.pack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Locates the pack's resources and fixtures on the test class path (both are directories under Maven). */
final class PackFixtures {

    private PackFixtures() {}

    /** The directory that holds the built-in rule files (target/classes/dev/vigil/detect/rules). */
    static Path rulesDirectory() {
        return directory(BuiltInRules.DIRECTORY);
    }

    /** The fixtures root, src/test/resources/pack as copied to target/test-classes/pack. */
    static Path fixturesRoot() {
        return directory("/pack/");
    }

    /** The repository's docs directory (the module's parent). */
    static Path docs() {
        Path module = rulesDirectory();
        for (int i = 0; i < 8 && module != null; i++) {
            if (Files.isRegularFile(module.resolve("pom.xml"))
                    && Files.isDirectory(module.getParent().resolve("docs"))) {
                return module.getParent().resolve("docs");
            }
            module = module.getParent();
        }
        throw new IllegalStateException("docs directory not found above " + rulesDirectory());
    }

    /** Every rule file under the rules directory, relative to it, with '/' separators, sorted. */
    static List<String> ruleFilesOnDisk() {
        Path dir = rulesDirectory();
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile)
                    .map(p -> dir.relativize(p).toString().replace('\\', '/'))
                    .filter(n -> n.endsWith(".yml") || n.endsWith(".yaml"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The non-blank lines of a fixture file, or an empty list when it does not exist. */
    static List<String> lines(Path file) {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        try {
            List<String> out = new ArrayList<>();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    out.add(line);
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path directory(String resource) {
        URL url = PackFixtures.class.getResource(resource);
        if (url == null || !"file".equals(url.getProtocol())) {
            throw new IllegalStateException("resource directory " + resource + " not found as a directory: " + url);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
