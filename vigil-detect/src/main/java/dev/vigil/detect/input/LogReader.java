package dev.vigil.detect.input;

import dev.vigil.detect.event.EventOrigin;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads log inputs and hands their records to a {@link RecordSink}, streaming with bounded memory.
 *
 * <p>Inputs are files, directories (recursive, sorted by path, symbolic links followed with loop detection, hidden
 * files and directories skipped) and {@code -} for standard input. Each input is gzip when it starts with the gzip
 * magic bytes, whatever its name. Its format is found from its content: JSON lines (blank lines skipped), a CloudTrail
 * file as delivered to S3 ({@code {"Records":[…]}}: each element is a record hinted {@code aws:cloudtrail}), a
 * top-level array of records, one (pretty-printed) document, CloudWatch Logs subscription payloads (decoded {@code
 * {"messageType":…,"logEvents":[…]}} or the Lambda form {@code {"awslogs":{"data":…}}}: JSON messages are records,
 * control messages and non-JSON messages are skipped) and Shield telemetry (JSON lines). CloudTrail digest files are
 * skipped with a note.
 *
 * <p>The format is decided per line from its first bytes, so JSON lines and container files may be mixed: a line
 * that is an array, or an object whose first key is one that only containers start with ({@code Records}, {@code
 * messageType}, {@code owner}, {@code logGroup}, {@code logStream}, {@code subscriptionFilters}, {@code logEvents},
 * {@code awslogs}, {@code awsAccountId}, {@code digestStartTime}), is parsed and examined; such lines may be as long as
 * {@link ReadOptions#maxDocumentBytes()}, other lines as long as {@link ReadOptions#maxLineBytes()}. When the first
 * line of an input is an incomplete JSON value, the input is read as one document; if that fails too, as lines. An
 * input whose first character is neither {@code &#123;} nor {@code [} is skipped with one problem.
 *
 * <p>Nothing is fatal: a broken line, an oversize line, an unreadable or truncated file or a gzip bomb becomes a
 * {@link RecordSink#problem problem} and reading goes on. Plain JSON-lines records are not parsed here (the worker's
 * {@link EventParser} reports their JSON errors); container lines are. Not thread-safe; {@link #counters()} may be read
 * from any thread.
 */
public final class LogReader {
    private final ReadOptions options;
    private final ReadCounters counters = new ReadCounters();
    private final RecordSink sink;
    private BiConsumer<EventOrigin, String> notes = (where, note) -> {};

    /** A reader that sends records and problems to {@code sink}. */
    public LogReader(ReadOptions options, RecordSink sink) {
        this.options = Objects.requireNonNull(options, "options");
        RecordSink target = Objects.requireNonNull(sink, "sink");
        this.sink = new RecordSink() {
            @Override
            public void record(RawRecord record) {
                counters.records.incrementAndGet();
                target.record(record);
            }

            @Override
            public void problem(EventOrigin where, String reason) {
                counters.problems.incrementAndGet();
                target.problem(where, reason);
            }
        };
    }

    /** Receives notes about inputs skipped on purpose (CloudTrail digest files). Returns this reader. */
    public LogReader onNote(BiConsumer<EventOrigin, String> notes) {
        this.notes = Objects.requireNonNull(notes, "notes");
        return this;
    }

    /** Progress and totals. */
    public ReadCounters counters() {
        return counters;
    }

    /**
     * Reads every input in order: paths of files or directories, or {@code -} for standard input. Lists them all
     * first so {@link ReadCounters#totalBytes()} is known while reading.
     */
    public void read(List<String> inputs) {
        List<Object> files = new ArrayList<>();
        for (String input : inputs) {
            if (input.equals("-")) {
                files.add(input);
                continue;
            }
            Path path = Path.of(input);
            if (!Files.exists(path)) {
                sink.problem(new EventOrigin(input, 0, -1), "no such file or directory");
                continue;
            }
            if (Files.isDirectory(path)) {
                files.addAll(list(path));
            } else {
                files.add(path);
            }
        }
        for (Object file : files) {
            if (file instanceof Path path) {
                try {
                    counters.totalBytes.addAndGet(Files.size(path));
                } catch (IOException unknownSize) {
                    // reported when opened
                }
            }
        }
        for (Object file : files) {
            if (file instanceof Path path) {
                read(path);
            } else {
                read("-", System.in);
            }
        }
    }

    /** Reads one file (not a directory). */
    public void read(Path file) {
        String name = file.toString();
        if (Files.isDirectory(file)) {
            sink.problem(new EventOrigin(name, 0, -1), "cannot read: is a directory");
            return;
        }
        try (InputStream in = Files.newInputStream(file)) {
            read(name, in);
        } catch (IOException e) {
            sink.problem(new EventOrigin(name, 0, -1), "cannot read: " + describe(e));
        }
    }

    /** Reads one stream named {@code name} in origins ({@code -} for standard input). Does not close it. */
    public void read(String name, InputStream stream) {
        counters.files.incrementAndGet();
        CountingInputStream counted = new CountingInputStream(stream, counters.bytesRead);
        StreamReader reader = null;
        boolean gzip = false;
        try {
            BufferedInputStream buffered = new BufferedInputStream(counted, 16 * 1024);
            buffered.mark(2);
            gzip = buffered.read() == 0x1f && buffered.read() == 0x8b;
            buffered.reset();
            InputStream content = buffered;
            if (gzip) {
                content = new BombGuardInputStream(
                        new GZIPInputStream(buffered, 64 * 1024),
                        counted::count,
                        options.maxDecompressedBytes(),
                        options.maxGzipRatio(),
                        options.gzipRatioGraceBytes());
            }
            reader = new StreamReader(name, content, options, sink, notes, counters);
            reader.run();
        } catch (EOFException e) {
            sink.problem(
                    origin(name, reader),
                    (gzip ? "truncated gzip input: " : "unexpected end of input: ") + describe(e)
                            + "; rest of the file skipped");
        } catch (ZipException e) {
            sink.problem(origin(name, reader), "corrupt gzip input: " + describe(e) + "; rest of the file skipped");
        } catch (IOException e) {
            sink.problem(origin(name, reader), describe(e) + "; rest of the file skipped");
        }
    }

    private static EventOrigin origin(String name, StreamReader reader) {
        return new EventOrigin(name, reader == null ? 0 : reader.line(), -1);
    }

    private static String describe(IOException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** The files under {@code root}, sorted; hidden entries skipped; problems (loops, unreadable) reported. */
    private List<Path> list(Path root) {
        List<Path> found = new ArrayList<>();
        try {
            Files.walkFileTree(
                    root, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE, new SimpleFileVisitor<>() {
                        @Override
                        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                            return !dir.equals(root) && hidden(dir)
                                    ? FileVisitResult.SKIP_SUBTREE
                                    : FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                            if (attrs.isRegularFile() && !hidden(file)) {
                                found.add(file);
                            }
                            return FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFileFailed(Path file, IOException e) {
                            String reason = e instanceof FileSystemLoopException
                                    ? "symbolic link loop; skipped"
                                    : "cannot read: " + describe(e);
                            sink.problem(new EventOrigin(file.toString(), 0, -1), reason);
                            return FileVisitResult.CONTINUE;
                        }
                    });
        } catch (IOException e) {
            sink.problem(new EventOrigin(root.toString(), 0, -1), "cannot list: " + describe(e));
        }
        found.sort(null);
        return found;
    }

    private static boolean hidden(Path path) {
        Path name = path.getFileName();
        return name != null && name.toString().startsWith(".");
    }
}
