package dev.vigil.shield;

import dev.vigil.shield.aws.events.EventAdapter;
import dev.vigil.shield.detect.Detection;
import dev.vigil.shield.detect.DetectionSink;
import dev.vigil.shield.detect.Detector;
import dev.vigil.shield.inspect.InputSink;
import dev.vigil.shield.inspect.InspectedValue;
import dev.vigil.shield.inspect.Normalizer;
import dev.vigil.shield.inspect.Source;
import dev.vigil.shield.inspect.Variant;
import dev.vigil.shield.policy.Mode;
import dev.vigil.shield.policy.Policy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs the detectors over every value an adapter extracts from one event, within the policy's time budget.
 *
 * <p>Each value is normalised once ({@link Normalizer}) and the same variants are shown to every active detector. The
 * budget is checked after every detector call; once it is spent, inspection stops, what was found so far stands, and
 * the rest of the event is not inspected (fail open). A detector that throws is skipped for that value and reported.
 */
final class Inspector {

    private final Detector[] detectors;

    Inspector(List<Detector> detectors, Policy policy) {
        List<Detector> active = new ArrayList<>();
        for (Detector d : detectors) {
            if (policy.modeFor(d.category()) != Mode.OFF) {
                active.add(d);
            }
        }
        this.detectors = active.toArray(new Detector[0]);
    }

    /** Inspects one event. Never throws for detector failures; they are recorded in the result. */
    Result inspect(Map<String, Object> event, EventAdapter adapter, long deadlineNanos) {
        Result result = new Result();
        if (detectors.length == 0) {
            return result;
        }
        adapter.extract(event, new Walk(result, deadlineNanos));
        return result;
    }

    /** Inspects one value, with its parameter or field {@code name} given rather than taken from the location. */
    Result inspectValue(String location, String name, Source source, String raw, long deadlineNanos) {
        Result result = new Result();
        if (detectors.length > 0) {
            new Walk(result, deadlineNanos).inspect(location, name, source, -1, raw);
        }
        return result;
    }

    /** Receives each extracted value and runs the detectors on it; also the detectors' sink for that value. */
    private final class Walk implements InputSink, DetectionSink {
        private final Result result;
        private final long deadlineNanos;
        private final RecentNames names = new RecentNames();
        private Detector current;
        private InspectedValue value;

        Walk(Result result, long deadlineNanos) {
            this.result = result;
            this.deadlineNanos = deadlineNanos;
        }

        @Override
        public void accept(String location, String raw, Source source, int recordIndex) {
            if (result.budgetExceededBy != null || raw == null || raw.isEmpty()) {
                return;
            }
            inspect(location, names.of(location), source, recordIndex, raw);
        }

        void inspect(String location, String name, Source source, int recordIndex, String raw) {
            result.values++;
            List<Variant> variants = Normalizer.variants(raw);
            value = new InspectedValue(location, name, source, recordIndex, variants);
            for (Detector d : detectors) {
                current = d;
                try {
                    d.inspect(value, this);
                } catch (RuntimeException | StackOverflowError | LinkageError e) {
                    result.failures.add(new Failure(d.id(), e.getClass().getSimpleName()));
                }
                if (System.nanoTime() - deadlineNanos > 0) {
                    result.budgetExceededBy = d.id();
                    return;
                }
            }
        }

        @Override
        public void report(Detection detection) {
            if (detection != null) {
                result.hits.add(new Hit(current, value, detection));
            }
        }
    }

    /** The last name in a location: {@code note} for {@code body.$.order.note}, {@code key} for an S3 key. */
    static String nameOf(String location) {
        int end = nameEnd(location);
        int dot = location.lastIndexOf('.', end - 1);
        String name = location.substring(dot + 1, end);
        return name.equals("$") ? "" : name;
    }

    /** Where the last name of a location ends: before any trailing {@code [i]} indices. */
    private static int nameEnd(String location) {
        int end = location.length();
        while (end > 0 && location.charAt(end - 1) == ']') {
            int open = location.lastIndexOf('[', end - 1);
            if (open < 0) {
                break;
            }
            end = open;
        }
        return end;
    }

    /**
     * {@link #nameOf(String)} for the values of one event, reusing a recent name instead of cutting the same one from
     * its location again: neighbouring values often share one ({@code note}, {@code sku}…).
     */
    static final class RecentNames {
        private final String[] recent = new String[4];
        private int next;

        String of(String location) {
            int end = nameEnd(location);
            int start = location.lastIndexOf('.', end - 1) + 1;
            int length = end - start;
            if (length == 1 && location.charAt(start) == '$') {
                return "";
            }
            for (String name : recent) {
                if (name != null && name.length() == length && location.startsWith(name, start)) {
                    return name;
                }
            }
            String name = location.substring(start, end);
            recent[next] = name;
            next = (next + 1) & 3;
            return name;
        }
    }

    /** What one detector found in one value. */
    record Hit(Detector detector, InspectedValue value, Detection detection) {}

    /** A detector that threw. */
    record Failure(String detector, String error) {}

    /** The outcome of inspecting one event. */
    static final class Result {
        final List<Hit> hits = new ArrayList<>(2);
        final List<Failure> failures = new ArrayList<>(0);
        String budgetExceededBy;
        int values;
    }
}
