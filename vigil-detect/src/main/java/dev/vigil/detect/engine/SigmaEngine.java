package dev.vigil.detect.engine;

import dev.vigil.detect.event.Event;
import dev.vigil.detect.event.EventTime;
import dev.vigil.detect.event.LogSource;
import dev.vigil.detect.rule.RuleSet;
import dev.vigil.detect.rule.SigmaRule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Matches events against the detection rules of a {@link RuleSet}, one event at a time.
 *
 * <p>Rules are grouped by log source; an event is routed to the groups whose log source {@link LogSource#contains
 * contains} the event's, and within a group a {@link RuleIndex} picks the candidate rules. Immutable and safe to
 * share between threads.
 */
public final class SigmaEngine {
    private final List<Group> groups;
    private final EventTime eventTime;
    private final Map<LogSource, Group[]> routes = new ConcurrentHashMap<>();
    private final ThreadLocal<RuleIndex.Scratch> scratch;
    private volatile Route lastRoute = new Route(null, new Group[0]);

    private SigmaEngine(List<Group> groups, EventTime eventTime) {
        this.groups = groups;
        this.eventTime = eventTime;
        int largest = groups.stream().mapToInt(g -> g.index.size()).max().orElse(0);
        this.scratch = ThreadLocal.withInitial(() -> new RuleIndex.Scratch(largest));
    }

    /** An engine for the detection rules of {@code rules}, with event time from the default fields. */
    public static SigmaEngine create(RuleSet rules) {
        return create(rules, EventTime.defaults());
    }

    /** An engine for the detection rules of {@code rules}, with event time from {@code eventTime}. */
    public static SigmaEngine create(RuleSet rules, EventTime eventTime) {
        Map<LogSource, List<SigmaRule>> byLogSource = new LinkedHashMap<>();
        for (SigmaRule rule : rules.detections()) {
            byLogSource
                    .computeIfAbsent(rule.logSource(), k -> new ArrayList<>())
                    .add(rule);
        }
        List<Group> groups = new ArrayList<>();
        byLogSource.forEach((ls, list) -> groups.add(new Group(ls, new RuleIndex(list))));
        return new SigmaEngine(List.copyOf(groups), Objects.requireNonNull(eventTime, "eventTime"));
    }

    /**
     * Passes every detection rule that matches {@code event} to {@code out}. The engine reuses per-thread working
     * memory during the call, so {@code out} must not call {@code match} again on the same thread.
     */
    public void match(Event event, Consumer<RuleMatch> out) {
        Group[] route = routeOf(event.logSource());
        if (route.length == 0) {
            return;
        }
        RuleIndex.Scratch flags = scratch.get();
        long[] time = {Long.MAX_VALUE};
        for (Group g : route) {
            g.index.match(event, flags, ordinal -> {
                if (time[0] == Long.MAX_VALUE) {
                    time[0] = eventTime.of(event);
                }
                out.accept(new RuleMatch(g.index.rule(ordinal), event, time[0]));
            });
        }
    }

    /** The matches of {@code event} as a list. */
    public List<RuleMatch> match(Event event) {
        List<RuleMatch> out = new ArrayList<>(2);
        match(event, out::add);
        return out;
    }

    /** The number of detection rules. */
    public int ruleCount() {
        return groups.stream().mapToInt(g -> g.index.size()).sum();
    }

    /** The number of rules tried on every event of their log source because the index cannot narrow them. */
    public int unindexedCount() {
        return groups.stream().mapToInt(g -> g.index.unindexedCount()).sum();
    }

    /** The event time of {@code event} by this engine's time fields. */
    public long timeOf(Event event) {
        return eventTime.of(event);
    }

    /** The groups for a log source; the last one is remembered, since logs mostly come in runs of one source. */
    private Group[] routeOf(LogSource source) {
        Route last = lastRoute;
        if (source.equals(last.source)) {
            return last.groups;
        }
        Group[] groups = routes.computeIfAbsent(source, this::route);
        lastRoute = new Route(source, groups);
        return groups;
    }

    private record Route(LogSource source, Group[] groups) {}

    private Group[] route(LogSource eventSource) {
        return groups.stream().filter(g -> g.logSource.contains(eventSource)).toArray(Group[]::new);
    }

    private record Group(LogSource logSource, RuleIndex index) {}
}
