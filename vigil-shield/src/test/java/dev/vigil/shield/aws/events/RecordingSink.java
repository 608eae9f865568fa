package dev.vigil.shield.aws.events;

import dev.vigil.shield.inspect.InputSink;
import dev.vigil.shield.inspect.Source;
import java.util.ArrayList;
import java.util.List;

/** An {@link InputSink} that keeps what it is given, in order. */
final class RecordingSink implements InputSink {

    final List<Extracted> values = new ArrayList<>();

    @Override
    public void accept(String location, String value, Source source, int recordIndex) {
        values.add(new Extracted(location, value, source, recordIndex));
    }

    List<String> locations() {
        return values.stream().map(Extracted::location).toList();
    }

    List<String> rawValues() {
        return values.stream().map(Extracted::value).toList();
    }

    /** What {@code adapter} extracts from {@code event}. */
    static List<Extracted> extract(EventAdapter adapter, java.util.Map<String, Object> event) {
        RecordingSink sink = new RecordingSink();
        adapter.extract(event, sink);
        return sink.values;
    }
}
