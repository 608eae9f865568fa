package dev.vigil.shield.aws.events;

import dev.vigil.shield.inspect.Source;

/** One value an adapter reported, as the sink saw it. */
record Extracted(String location, String value, Source source, int recordIndex) {

    static Extracted of(String location, String value, Source source, int recordIndex) {
        return new Extracted(location, value, source, recordIndex);
    }

    static Extracted of(String location, String value, Source source) {
        return new Extracted(location, value, source, -1);
    }
}
