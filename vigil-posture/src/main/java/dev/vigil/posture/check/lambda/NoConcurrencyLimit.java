package dev.vigil.posture.check.lambda;

import dev.vigil.core.Severity;
import dev.vigil.posture.check.Category;
import dev.vigil.posture.check.Check;
import dev.vigil.posture.check.CheckInfo;
import dev.vigil.posture.check.Reporter;
import dev.vigil.posture.model.Deployment;
import dev.vigil.posture.model.Function;

/** A function without reserved concurrency: Medium when it has a public trigger, Low otherwise. */
final class NoConcurrencyLimit implements Check {
    static final CheckInfo INFO = Infos.of(
            "VGL-LAMBDA-007",
            "lambda-no-concurrency-limit",
            Severity.MEDIUM,
            Category.DENIAL_OF_WALLET,
            "Function has no reserved concurrency",
            "Without a concurrency cap one function can use the whole account's concurrency, throttling every other "
                    + "function, and a flood of events bills without bound.",
            "Set ReservedConcurrentExecutions (SAM: ReservedConcurrentExecutions, serverless.yml: "
                    + "reservedConcurrency) to the peak the function needs.",
            "Checkov CKV_AWS_115",
            "cfn_nag W92");

    @Override
    public CheckInfo info() {
        return INFO;
    }

    @Override
    public void run(Deployment d, Reporter reporter) {
        for (Function f : d.functions()) {
            if (f.reservedConcurrency() != null) {
                continue;
            }
            if (Exposure.publicTrigger(d, f).isPresent()) {
                reporter.report(f.location(), f.id(), f.id() + " has a public trigger and no reserved concurrency");
            } else {
                reporter.report(Severity.LOW, f.location(), f.id(), f.id() + " has no reserved concurrency");
            }
        }
    }
}
