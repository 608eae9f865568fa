package dev.vigil.cli.hunt;

import dev.vigil.detect.correlation.CorrelationEngine;
import dev.vigil.detect.correlation.InMemoryCorrelationStore;
import dev.vigil.detect.event.LogSource;
import dev.vigil.detect.event.MalformedRecordException;
import dev.vigil.detect.input.EventParser;
import dev.vigil.detect.input.LogReader;
import dev.vigil.detect.input.ReadCounters;
import dev.vigil.detect.input.ReadOptions;
import dev.vigil.detect.input.RecordSink;
import dev.vigil.detect.pack.BuiltInRules;
import dev.vigil.detect.rule.RuleLoader;
import dev.vigil.detect.rule.RuleSet;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;

/**
 * The one place where {@code vigil hunt} calls the detection module's loaders, log readers, event parser, built-in
 * rule pack and correlation engine. Everything else in {@code cli/hunt} works on {@link RecordSource}, {@link
 * RecordParser} and {@link Correlator}.
 */
public final class DetectAdapter {
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
        return r -> {
            try {
                return EventParser.parse(r, forced);
            } catch (MalformedRecordException e) {
                throw new RecordParser.UnreadableRecordException(e.getMessage());
            }
        };
    }

    /** Reads {@code inputs} (files, directories, {@code -} for standard input) into {@code sink}, in order. */
    public static RecordSource reader(List<String> inputs, InputStream stdin) {
        return new RecordSource() {
            private volatile ReadCounters counters;

            @Override
            public void read(RecordSink sink) {
                LogReader reader = new LogReader(ReadOptions.defaults(), sink);
                counters = reader.counters();
                for (String input : inputs) {
                    if (input.equals("-")) {
                        reader.read("-", stdin);
                    } else {
                        reader.read(List.of(input));
                    }
                }
            }

            @Override
            public long bytesRead() {
                ReadCounters c = counters;
                return c == null ? 0 : c.bytesRead();
            }
        };
    }
}
