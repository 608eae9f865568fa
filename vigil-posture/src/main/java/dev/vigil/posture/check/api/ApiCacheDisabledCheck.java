package dev.vigil.posture.check.api;

import dev.vigil.core.Severity;
import dev.vigil.posture.check.Category;
import dev.vigil.posture.check.Check;
import dev.vigil.posture.check.CheckInfo;
import dev.vigil.posture.check.Reporter;
import dev.vigil.posture.model.ApiStage;
import dev.vigil.posture.model.Deployment;

/** REST API stages whose cache cluster is not enabled. */
public final class ApiCacheDisabledCheck implements Check {
    static final CheckInfo INFO = Infos.info(
            "VGL-APIGW-008",
            "apigw-cache-disabled",
            Severity.LOW,
            Category.DENIAL_OF_WALLET,
            "REST API stage has no cache cluster",
            "Without a cache every request reaches the backend function, which raises latency and cost under load.",
            "Set CacheClusterEnabled: true (with a CacheClusterSize) on the stage, or document why responses must not be cached.",
            "Checkov CKV_AWS_120",
            "KICS 52790cad",
            "KICS 60a05ede");

    @Override
    public CheckInfo info() {
        return INFO;
    }

    @Override
    public void run(Deployment d, Reporter r) {
        for (ApiStage s : Stages.rest(d)) {
            if (Stages.isOff(s.cacheEnabled())) {
                r.report(Stages.at(s.cacheEnabled(), s.location()), s.id(), Stages.name(s) + " has caching disabled.");
            }
        }
    }
}
