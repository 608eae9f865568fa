package dev.vigil.posture.usage.activity;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * One AWS API call somebody made, from a CloudTrail record or a Shield telemetry line.
 *
 * @param origin {@code cloudtrail} or {@code telemetry}
 * @param file where it was read
 * @param line 1-based line of the record in {@code file} (for a {@code {"Records":[…]}} file, the line the record
 *     starts on)
 * @param service the endpoint prefix: {@code eventSource} without {@code .amazonaws.com} ({@code s3},
 *     {@code monitoring}), or telemetry {@code api.service.name}
 * @param operation {@code eventName} or telemetry {@code api.operation}
 * @param region AWS region, or null
 * @param account account id the call was made in, or null
 * @param identityType {@code userIdentity.type} ({@code AssumedRole}, {@code IAMUser}, …), or null
 * @param principalArn {@code userIdentity.arn}, or null
 * @param roleArn the role behind an assumed-role session ({@code sessionIssuer.arn}), or null
 * @param roleName that role's name (without path), or null
 * @param sessionName the role session name (Lambda uses the function name), or null
 * @param functionName the function that made the call (telemetry), or null
 * @param errorCode {@code errorCode} / {@code api.response.error}, or null when the call succeeded
 * @param requestParameters {@code requestParameters} (CloudTrail) or {@code api.request.data} (telemetry), or null
 * @param resourceArns ARNs the record names ({@code resources[].ARN} / {@code resources[].uid})
 * @param byService true for events AWS records about itself ({@code eventType} {@code AwsServiceEvent}), which no
 *     policy of the caller authorises
 */
public record ApiCall(
        String origin,
        String file,
        long line,
        String service,
        String operation,
        String region,
        String account,
        String identityType,
        String principalArn,
        String roleArn,
        String roleName,
        String sessionName,
        String functionName,
        String errorCode,
        JsonNode requestParameters,
        List<String> resourceArns,
        boolean byService) {

    public ApiCall {
        resourceArns = List.copyOf(resourceArns);
    }

    /** True when AWS refused the call for lack of permission (the caller tried, the policy said no). */
    public boolean denied() {
        if (errorCode == null) {
            return false;
        }
        String e = errorCode;
        return e.contains("AccessDenied")
                || e.contains("UnauthorizedOperation")
                || e.equals("UnauthorizedAccess")
                || e.equals("AuthorizationError")
                || e.equals("AuthorizationErrorException")
                || e.equals("Forbidden")
                || e.equals("NotAuthorized")
                || e.equals("NotAuthorizedException");
    }

    /** {@code file:line}, for messages. */
    public String where() {
        return file + ":" + line;
    }
}
