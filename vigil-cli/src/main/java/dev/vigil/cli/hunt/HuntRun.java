package dev.vigil.cli.hunt;

import dev.vigil.cli.ExitCodes;
import dev.vigil.detect.engine.SigmaEngine;
import dev.vigil.detect.rule.RuleProblem;
import dev.vigil.detect.rule.RuleSet;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;

/** One {@code vigil hunt} after option parsing: report the rules, run the pipeline, print the summary, pick the exit code. */
public final class HuntRun {
    /** Problems printed before only counting. */
    public static final int PROBLEMS_SHOWN = 50;

    private final HuntSettings settings;
    private final PrintWriter err;
    private HuntStats stats;

    /** A run with {@code settings}, printing problems and the summary to {@code err}. */
    public HuntRun(HuntSettings settings, PrintWriter err) {
        this.settings = settings;
        this.err = err;
    }

    /**
     * Reports {@code rules}' problems and counts; returns {@link ExitCodes#USAGE} when the run must stop (a problem
     * under {@code --strict}, or no usable rule), else -1.
     */
    public int checkRules(RuleSet rules) {
        ProblemReporter reporter = new ProblemReporter(err, PROBLEMS_SHOWN);
        for (RuleProblem p : rules.problems()) {
            reporter.report(p.file() + ":" + p.line(), p.reason());
        }
        reporter.finish("rule problems");
        if (!settings.quiet()) {
            int skipped = rules.skippedDeprecated() + rules.skippedUnsupported();
            err.printf(
                    "rules: %,d loaded (%,d detection, %,d correlation), %,d skipped (%,d deprecated, %,d unsupported),"
                            + " %,d rejected%n",
                    rules.detections().size() + rules.correlations().size(),
                    rules.detections().size(),
                    rules.correlations().size(),
                    skipped,
                    rules.skippedDeprecated(),
                    rules.skippedUnsupported(),
                    rules.problems().size());
        }
        if (settings.strict() && !rules.problems().isEmpty()) {
            err.printf(
                    "hunt: %,d rule problems and --strict: stopping%n",
                    rules.problems().size());
            err.flush();
            return ExitCodes.USAGE;
        }
        if (rules.detections().isEmpty()) {
            err.println("hunt: no usable detection rules");
            err.flush();
            return ExitCodes.USAGE;
        }
        return -1;
    }

    /**
     * Runs the hunt with the real parser and correlation engine, after {@link #checkRules}; see {@link
     * #execute(RuleSet, RecordParser, Correlator, RecordSource, Writer)}.
     */
    public int execute(RuleSet rules, RecordSource source, Writer out) {
        return execute(
                rules, DetectAdapter.parser(settings.forcedLogSource()), DetectAdapter.correlator(rules), source, out);
    }

    /**
     * Runs the pipeline over {@code source} (rules already checked) and returns the exit code: {@link
     * ExitCodes#FINDINGS} when something at or above {@code --fail-on} was printed, {@link ExitCodes#INTERNAL} when
     * the input or output failed as a whole, else {@link ExitCodes#OK}. Unreadable records do not change it.
     */
    public int execute(RuleSet rules, RecordParser parser, Correlator correlator, RecordSource source, Writer out) {
        SigmaEngine engine = SigmaEngine.create(rules);
        HuntPipeline pipeline =
                new HuntPipeline(parser, engine::match, correlator, settings.filter(), settings.threads());
        ProblemReporter problems = new ProblemReporter(err, PROBLEMS_SHOWN);
        HuntOutput output = settings.format().open(out, System.currentTimeMillis());
        HuntStats stats;
        Progress progress = settings.progress() && !settings.quiet()
                ? new Progress(
                        err,
                        settings.totalBytes(),
                        () -> source.bytesRead() >= 0 ? source.bytesRead() : pipeline.bytesRead(),
                        pipeline::recordsDone,
                        pipeline::matchesDone)
                : null;
        try {
            stats = pipeline.run(source, output, problems, this::warn);
        } catch (IOException | UncheckedIOException e) {
            closeProgress(progress);
            problems.finish("input problems");
            err.println("hunt: " + Escape.text(String.valueOf(e.getMessage())));
            err.flush();
            return ExitCodes.INTERNAL;
        }
        closeProgress(progress);
        this.stats = stats;
        problems.finish("input problems");
        for (String shortfall : correlator.shortfalls()) {
            warn("correlations: " + shortfall);
        }
        if (!settings.quiet()) {
            err.println(stats.summary());
        }
        err.flush();
        if (settings.failOn() != null && stats.reached(settings.failOn())) {
            return ExitCodes.FINDINGS;
        }
        return ExitCodes.OK;
    }

    /** The statistics of the last completed {@link #execute}, or null. */
    public HuntStats stats() {
        return stats;
    }

    private void warn(String message) {
        err.println("hunt: warning: " + message);
    }

    private static void closeProgress(Progress p) {
        if (p != null) {
            p.close();
        }
    }
}
