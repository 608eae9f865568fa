package dev.vigil.detect.input;

import dev.vigil.detect.event.EventOrigin;
import dev.vigil.detect.event.FieldPath;
import dev.vigil.detect.event.LogSource;
import dev.vigil.detect.event.TapeEvent;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads inputs through a {@link LogReader} and {@link ParsingRecordSink}, keeping events, problems and notes. */
final class Collected {
    final List<TapeEvent> events = new ArrayList<>();
    final List<String> problems = new ArrayList<>();
    final List<String> notes = new ArrayList<>();
    final LogReader reader;

    Collected(ReadOptions options) {
        ParsingRecordSink sink = new ParsingRecordSink(
                EventParser.defaults(),
                options.forcedLogSource(),
                events::add,
                (where, reason) -> problems.add(where + ": " + reason));
        reader = new LogReader(options, sink).onNote((where, note) -> notes.add(where + ": " + note));
    }

    static Collected read(ReadOptions options, Path... inputs) {
        Collected c = new Collected(options);
        List<String> names = new ArrayList<>();
        for (Path p : inputs) {
            names.add(p.toString());
        }
        c.reader.read(names);
        return c;
    }

    static Collected read(Path... inputs) {
        return read(ReadOptions.defaults(), inputs);
    }

    static Collected stream(ReadOptions options, String name, byte[] bytes) {
        Collected c = new Collected(options);
        c.reader.read(name, new ByteArrayInputStream(bytes));
        return c;
    }

    List<String> field(String name) {
        FieldPath path = FieldPath.of(name);
        List<String> out = new ArrayList<>();
        for (TapeEvent e : events) {
            out.add(e.text(path));
        }
        return out;
    }

    List<String> origins() {
        List<String> out = new ArrayList<>();
        for (TapeEvent e : events) {
            out.add(e.origin().toString());
        }
        return out;
    }

    List<LogSource> sources() {
        List<LogSource> out = new ArrayList<>();
        for (TapeEvent e : events) {
            out.add(e.logSource());
        }
        return out;
    }

    static EventOrigin origin(String file, long line) {
        return new EventOrigin(file, line, -1);
    }
}
