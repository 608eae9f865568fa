package dev.vigil.posture.check.api;

import dev.vigil.core.Severity;
import dev.vigil.posture.check.Category;
import dev.vigil.posture.check.Check;
import dev.vigil.posture.check.CheckInfo;
import dev.vigil.posture.check.Reporter;
import dev.vigil.posture.model.Api;
import dev.vigil.posture.model.Deployment;
import dev.vigil.posture.model.Value;

/** API Gateway custom domain names without a TLS 1.2 (or newer) security policy. */
public final class ApiTlsPolicyCheck implements Check {
    static final CheckInfo INFO = Infos.info(
            "VGL-APIGW-006",
            "apigw-tls-policy",
            Severity.MEDIUM,
            Category.ENCRYPTION,
            "API custom domain allows TLS 1.0",
            "A custom domain without a security policy, or with TLS_1_0, accepts TLS 1.0 and 1.1 and their weak cipher suites.",
            "Set SecurityPolicy: TLS_1_2 (or a newer policy) on the domain name.",
            "KICS 8275fab0",
            "cfn_nag W62",
            "Prowler apigateway_domain_name_pqc_tls_enabled");

    @Override
    public CheckInfo info() {
        return INFO;
    }

    @Override
    public void run(Deployment d, Reporter r) {
        for (Api a : d.apis()) {
            if (a.kind() != Api.Kind.DOMAIN_NAME) {
                continue;
            }
            Value p = a.tlsPolicy();
            if (p == null) {
                r.report(a.location(), a.id(), "Domain name " + a.id() + " sets no security policy (TLS 1.0 allowed).");
            } else if (p.literal()
                    && p.text()
                            .trim()
                            .toUpperCase(java.util.Locale.ROOT)
                            .replace("_", "")
                            .equals("TLS10")) {
                r.report(p.location(), a.id(), "Domain name " + a.id() + " uses security policy " + p.text() + ".");
            }
        }
    }
}
