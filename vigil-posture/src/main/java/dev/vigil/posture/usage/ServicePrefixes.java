package dev.vigil.posture.usage;

import java.util.Map;
import java.util.Set;

/**
 * CloudTrail {@code eventSource} host (without {@code .amazonaws.com}) to IAM service prefix. Most services use the
 * same word for both; these are the ones that do not.
 */
final class ServicePrefixes {

    private static final Map<String, String> DIFFERENT = Map.ofEntries(
            Map.entry("monitoring", "cloudwatch"),
            Map.entry("email", "ses"),
            Map.entry("sesv2", "ses"),
            Map.entry("streams.dynamodb", "dynamodb"),
            Map.entry("api.ecr", "ecr"),
            Map.entry("ecr-public", "ecr-public"),
            Map.entry("api.ecr-public", "ecr-public"),
            Map.entry("servicecatalog-appregistry", "servicecatalog"),
            Map.entry("appconfigdata", "appconfig"),
            Map.entry("models.lex", "lex"),
            Map.entry("runtime.lex", "lex"),
            Map.entry("models-v2-lex", "lex"),
            Map.entry("runtime-v2-lex", "lex"),
            Map.entry("tagging", "tag"),
            Map.entry("elasticloadbalancingv2", "elasticloadbalancing"),
            Map.entry("sso-directory", "sso-directory"),
            Map.entry("identitystore", "identitystore"),
            Map.entry("ssm-messages", "ssmmessages"),
            Map.entry("ssmmessages", "ssmmessages"),
            Map.entry("ec2messages", "ec2messages"),
            Map.entry("execute-api", "execute-api"),
            Map.entry("metering.marketplace", "aws-marketplace"),
            Map.entry("marketplacecommerceanalytics", "marketplacecommerceanalytics"),
            Map.entry("data.iot", "iot"),
            Map.entry("iotdata", "iot"),
            Map.entry("states-sync", "states"),
            Map.entry("bedrock-runtime", "bedrock"),
            Map.entry("bedrock-agent", "bedrock"),
            Map.entry("bedrock-agent-runtime", "bedrock"),
            Map.entry("sts.cn-north-1", "sts"),
            Map.entry("s3-control", "s3"),
            Map.entry("s3control", "s3"),
            Map.entry("kinesisfirehose", "firehose"),
            Map.entry("cloudwatchlogs", "logs"),
            Map.entry("eventbridge", "events"),
            Map.entry("stepfunctions", "states"),
            Map.entry("cognito-identity-provider", "cognito-idp"),
            Map.entry("secrets-manager", "secretsmanager"),
            Map.entry("sfn", "states"),
            Map.entry("cognitoidentityprovider", "cognito-idp"),
            Map.entry("cognitoidentity", "cognito-identity"),
            Map.entry("bedrockruntime", "bedrock"),
            Map.entry("bedrockagentruntime", "bedrock"),
            Map.entry("dynamodbstreams", "dynamodb"),
            Map.entry("iotdataplane", "iot"),
            Map.entry("ssmincidents", "ssm-incidents"),
            Map.entry("lexruntimev2", "lex"),
            Map.entry("lexruntime", "lex"),
            Map.entry("applicationautoscaling", "application-autoscaling"),
            Map.entry("resourcegroupstaggingapi", "tag"),
            Map.entry("apigatewaymanagementapi", "execute-api"));

    /**
     * Services whose calls no identity-based IAM policy authorises (console sign-in, the SSO portal): their events
     * are reported as not mappable rather than turned into actions.
     */
    static final Set<String> NOT_AUTHORISED_BY_IAM = Set.of("signin", "portal.sso", "oauth.sso", "sso-portal");

    private ServicePrefixes() {}

    /**
     * The IAM prefix for an endpoint prefix; AWS SDK service ids (telemetry) are accepted too, lower-cased without
     * spaces: {@code CloudWatch Logs} -> {@code logs}, {@code SFN} -> {@code states}, {@code DynamoDB Streams} ->
     * {@code dynamodb}.
     */
    static String prefix(String service) {
        String s = service.toLowerCase(java.util.Locale.ROOT).replace(" ", "");
        if (s.endsWith(".amazonaws.com")) {
            s = s.substring(0, s.length() - ".amazonaws.com".length());
        }
        // regional endpoints in older records: s3.us-east-1, sts.eu-west-1
        int dot = s.indexOf('.');
        if (dot > 0 && !DIFFERENT.containsKey(s) && looksLikeRegion(s.substring(dot + 1))) {
            s = s.substring(0, dot);
        }
        return DIFFERENT.getOrDefault(s, s);
    }

    private static boolean looksLikeRegion(String s) {
        return s.matches("[a-z]{2}(-gov)?-[a-z]+-\\d");
    }
}
