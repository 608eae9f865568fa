package dev.vigil.posture.check.api;

import dev.vigil.core.Severity;
import dev.vigil.posture.check.Category;
import dev.vigil.posture.check.Check;
import dev.vigil.posture.check.CheckInfo;
import dev.vigil.posture.check.Reporter;
import dev.vigil.posture.model.Api;
import dev.vigil.posture.model.Deployment;
import dev.vigil.posture.model.Value;

/** REST APIs without a valid MinimumCompressionSize (0 to 10485759 bytes). */
public final class ApiCompressionCheck implements Check {
    static final long MAX = 10_485_759L;

    static final CheckInfo INFO = Infos.info(
            "VGL-APIGW-013",
            "apigw-compression",
            Severity.INFO,
            Category.DENIAL_OF_WALLET,
            "REST API has no valid minimum compression size",
            "Without compression large responses cost more transfer and time; a size outside 0..10485759 is rejected"
                    + " or disables compression.",
            "Set MinimumCompressionSize between 0 and 10485759 (provider.apiGateway.minimumCompressionSize in"
                    + " serverless.yml).",
            "KICS d6653eee",
            "KICS a2f2800e",
            "KICS d5d1fe08");

    @Override
    public CheckInfo info() {
        return INFO;
    }

    @Override
    public void run(Deployment d, Reporter r) {
        for (Api a : d.apis()) {
            if (!a.isRest() || !a.declared()) {
                continue;
            }
            Value size = a.minimumCompressionSize();
            if (size == null) {
                r.report(a.location(), a.id(), "REST API " + a.id() + " sets no minimum compression size.");
            } else if (size.literal() && !valid(size.text())) {
                r.report(
                        size.location(),
                        a.id(),
                        "REST API " + a.id() + " minimum compression size " + size.text() + " is outside 0.." + MAX
                                + ".");
            }
        }
    }

    static boolean valid(String text) {
        try {
            long n = Long.parseLong(text.trim());
            return n >= 0 && n <= MAX;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
