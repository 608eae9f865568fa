package dev.vigil.posture.scan;

import dev.vigil.posture.check.Check;
import dev.vigil.posture.check.CheckCatalog;
import dev.vigil.posture.check.Checks;
import dev.vigil.posture.check.Finding;
import dev.vigil.posture.extract.Extractors;
import dev.vigil.posture.format.FormatDetector;
import dev.vigil.posture.format.Lowering;
import dev.vigil.posture.format.LoweringContext;
import dev.vigil.posture.model.Deployment;
import dev.vigil.posture.model.Format;
import dev.vigil.posture.report.InlineSuppressions;
import dev.vigil.posture.source.JsonReader;
import dev.vigil.posture.source.MapNode;
import dev.vigil.posture.source.Node;
import dev.vigil.posture.source.SourceException;
import dev.vigil.posture.source.SourceLimits;
import dev.vigil.posture.source.YamlReader;
import dev.vigil.posture.template.CfnTemplate;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Scans files and directories: reads each candidate file, tells its format from the content, lowers it to
 * CloudFormation, extracts the model and runs the checks. A file that cannot be read is reported with its reason and
 * the scan goes on.
 */
public final class Scanner {
    /** File name endings a directory walk considers. */
    public static final Set<String> EXTENSIONS = Set.of(".yml", ".yaml", ".json", ".template");

    private static final Set<String> SKIPPED_DIRS =
            Set.of(".git", "node_modules", ".serverless", ".aws-sam", "target", "build", ".terraform", "cdk.out");

    private final List<Check> checks;
    private final SourceLimits limits;
    private final Map<String, String> env;
    private final Map<String, String> options;

    /**
     * @param checks the checks to run
     * @param limits bounds per file
     * @param env environment for serverless.yml {@code ${env:…}}
     * @param options values for serverless.yml {@code ${opt:…}} (e.g. {@code stage})
     */
    public Scanner(List<Check> checks, SourceLimits limits, Map<String, String> env, Map<String, String> options) {
        this.checks = List.copyOf(checks);
        this.limits = limits;
        this.env = Map.copyOf(env);
        this.options = Map.copyOf(options);
    }

    /** A scanner with every built-in check, default limits, and no environment or options. */
    public static Scanner defaults() {
        return new Scanner(CheckCatalog.all(), SourceLimits.DEFAULT, Map.of(), Map.of());
    }

    /** Scans files and directories (walked recursively; build output and VCS folders skipped), in path order. */
    public List<FileResult> scan(List<Path> paths) throws IOException {
        List<FileResult> out = new ArrayList<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                for (Path f : candidates(p)) {
                    out.add(scanFile(f));
                }
            } else {
                out.add(scanFile(p));
            }
        }
        return out;
    }

    /**
     * Scans like {@link #scan(List)} with {@code threads} workers; results keep the same order. Checks are stateless,
     * so one scanner serves every worker.
     */
    public List<FileResult> scan(List<Path> paths, int threads) throws IOException {
        List<Path> files = files(paths);
        if (threads <= 1 || files.size() < 2) {
            List<FileResult> out = new ArrayList<>(files.size());
            for (Path f : files) {
                out.add(scanFile(f));
            }
            return out;
        }
        java.util.concurrent.ExecutorService pool =
                java.util.concurrent.Executors.newFixedThreadPool(Math.min(threads, files.size()), r -> {
                    Thread t = new Thread(r, "vigil-scan");
                    t.setDaemon(true);
                    return t;
                });
        try {
            // The first file on this thread: lazily loaded catalogues are built once, before workers share them.
            FileResult first = scanFile(files.get(0));
            List<java.util.concurrent.Future<FileResult>> futures = new ArrayList<>(files.size());
            for (Path f : files.subList(1, files.size())) {
                futures.add(pool.submit(() -> scanFile(f)));
            }
            List<FileResult> out = new ArrayList<>(files.size());
            out.add(first);
            for (int i = 1; i < files.size(); i++) {
                try {
                    out.add(futures.get(i - 1).get());
                } catch (java.util.concurrent.ExecutionException e) {
                    String name = files.get(i).toString();
                    out.add(failed(name, name + ":1:1: cannot scan: " + e.getCause()));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("scan interrupted", e);
                }
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    /** The files {@link #scan(List)} reads for {@code paths}: directories walked, files as given, in order. */
    public static List<Path> files(List<Path> paths) throws IOException {
        List<Path> out = new ArrayList<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                out.addAll(candidates(p));
            } else {
                out.add(p);
            }
        }
        return out;
    }

    /** Files a directory walk would scan, sorted. */
    public static List<Path> candidates(Path dir) throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> s = Files.walk(dir)) {
            s.filter(Files::isRegularFile)
                    .filter(f -> !inSkippedDir(dir, f))
                    .filter(f -> hasExtension(f.getFileName().toString()))
                    .forEach(files::add);
        }
        files.sort(null);
        return files;
    }

    private static boolean inSkippedDir(Path root, Path file) {
        Path rel = root.relativize(file);
        for (int i = 0; i < rel.getNameCount() - 1; i++) {
            if (SKIPPED_DIRS.contains(rel.getName(i).toString())) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasExtension(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        for (String ext : EXTENSIONS) {
            if (lower.endsWith(ext)) {
                return true;
            }
        }
        return false;
    }

    /** Scans one file. */
    public FileResult scanFile(Path path) {
        String name = path.toString();
        String text;
        try {
            if (Files.size(path) > limits.maxChars() * 4L) {
                return failed(name, name + ":1:1: file is larger than " + limits.maxChars() + " characters");
            }
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(path)))
                    .toString();
        } catch (CharacterCodingException e) {
            return failed(name, name + ":1:1: not UTF-8 text");
        } catch (IOException e) {
            return failed(name, name + ":1:1: cannot read: " + e.getMessage());
        }
        return scanText(name, text, path.toAbsolutePath().getParent());
    }

    /**
     * Scans text as if read from {@code file}.
     *
     * @param baseDir directory for serverless.yml {@code ${file(…)}}, or null
     */
    public FileResult scanText(String file, String text, Path baseDir) {
        Node root;
        try {
            root = read(file, text);
        } catch (SourceException e) {
            return new FileResult(file, null, null, List.of(), List.of(), e.getMessage(), text);
        }
        Format format = FormatDetector.detect(root);
        if (format == null) {
            return new FileResult(file, null, null, List.of(), List.of(), null, text);
        }
        List<String> problems = new ArrayList<>();
        InlineSuppressions.Result suppressions = InlineSuppressions.read(file, text, root);
        problems.addAll(suppressions.problems());
        Deployment deployment;
        try {
            CfnTemplate template =
                    Lowering.lower(format, file, (MapNode) root, new LoweringContext(baseDir, env, options));
            problems.addAll(template.problems());
            deployment = Extractors.extract(template, format);
        } catch (RuntimeException | StackOverflowError e) {
            return new FileResult(file, format, null, List.of(), problems, file + ":1:1: cannot model: " + e, text);
        }
        Checks.Result r = Checks.run(checks, deployment);
        problems.addAll(r.errors());
        List<Finding> findings = new ArrayList<>(r.findings());
        findings.sort((a, b) -> {
            int c = Integer.compare(a.location().line(), b.location().line());
            return c != 0 ? c : a.checkId().compareTo(b.checkId());
        });
        return new FileResult(file, format, deployment, findings, problems, null, text, suppressions.suppressions());
    }

    private static FileResult failed(String file, String error) {
        return new FileResult(file, null, null, List.of(), List.of(), error, null);
    }

    /**
     * Reads JSON when the name says {@code .json} or the text starts like JSON; a non-{@code .json} file that fails
     * as JSON (YAML written in flow style, e.g. {@code {Resources: …}}) is read again as YAML, and the JSON error is
     * reported only when YAML fails too.
     */
    private Node read(String file, String text) throws SourceException {
        if (!isJson(file, text)) {
            return new YamlReader(limits).read(file, text);
        }
        try {
            return new JsonReader(limits).read(file, text);
        } catch (SourceException json) {
            if (file.toLowerCase(Locale.ROOT).endsWith(".json")) {
                throw json;
            }
            try {
                return new YamlReader(limits).read(file, text);
            } catch (SourceException yaml) {
                throw json;
            }
        }
    }

    private static boolean isJson(String file, String text) {
        if (file.toLowerCase(Locale.ROOT).endsWith(".json")) {
            return true;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\uFEFF' || Character.isWhitespace(c)) {
                continue;
            }
            return c == '{' || c == '[';
        }
        return false;
    }
}
