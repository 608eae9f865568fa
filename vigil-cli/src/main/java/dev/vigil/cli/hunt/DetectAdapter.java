package dev.vigil.cli.hunt;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.detect.correlation.CorrelationEngine;
import dev.vigil.detect.correlation.InMemoryCorrelationStore;
import dev.vigil.detect.event.Event;
import dev.vigil.detect.event.EventOrigin;
import dev.vigil.detect.event.JsonTreeEvent;
import dev.vigil.detect.event.LogSource;
import dev.vigil.detect.input.RawRecord;
import dev.vigil.detect.input.RecordSink;
import dev.vigil.detect.pack.BuiltInRules;
import dev.vigil.detect.rule.RuleLoader;
import dev.vigil.detect.rule.RuleSet;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * The one place where {@code vigil hunt} calls the detection module's loaders, log readers, event parser, built-in
 * rule pack and correlation engine. Everything else in {@code cli/hunt} works on {@link RecordSource}, {@link
 * RecordParser} and {@link Correlator}.
 *
 * <p>MERGE NOTE: until the detection module ships {@code dev.vigil.detect.input.LogReader}, {@code EventParser}
 * and {@code dev.vigil.detect.pack.BuiltInRules}, this class holds interim stand-ins (marked {@code INTERIM}): a
 * JSON-lines / one-line {@code {"Records":[…]}} reader and the reference {@link JsonTreeEvent}. Replace each body
 * with the one-line call written in its comment.
 */
public final class DetectAdapter {
    private static final int MAX_LINE_BYTES = 64 * 1024 * 1024;
    private static final ObjectMapper TREE = new ObjectMapper();

    static {
        TREE.getFactory()
                .setStreamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(200)
                        .maxStringLength(MAX_LINE_BYTES)
                        .build());
    }

    private DetectAdapter() {}

    /** Loads rule files and directories (and the built-in pack unless {@code builtIn} is false). */
    public static RuleSet loadRules(List<Path> paths, RuleLoader loader, boolean builtIn) throws IOException {
        return loader.load(paths, builtIn ? BuiltInRules.sources() : List.of());
    }

    /** The built-in rule pack, compiled with {@code loader}'s options. */
    public static RuleSet builtInRules(RuleLoader loader) {
        return BuiltInRules.load(loader);
    }

    /** A correlator for {@code rules}' correlations ({@link Correlator#NONE} when there are none). */
    public static Correlator correlator(RuleSet rules) {
        if (rules.correlations().isEmpty()) {
            return Correlator.NONE;
        }
        return Correlator.of(new CorrelationEngine(rules, new InMemoryCorrelationStore()));
    }

    /** A parser that classifies records by container hint or shape, or forces {@code forced} when not null. */
    public static RecordParser parser(LogSource forced) {
        // MERGE (checked against h-input):
        //   return r -> {
        //       try {
        //           return dev.vigil.detect.input.EventParser.parse(r, forced);
        //       } catch (dev.vigil.detect.event.MalformedRecordException e) {
        //           throw new RecordParser.UnreadableRecordException(e.getMessage());
        //       }
        //   };
        return record -> interimParse(record, forced); // INTERIM
    }

    /** Reads {@code inputs} (files, directories, {@code -} for standard input) into {@code sink}, in order. */
    public static RecordSource reader(List<String> inputs, InputStream stdin) {
        // MERGE (checked against h-input; LogReader reads System.in itself for "-"):
        //   return sink -> new dev.vigil.detect.input.LogReader(dev.vigil.detect.input.ReadOptions.defaults(), sink)
        //           .read(inputs);
        return sink -> {
            for (String input : inputs) {
                interimRead(input, stdin, sink); // INTERIM
            }
        };
    }

    // ---- INTERIM stand-ins, deleted at merge -------------------------------------------------------------------

    private static Event interimParse(RawRecord r, LogSource forced) throws RecordParser.UnreadableRecordException {
        JsonNode root;
        try (JsonParser p = TREE.getFactory().createParser(r.bytes(), r.offset(), r.length())) {
            root = TREE.readTree(p);
        } catch (IOException e) {
            throw new RecordParser.UnreadableRecordException("not JSON: " + firstLine(e.getMessage()));
        }
        if (root == null || !root.isObject()) {
            throw new RecordParser.UnreadableRecordException("not a JSON object");
        }
        LogSource source = forced != null ? forced : !r.hint().isUnset() ? r.hint() : classify(root);
        return new JsonTreeEvent(root, source, r.origin());
    }

    private static LogSource classify(JsonNode root) {
        if (root.hasNonNull("eventSource") && root.hasNonNull("eventName") && root.has("eventVersion")) {
            return LogSource.AWS_CLOUDTRAIL;
        }
        return LogSource.UNKNOWN;
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unreadable";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    private static void interimRead(String input, InputStream stdin, RecordSink sink) throws IOException {
        if (input.equals("-")) {
            readStream("-", stdin, sink);
            return;
        }
        Path path = Path.of(input);
        if (Files.isDirectory(path)) {
            List<Path> files = new ArrayList<>();
            try (Stream<Path> walk = Files.walk(path)) {
                walk.filter(Files::isRegularFile).sorted().forEach(files::add);
            }
            for (Path f : files) {
                readFile(f, sink);
            }
        } else {
            readFile(path, sink);
        }
    }

    private static void readFile(Path file, RecordSink sink) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            readStream(file.toString(), in, sink);
        } catch (IOException e) {
            sink.problem(new EventOrigin(file.toString(), 0, -1), "cannot read: " + e.getMessage());
        }
    }

    private static void readStream(String name, InputStream raw, RecordSink sink) throws IOException {
        InputStream in = new BufferedInputStream(raw, 1 << 16);
        in.mark(2);
        int b0 = in.read();
        int b1 = in.read();
        in.reset();
        if (b0 == 0x1f && b1 == 0x8b) {
            in = new BufferedInputStream(new GZIPInputStream(in, 1 << 16), 1 << 16);
        }
        ByteArrayOutputStream line = new ByteArrayOutputStream(4096);
        long lineNo = 0;
        boolean tooLong = false;
        int c;
        do {
            c = in.read();
            if (c == '\n' || c == -1) {
                lineNo++;
                if (tooLong) {
                    sink.problem(new EventOrigin(name, lineNo, -1), "line longer than " + MAX_LINE_BYTES + " bytes");
                } else if (line.size() > 0) {
                    emitLine(name, lineNo, line.toByteArray(), sink);
                }
                line.reset();
                tooLong = false;
            } else if (!tooLong) {
                line.write(c);
                if (line.size() > MAX_LINE_BYTES) {
                    tooLong = true;
                    line.reset();
                }
            }
        } while (c != -1);
    }

    private static void emitLine(String name, long lineNo, byte[] bytes, RecordSink sink) {
        int start = 0;
        while (start < bytes.length && bytes[start] <= ' ') {
            start++;
        }
        if (start == bytes.length) {
            return;
        }
        String head = new String(bytes, start, Math.min(16, bytes.length - start), StandardCharsets.UTF_8);
        if (head.replace(" ", "").startsWith("{\"Records\"")) {
            try {
                JsonNode records = TREE.readTree(bytes).get("Records");
                if (records != null && records.isArray()) {
                    for (int i = 0; i < records.size(); i++) {
                        byte[] one = TREE.writeValueAsBytes(records.get(i));
                        sink.record(new RawRecord(
                                one, 0, one.length, new EventOrigin(name, lineNo, i), LogSource.AWS_CLOUDTRAIL));
                    }
                    return;
                }
            } catch (IOException e) {
                sink.problem(new EventOrigin(name, lineNo, -1), "not JSON: " + firstLine(e.getMessage()));
                return;
            }
        }
        sink.record(new RawRecord(bytes, 0, bytes.length, new EventOrigin(name, lineNo, -1), LogSource.UNKNOWN));
    }
}
