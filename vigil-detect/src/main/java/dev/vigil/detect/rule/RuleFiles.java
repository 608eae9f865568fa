package dev.vigil.detect.rule;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Finds rule files under the paths a caller gives and reads them as {@link RuleSource}s named as the caller wrote
 * them (a relative directory yields relative file names). Directories are walked recursively following symbolic
 * links (loops are skipped), {@code *.yml} and {@code *.yaml} only, sorted; a file reached twice is read once.
 */
final class RuleFiles {
    private RuleFiles() {}

    /** The sources read, and problems for files that could not be read. */
    record Read(List<RuleSource> sources, List<RuleProblem> problems) {}

    static Read read(List<Path> paths) throws IOException {
        List<Path> files = new ArrayList<>();
        List<RuleProblem> problems = new ArrayList<>();
        for (Path p : paths) {
            if (!Files.exists(p)) {
                throw new NoSuchFileException(p.toString(), null, "rule path does not exist");
            }
            if (Files.isDirectory(p)) {
                files.addAll(walk(p, problems));
            } else {
                files.add(p);
            }
        }
        List<RuleSource> sources = new ArrayList<>();
        Set<Path> seen = new HashSet<>();
        for (Path f : files) {
            Path real;
            try {
                real = f.toRealPath();
            } catch (IOException e) {
                real = f.toAbsolutePath().normalize();
            }
            if (!seen.add(real)) {
                continue;
            }
            try {
                sources.add(new RuleSource(f.toString(), readText(f)));
            } catch (IOException e) {
                problems.add(new RuleProblem(f.toString(), 1, "cannot read: " + e.getMessage()));
            } catch (UnusableFile e) {
                problems.add(new RuleProblem(f.toString(), 1, e.getMessage()));
            }
        }
        return new Read(sources, problems);
    }

    private static List<Path> walk(Path root, List<RuleProblem> problems) throws IOException {
        List<Path> found = new ArrayList<>();
        Files.walkFileTree(
                root, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE, new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                        if (attrs.isRegularFile() && isRuleFile(file)) {
                            found.add(file);
                        }
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFileFailed(Path file, IOException e) {
                        // A symlink loop or a dangling link to a directory is skipped; the rest still loads.
                        if (isRuleFile(file)) {
                            found.add(file); // reading it again reports the problem with its name
                        } else if (e instanceof AccessDeniedException) {
                            problems.add(
                                    new RuleProblem(file.toString(), 1, "cannot read directory: permission denied"));
                        }
                        return FileVisitResult.CONTINUE;
                    }
                });
        found.sort((a, b) -> a.toString().compareTo(b.toString()));
        return found;
    }

    static boolean isRuleFile(Path file) {
        Path name = file.getFileName();
        if (name == null) {
            return false;
        }
        String n = name.toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".yml") || n.endsWith(".yaml");
    }

    private static String readText(Path f) throws IOException {
        byte[] bytes;
        try (InputStream in = Files.newInputStream(f)) {
            bytes = in.readNBytes(YamlLimits.MAX_FILE_BYTES + 1);
        }
        if (bytes.length > YamlLimits.MAX_FILE_BYTES) {
            throw new UnusableFile("file is larger than " + YamlLimits.MAX_FILE_BYTES + " bytes");
        }
        return decode(bytes);
    }

    /** Strict UTF-8, a leading byte order mark dropped. */
    static String decode(byte[] bytes) {
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new UnusableFile("file is not valid UTF-8");
        }
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    /** A file rejected before parsing (too large, not UTF-8). */
    static final class UnusableFile extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UnusableFile(String message) {
            super(message, null, false, false);
        }
    }
}
