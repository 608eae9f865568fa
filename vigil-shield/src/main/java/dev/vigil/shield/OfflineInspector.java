package dev.vigil.shield;

import dev.vigil.shield.aws.events.EventAdapter;
import dev.vigil.shield.aws.events.EventAdapters;
import dev.vigil.shield.detect.Detection;
import dev.vigil.shield.detect.DetectionSink;
import dev.vigil.shield.detect.Detector;
import dev.vigil.shield.detect.Detectors;
import dev.vigil.shield.inspect.InputSink;
import dev.vigil.shield.inspect.InspectedValue;
import dev.vigil.shield.inspect.Normalizer;
import dev.vigil.shield.inspect.Source;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Runs detectors outside a function, for tools: {@code vigil inspect}, benchmarks, evaluation. It sees values exactly
 * as the Shield does (same event adapters, same {@link Normalizer} variants, same detectors) but has no policy, no
 * time budget and no telemetry: it returns what the detectors found.
 *
 * <p>Not thread-safe only in the sense that each call allocates its own state; an instance may be shared.
 */
public final class OfflineInspector {

    private final Detector[] detectors;

    /** An inspector running {@code detectors} in the given order. */
    public OfflineInspector(List<Detector> detectors) {
        this.detectors = detectors.toArray(new Detector[0]);
    }

    /** An inspector running the built-in detectors. */
    public static OfflineInspector builtIn() {
        return new OfflineInspector(Detectors.builtIn());
    }

    /**
     * An inspector running only the built-in detectors with the given ids.
     *
     * @throws IllegalArgumentException naming an id that is not a built-in detector
     */
    public static OfflineInspector only(Set<String> ids) {
        List<Detector> chosen = new ArrayList<>();
        Set<String> known = new LinkedHashSet<>();
        for (Detector d : Detectors.builtIn()) {
            known.add(d.id());
            if (ids.contains(d.id())) {
                chosen.add(d);
            }
        }
        for (String id : ids) {
            if (!known.contains(id)) {
                throw new IllegalArgumentException("unknown detector '" + id + "'; known: " + String.join(", ", known));
            }
        }
        return new OfflineInspector(chosen);
    }

    /** The ids of the detectors this inspector runs, in order. */
    public List<String> detectorIds() {
        List<String> ids = new ArrayList<>(detectors.length);
        for (Detector d : detectors) {
            ids.add(d.id());
        }
        return ids;
    }

    /**
     * Inspects one value.
     *
     * @param location where the value is, e.g. {@code query.q}
     * @param name the parameter or field name, or empty
     * @param source which part of an event it came from
     * @param raw the value as the function would receive it
     * @return what the detectors found, in detector order; empty when nothing
     */
    public List<Finding> inspectValue(String location, String name, Source source, String raw) {
        Objects.requireNonNull(raw, "raw");
        Collector collector = new Collector();
        collector.accept(location, name, source, -1, raw);
        return collector.findings;
    }

    /**
     * Inspects a whole Lambda event: the adapter for its shape extracts every value, as in a function.
     *
     * @param event the event as a JSON tree (maps, lists, strings, numbers, booleans, nulls)
     * @return what the detectors found, in extraction order
     */
    public List<Finding> inspectEvent(Map<String, Object> event) {
        EventAdapter adapter = EventAdapters.forEvent(event);
        Collector collector = new Collector();
        adapter.extract(event, collector);
        return collector.findings;
    }

    /**
     * What one detector found in one value.
     *
     * @param detector the detector's id
     * @param category the detector's category
     * @param value the value, with its location and variants
     * @param detection the detection
     */
    public record Finding(String detector, String category, InspectedValue value, Detection detection) {}

    private final class Collector implements InputSink, DetectionSink {
        final List<Finding> findings = new ArrayList<>(1);
        private final Inspector.RecentNames names = new Inspector.RecentNames();
        private Detector current;
        private InspectedValue value;

        @Override
        public void accept(String location, String raw, Source source, int recordIndex) {
            if (raw != null && !raw.isEmpty()) {
                accept(location, names.of(location), source, recordIndex, raw);
            }
        }

        void accept(String location, String name, Source source, int recordIndex, String raw) {
            value = new InspectedValue(location, name, source, recordIndex, Normalizer.variants(raw));
            for (Detector d : detectors) {
                current = d;
                d.inspect(value, this);
            }
        }

        @Override
        public void report(Detection detection) {
            if (detection != null) {
                findings.add(new Finding(current.id(), current.category(), value, detection));
            }
        }
    }
}
