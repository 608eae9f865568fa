package dev.vigil.posture.check.api;

import dev.vigil.core.Severity;
import dev.vigil.posture.check.Category;
import dev.vigil.posture.check.Check;
import dev.vigil.posture.check.CheckInfo;
import dev.vigil.posture.check.Reporter;
import dev.vigil.posture.model.ApiStage;
import dev.vigil.posture.model.Deployment;

/** REST API stages that cache responses (CachingEnabled) without CacheDataEncrypted. */
public final class ApiCacheUnencryptedCheck implements Check {
    static final CheckInfo INFO = Infos.info(
            "VGL-APIGW-009",
            "apigw-cache-unencrypted",
            Severity.MEDIUM,
            Category.ENCRYPTION,
            "REST API cache is not encrypted",
            "Cached responses can hold personal data or tokens; an unencrypted cache stores them in the clear.",
            "Set CacheDataEncrypted: true wherever CachingEnabled is true (MethodSettings or a deployment's StageDescription).",
            "KICS 37cca703",
            "cfn_nag W87",
            "Prowler apigateway_restapi_cache_encrypted",
            "Security Hub APIGateway.5");

    @Override
    public CheckInfo info() {
        return INFO;
    }

    @Override
    public void run(Deployment d, Reporter r) {
        for (ApiStage s : Stages.rest(d)) {
            for (ApiStage.MethodSetting m : s.methodSettings()) {
                if (Stages.isTrue(m.cachingEnabled()) && Stages.isOff(m.cacheDataEncrypted())) {
                    r.report(
                            Stages.at(m.cacheDataEncrypted(), m.cachingEnabled().location()),
                            s.id(),
                            Stages.name(s) + " caches responses without encrypting the cache.");
                }
            }
        }
    }
}
