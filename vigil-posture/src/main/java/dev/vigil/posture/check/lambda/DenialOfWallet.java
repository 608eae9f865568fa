package dev.vigil.posture.check.lambda;

import dev.vigil.core.Severity;
import dev.vigil.posture.check.Category;
import dev.vigil.posture.check.Check;
import dev.vigil.posture.check.CheckInfo;
import dev.vigil.posture.check.Reporter;
import dev.vigil.posture.model.Deployment;
import dev.vigil.posture.model.Function;
import java.util.Optional;

/**
 * Denial of wallet: anyone can make the function run (a public trigger) and nothing caps how many copies run at once
 * (no reserved concurrency). A flood of requests then scales the function up to the account's concurrency limit,
 * billing every invocation and starving the account's other functions.
 */
final class DenialOfWallet implements Check {
    static final CheckInfo INFO = Infos.of(
            "VGL-LAMBDA-006",
            "lambda-denial-of-wallet",
            Severity.HIGH,
            Category.DENIAL_OF_WALLET,
            "Publicly invocable function without a concurrency cap",
            "An unauthenticated trigger lets anyone run the function as often as they like; without reserved "
                    + "concurrency it scales to the account limit, billing every call and throttling other functions.",
            "Require authentication (IAM, an authorizer, or an API key with a usage plan), and set "
                    + "ReservedConcurrentExecutions (serverless.yml: reservedConcurrency) to what the function needs.");

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
            Optional<String> trigger = Exposure.publicTrigger(d, f);
            trigger.ifPresent(t -> reporter.report(
                    f.location(),
                    f.id(),
                    f.id() + " is publicly invocable (" + t + ") and has no reserved concurrency"));
        }
    }
}
