package dev.vigil.posture.check.lambda;

import dev.vigil.core.Severity;
import dev.vigil.posture.check.Category;
import dev.vigil.posture.check.Check;
import dev.vigil.posture.check.CheckInfo;
import dev.vigil.posture.check.Reporter;
import dev.vigil.posture.model.Deployment;
import dev.vigil.posture.model.Function;

/** A function with neither a dead-letter queue nor an on-failure destination. */
final class NoDeadLetterQueue implements Check {
    static final CheckInfo INFO = Infos.of(
            "VGL-LAMBDA-008",
            "lambda-no-dlq",
            Severity.LOW,
            Category.DENIAL_OF_WALLET,
            "Function has no dead-letter queue or on-failure destination",
            "Asynchronous events that still fail after Lambda's retries are dropped silently unless a dead-letter "
                    + "queue or an on-failure destination keeps them.",
            "Set DeadLetterConfig.TargetArn (SAM: DeadLetterQueue, serverless.yml: onError) to an SQS queue or SNS "
                    + "topic, or an EventInvokeConfig OnFailure destination (serverless.yml: destinations.onFailure).",
            "Checkov CKV_AWS_116",
            "KICS c2eae442",
            "KICS cb2f612b",
            "KICS dec7bc85",
            "Prowler awslambda_function_no_dead_letter_queue");

    @Override
    public CheckInfo info() {
        return INFO;
    }

    @Override
    public void run(Deployment d, Reporter reporter) {
        for (Function f : d.functions()) {
            if (f.deadLetterTarget() == null) {
                reporter.report(
                        f.location(), f.id(), f.id() + " has no dead-letter queue and no on-failure destination");
            }
        }
    }
}
