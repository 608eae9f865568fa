package dev.vigil.posture.check.lambda;

import dev.vigil.core.Severity;
import dev.vigil.posture.check.Category;
import dev.vigil.posture.check.Check;
import dev.vigil.posture.check.CheckInfo;
import dev.vigil.posture.check.Reporter;
import dev.vigil.posture.model.Deployment;
import dev.vigil.posture.model.Function;
import java.time.Clock;
import java.time.LocalDate;

/** A function on a runtime AWS has deprecated (see {@link DeprecatedRuntimes} for the table and its date). */
final class DeprecatedRuntime implements Check {
    static final CheckInfo INFO = Infos.of(
            "VGL-LAMBDA-011",
            "lambda-deprecated-runtime",
            Severity.MEDIUM,
            Category.RUNTIME,
            "Function uses a deprecated runtime",
            "A deprecated runtime gets no security patches, and AWS blocks creating and then updating functions that "
                    + "use it.",
            "Move the function to a supported runtime of the same language (e.g. nodejs22.x, python3.13, java21).",
            "Checkov CKV_AWS_363",
            "Prowler awslambda_function_using_supported_runtimes",
            "Security Hub Lambda.2");

    private final Clock clock;

    DeprecatedRuntime() {
        this(Clock.systemUTC());
    }

    DeprecatedRuntime(Clock clock) {
        this.clock = clock;
    }

    @Override
    public CheckInfo info() {
        return INFO;
    }

    @Override
    public void run(Deployment d, Reporter reporter) {
        LocalDate today = LocalDate.now(clock);
        for (Function f : d.functions()) {
            if (f.runtime() == null || !f.runtime().literal()) {
                continue;
            }
            DeprecatedRuntimes.deprecatedOn(f.runtime().text(), today)
                    .ifPresent(date -> reporter.report(
                            f.runtime().location(),
                            f.id(),
                            f.id() + " uses " + f.runtime().text() + ", deprecated since " + date));
        }
    }
}
