package dev.vigil.shield;

import dev.vigil.shield.aws.events.EventAdapter;
import dev.vigil.shield.aws.events.EventAdapters;
import dev.vigil.shield.detect.Detection;
import dev.vigil.shield.detect.Detector;
import dev.vigil.shield.detect.Detectors;
import dev.vigil.shield.inspect.InspectedValue;
import dev.vigil.shield.inspect.Normalizer;
import dev.vigil.shield.inspect.Source;
import dev.vigil.shield.policy.Policy;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Runs detectors outside a function, for tools: {@code vigil inspect}, benchmarks, evaluation. It is the Shield's own
 * {@link Inspector} (same event adapters, same {@link Normalizer} variants, same detectors), with every category on,
 * no time budget and no telemetry: it returns what the detectors found.
 *
 * <p>An instance may be shared between threads: each call keeps its own state.
 */
public final class OfflineInspector {

    /** Far enough ahead never to be reached, near enough that {@code nanoTime() - deadline} cannot overflow. */
    private static final long NO_DEADLINE = 1L << 62;

    private final List<Detector> detectors;
    private final Inspector inspector;

    /** An inspector running {@code detectors} in the given order. */
    public OfflineInspector(List<Detector> detectors) {
        this.detectors = List.copyOf(detectors);
        this.inspector = new Inspector(this.detectors, Policy.defaults());
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
        List<String> ids = new ArrayList<>(detectors.size());
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
     * @throws IllegalStateException naming a detector that threw (the Shield would fail open and report it)
     */
    public List<Finding> inspectValue(String location, String name, Source source, String raw) {
        Objects.requireNonNull(raw, "raw");
        return findings(inspector.inspectValue(location, name, source, raw, System.nanoTime() + NO_DEADLINE));
    }

    /**
     * Inspects a whole Lambda event: the adapter for its shape extracts every value, as in a function.
     *
     * @param event the event as a JSON tree (maps, lists, strings, numbers, booleans, nulls)
     * @return what the detectors found, in extraction order
     * @throws IllegalStateException naming a detector that threw (the Shield would fail open and report it)
     */
    public List<Finding> inspectEvent(Map<String, Object> event) {
        EventAdapter adapter = EventAdapters.forEvent(event);
        return findings(inspector.inspect(event, adapter, System.nanoTime() + NO_DEADLINE));
    }

    private static List<Finding> findings(Inspector.Result result) {
        if (!result.failures.isEmpty()) {
            Inspector.Failure f = result.failures.get(0);
            throw new IllegalStateException("detector " + f.detector() + " failed: " + f.error());
        }
        List<Finding> out = new ArrayList<>(result.hits.size());
        for (Inspector.Hit hit : result.hits) {
            out.add(new Finding(hit.detector().id(), hit.detector().category(), hit.value(), hit.detection()));
        }
        return out;
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
}
