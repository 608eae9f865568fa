package dev.vigil.shield.hygiene;

import dev.vigil.core.telemetry.Evidence;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.FileVisitor;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Detects files that a previous invocation of this runtime instance left in {@code /tmp} (SAS-12), and can remove
 * them.
 *
 * <p>The constructor records a baseline: everything in the directory at that moment (at cold start, including files
 * written by static initialisers) is expected. {@link #check()} at the start of an invocation reports every entry
 * that exists now and is not in the baseline; {@link #wipe()} deletes those entries; {@link #markClean()} makes the
 * current state the new baseline (e.g. after residue has been reported once in {@code report} mode, so it is not
 * reported again on every invocation).
 *
 * <p>Cost: each {@code check()}, {@code markClean()} and {@code wipe()} is one directory walk that reads basic
 * attributes (no symlink following), bounded by {@code maxEntries} entries and {@link #MAX_DEPTH} levels. Entries
 * past either bound are not seen; results then say {@code truncated}. The walk costs one {@code lstat} per entry:
 * microseconds for Lambda's usually empty {@code /tmp}, tens to hundreds of milliseconds at 10 000 entries. The
 * baseline is a set of relative paths, at most {@code maxEntries} strings. Thread-safe (methods are synchronised).
 */
public final class TmpResidue {

    /** The directory Lambda gives functions for scratch files. */
    public static final Path DEFAULT_DIRECTORY = Path.of("/tmp");

    /** Default bound on entries visited per walk. */
    public static final int DEFAULT_MAX_ENTRIES = 10_000;

    /** How many levels below the directory are walked. */
    public static final int MAX_DEPTH = 8;

    /** Default number of sample paths in a result. */
    public static final int DEFAULT_MAX_SAMPLES = 10;

    private static final LinkOption[] NO_FOLLOW = {LinkOption.NOFOLLOW_LINKS};

    private final Path directory;
    private final int maxEntries;
    private final int maxSamples;
    private Set<String> baseline;
    private boolean baselineTruncated;

    /** Watches {@link #DEFAULT_DIRECTORY} with the default bounds; the baseline is taken now. */
    public TmpResidue() {
        this(DEFAULT_DIRECTORY, DEFAULT_MAX_ENTRIES);
    }

    /** Watches {@code directory}, visiting at most {@code maxEntries} entries per walk; the baseline is taken now. */
    public TmpResidue(Path directory, int maxEntries) {
        this(directory, maxEntries, DEFAULT_MAX_SAMPLES);
    }

    /**
     * Watches {@code directory}, visiting at most {@code maxEntries} entries per walk and keeping at most
     * {@code maxSamples} sample paths per result; the baseline is taken now.
     */
    public TmpResidue(Path directory, int maxEntries, int maxSamples) {
        this(directory, maxEntries, maxSamples, true);
    }

    private TmpResidue(Path directory, int maxEntries, int maxSamples, boolean walkNow) {
        this.directory = directory;
        this.maxEntries = Math.max(1, maxEntries);
        this.maxSamples = Math.max(0, maxSamples);
        if (walkNow) {
            markClean();
        } else {
            baseline = Set.of();
        }
    }

    /**
     * Watches {@code directory}, known by the caller to be empty now (a new Lambda execution environment's
     * {@code /tmp}), so the baseline is empty and no walk is needed: cold start loads none of the file-tree classes.
     */
    public static TmpResidue startingEmpty(Path directory, int maxEntries) {
        return new TmpResidue(directory, maxEntries, DEFAULT_MAX_SAMPLES, false);
    }

    /** Takes the directory's current contents as the baseline: nothing in it counts as residue any more. */
    public synchronized void markClean() {
        Walk walk = walk(false);
        baseline = walk.paths;
        baselineTruncated = walk.truncated;
    }

    /** Whether the last baseline walk hit a bound (then entries it did not see may be reported as residue). */
    public synchronized boolean baselineTruncated() {
        return baselineTruncated;
    }

    /** What exists now that was not in the baseline. Never throws; an unreadable directory yields no residue. */
    public synchronized Residue check() {
        Walk walk = walk(true);
        return new Residue(walk.count, walk.bytes, List.copyOf(walk.samples), walk.truncated);
    }

    /**
     * Deletes the entries that are not in the baseline (children before their directory), without following symbolic
     * links: a link is removed itself, never its target, and directories are opened relative to their parent with
     * {@code NOFOLLOW_LINKS} so a directory swapped for a link is not entered. The watched directory itself and
     * baseline entries are kept. Visits at most {@code maxEntries} entries.
     */
    public synchronized WipeResult wipe() {
        WipeWalk w = new WipeWalk();
        try (DirectoryStream<Path> root = Files.newDirectoryStream(directory)) {
            if (root instanceof SecureDirectoryStream<Path> secure) {
                wipeSecure(secure, "", 1, false, w);
            } else {
                wipePortable(directory, "", 1, false, w);
            }
        } catch (IOException | RuntimeException e) {
            // Nothing to wipe if the directory cannot be opened.
        }
        return w.result();
    }

    /** Like {@link #wipe()}, forcing the path-based fallback used where secure directory streams are missing. */
    synchronized WipeResult wipePortableForTest() {
        WipeWalk w = new WipeWalk();
        wipePortable(directory, "", 1, false, w);
        return w.result();
    }

    private final class Walk implements FileVisitor<Path> {
        final boolean compare;
        final Set<String> paths = new HashSet<>();
        final List<String> samples = new ArrayList<>();
        int visited;
        int count;
        long bytes;
        boolean truncated;

        Walk(boolean compare) {
            this.compare = compare;
        }

        private FileVisitResult visit(Path path, BasicFileAttributes attrs) {
            if (++visited > maxEntries) {
                truncated = true;
                return FileVisitResult.TERMINATE;
            }
            String rel = relative(path);
            if (!compare) {
                paths.add(rel);
            } else if (!baseline.contains(rel)) {
                count++;
                if (attrs != null && attrs.isRegularFile()) {
                    bytes += attrs.size();
                }
                if (samples.size() < maxSamples) {
                    samples.add(Evidence.of(rel));
                }
            }
            return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
            return dir.equals(directory) ? FileVisitResult.CONTINUE : visit(dir, attrs);
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
            return visit(file, attrs);
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException exc) {
            return file.equals(directory) ? FileVisitResult.CONTINUE : visit(file, null);
        }

        @Override
        public FileVisitResult postVisitDirectory(Path dir, IOException exc) {
            return FileVisitResult.CONTINUE;
        }
    }

    private Walk walk(boolean compare) {
        Walk walk = new Walk(compare);
        try {
            if (Files.isDirectory(directory)) {
                Files.walkFileTree(directory, EnumSet.noneOf(FileVisitOption.class), MAX_DEPTH, walk);
            }
        } catch (IOException | RuntimeException e) {
            // Partial results are still useful; an unreadable directory simply has no residue.
        }
        return walk;
    }

    private String relative(Path path) {
        Path rel = directory.relativize(path);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < rel.getNameCount(); i++) {
            if (i > 0) {
                out.append('/');
            }
            out.append(rel.getName(i));
        }
        return out.toString();
    }

    private final class WipeWalk {
        int visited;
        int removed;
        long removedBytes;
        int failed;
        boolean truncated;
        final List<String> removedSamples = new ArrayList<>();
        final List<String> failedSamples = new ArrayList<>();

        boolean budget() {
            if (visited >= maxEntries) {
                truncated = true;
                return false;
            }
            visited++;
            return true;
        }

        void removed(String rel, BasicFileAttributes attrs) {
            removed++;
            if (attrs.isRegularFile()) {
                removedBytes += attrs.size();
            }
            if (removedSamples.size() < maxSamples) {
                removedSamples.add(Evidence.of(rel));
            }
        }

        void failed(String rel) {
            failed++;
            if (failedSamples.size() < maxSamples) {
                failedSamples.add(Evidence.of(rel));
            }
        }

        WipeResult result() {
            return new WipeResult(
                    removed, removedBytes, List.copyOf(removedSamples), failed, List.copyOf(failedSamples), truncated);
        }
    }

    /**
     * Removes residue inside an open directory, addressing every child relative to it. {@code allResidue} is true
     * inside a directory that is itself residue.
     */
    private void wipeSecure(SecureDirectoryStream<Path> dir, String prefix, int depth, boolean allResidue, WipeWalk w) {
        for (Path name : names(dir, w)) {
            String rel = prefix + name;
            boolean residue = allResidue || !baseline.contains(rel);
            BasicFileAttributes attrs;
            try {
                attrs = dir.getFileAttributeView(name, BasicFileAttributeView.class, NO_FOLLOW)
                        .readAttributes();
            } catch (IOException | RuntimeException e) {
                if (residue) {
                    w.failed(rel);
                }
                continue;
            }
            if (attrs.isDirectory()) {
                if (depth < MAX_DEPTH) {
                    try (SecureDirectoryStream<Path> child = dir.newDirectoryStream(name, NO_FOLLOW)) {
                        wipeSecure(child, rel + "/", depth + 1, residue, w);
                    } catch (IOException | RuntimeException e) {
                        // Swapped for a link or unreadable: leave it, and fail below if it is residue.
                    }
                }
                if (residue) {
                    try {
                        dir.deleteDirectory(name);
                        w.removed(rel, attrs);
                    } catch (IOException | RuntimeException e) {
                        w.failed(rel);
                    }
                }
            } else if (residue) {
                try {
                    dir.deleteFile(name);
                    w.removed(rel, attrs);
                } catch (IOException | RuntimeException e) {
                    w.failed(rel);
                }
            }
        }
    }

    /** The names in a directory, read fully before anything is deleted, within the walk's entry budget. */
    private static List<Path> names(DirectoryStream<Path> dir, WipeWalk w) {
        List<Path> names = new ArrayList<>();
        try {
            for (Path p : dir) {
                if (!w.budget()) {
                    break;
                }
                names.add(p.getFileName());
            }
        } catch (RuntimeException e) {
            // DirectoryIteratorException: keep what was read.
        }
        return names;
    }

    /**
     * The fallback for file systems without secure directory streams: path-based, re-checking before each step that
     * the parent is still the real directory we walked into, so a directory swapped for a link is not followed.
     */
    private void wipePortable(Path dir, String prefix, int depth, boolean allResidue, WipeWalk w) {
        Path realDir;
        List<Path> names;
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
            realDir = dir.toRealPath();
            names = names(stream, w);
        } catch (IOException | RuntimeException e) {
            return;
        }
        for (Path name : names) {
            String rel = prefix + name;
            boolean residue = allResidue || !baseline.contains(rel);
            Path path = dir.resolve(name);
            try {
                if (!dir.toRealPath().equals(realDir)) {
                    if (residue) {
                        w.failed(rel);
                    }
                    continue;
                }
                BasicFileAttributes attrs = Files.readAttributes(path, BasicFileAttributes.class, NO_FOLLOW);
                if (attrs.isDirectory() && depth < MAX_DEPTH) {
                    wipePortable(path, rel + "/", depth + 1, residue, w);
                }
                if (residue) {
                    if (!dir.toRealPath().equals(realDir)) {
                        w.failed(rel);
                        continue;
                    }
                    Files.delete(path);
                    w.removed(rel, attrs);
                }
            } catch (IOException | RuntimeException e) {
                if (residue) {
                    w.failed(rel);
                }
            }
        }
    }

    /**
     * What {@link #check()} found.
     *
     * @param count entries (files, directories, links) present now and not in the baseline
     * @param totalBytes total size of the regular files among them
     * @param samples up to the configured number of their relative paths, escaped and bounded by
     *     {@link Evidence#of}
     * @param truncated whether the walk hit its entry bound, so the counts are lower bounds
     */
    public record Residue(int count, long totalBytes, List<String> samples, boolean truncated) {

        /** Whether nothing was left behind. */
        public boolean isEmpty() {
            return count == 0;
        }
    }

    /**
     * What {@link #wipe()} did.
     *
     * @param removed entries deleted
     * @param removedBytes total size of the regular files deleted
     * @param removedSamples sample relative paths of deleted entries, escaped
     * @param failed residue entries that could not be deleted (permissions, too deep, swapped for a link, ...)
     * @param failedSamples sample relative paths of those, escaped
     * @param truncated whether the walk hit its entry bound, so residue may remain
     */
    public record WipeResult(
            int removed,
            long removedBytes,
            List<String> removedSamples,
            int failed,
            List<String> failedSamples,
            boolean truncated) {}
}
