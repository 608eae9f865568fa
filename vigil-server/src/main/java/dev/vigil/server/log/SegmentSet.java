package dev.vigil.server.log;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.stream.Stream;

/** The segment files of one log directory by base offset; safe to read while the writer adds and retention removes. */
final class SegmentSet {
    private final Path directory;
    private final ConcurrentSkipListMap<Long, Path> byBaseOffset = new ConcurrentSkipListMap<>();

    private SegmentSet(Path directory) {
        this.directory = directory;
    }

    /** The segments present in {@code directory}. */
    static SegmentSet scan(Path directory) throws IOException {
        SegmentSet set = new SegmentSet(directory);
        try (Stream<Path> files = Files.list(directory)) {
            files.filter(file -> Segment.isSegment(file.getFileName().toString()))
                    .forEach(file -> set.byBaseOffset.put(Segment.baseOffset(file), file));
        }
        return set;
    }

    Path directory() {
        return directory;
    }

    boolean isEmpty() {
        return byBaseOffset.isEmpty();
    }

    /** The segment file for {@code baseOffset} (whether or not it exists yet). */
    Path pathFor(long baseOffset) {
        return directory.resolve(Segment.fileName(baseOffset));
    }

    void add(long baseOffset, Path file) {
        byBaseOffset.put(baseOffset, file);
    }

    void remove(long baseOffset) {
        byBaseOffset.remove(baseOffset);
    }

    /** The segment holding {@code offset}: the one with the greatest base offset not above it, or null. */
    Map.Entry<Long, Path> containing(long offset) {
        return byBaseOffset.floorEntry(offset);
    }

    /** The segment starting exactly at {@code baseOffset}, or null. */
    Path startingAt(long baseOffset) {
        return byBaseOffset.get(baseOffset);
    }

    long firstBaseOffset() {
        return byBaseOffset.firstKey();
    }

    Map.Entry<Long, Path> last() {
        return byBaseOffset.lastEntry();
    }

    /** A snapshot of the segments, oldest first. */
    List<Map.Entry<Long, Path>> snapshot() {
        return new ArrayList<>(byBaseOffset.entrySet());
    }
}
