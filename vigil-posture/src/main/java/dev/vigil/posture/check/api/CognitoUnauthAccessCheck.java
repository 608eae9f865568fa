package dev.vigil.posture.check.api;

import dev.vigil.core.Severity;
import dev.vigil.posture.check.Category;
import dev.vigil.posture.check.Check;
import dev.vigil.posture.check.CheckInfo;
import dev.vigil.posture.check.Reporter;
import dev.vigil.posture.model.Api;
import dev.vigil.posture.model.Deployment;

/** Cognito identity pools with AllowUnauthenticatedIdentities true. */
public final class CognitoUnauthAccessCheck implements Check {
    static final CheckInfo INFO = Infos.info(
            "VGL-COGNITO-001",
            "cognito-unauth-access",
            Severity.MEDIUM,
            Category.EXPOSURE,
            "Cognito identity pool allows unauthenticated identities",
            "Anyone can get AWS credentials for the pool's unauthenticated role and call whatever that role allows.",
            "Set AllowUnauthenticatedIdentities: false, or keep the unauthenticated role's permissions minimal.",
            "Checkov CKV_AWS_366",
            "cfn_nag W57",
            "Prowler cognito_identity_pool_guest_access_disabled");

    @Override
    public CheckInfo info() {
        return INFO;
    }

    @Override
    public void run(Deployment d, Reporter r) {
        for (Api a : d.apis()) {
            if (a.kind() == Api.Kind.IDENTITY_POOL && Stages.isTrue(a.allowUnauthenticated())) {
                r.report(
                        a.allowUnauthenticated().location(),
                        a.id(),
                        "Identity pool " + a.id() + " hands out credentials to unauthenticated callers.");
            }
        }
    }
}
