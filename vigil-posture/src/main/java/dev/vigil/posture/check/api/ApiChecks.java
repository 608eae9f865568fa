package dev.vigil.posture.check.api;

import dev.vigil.posture.check.Check;
import java.util.List;

/** The API checks: API Gateway, AppSync, Cognito identity pools. */
public final class ApiChecks {
    private ApiChecks() {}

    /** Every check of this package. */
    public static List<Check> all() {
        return List.of(
                new ApiNoAuthCheck(),
                new ApiNoApiKeyCheck(),
                new ApiEndpointNotPrivateCheck(),
                new ApiNoWafCheck(),
                new ApiNoClientCertCheck(),
                new ApiTlsPolicyCheck(),
                new ApiNoUsagePlanCheck(),
                new ApiCacheDisabledCheck(),
                new ApiCacheUnencryptedCheck(),
                new ApiXrayCheck(),
                new ApiAccessLoggingCheck(),
                new ApiExecutionLoggingCheck(),
                new ApiCompressionCheck(),
                new PublicLambdaViaApiGatewayCheck(),
                new ApiRequestValidationCheck(),
                new CognitoUnauthAccessCheck(),
                new AppSyncLoggingCheck());
    }
}
