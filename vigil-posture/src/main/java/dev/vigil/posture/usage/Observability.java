package dev.vigil.posture.usage;

import java.util.Locale;
import java.util.Set;

/**
 * Actions CloudTrail records only as data events (or not at all), so a trail with only management events never shows
 * them being used: S3 object calls, DynamoDB item calls, Lambda invocations, SQS/SNS/Kinesis messaging, log and
 * metric writes, X-Ray.
 */
final class Observability {

    private static final Set<String> DATA_EVENTS = Set.of(
            "lambda:invokefunction",
            "lambda:invokeasync",
            "dynamodb:getitem",
            "dynamodb:putitem",
            "dynamodb:updateitem",
            "dynamodb:deleteitem",
            "dynamodb:query",
            "dynamodb:scan",
            "dynamodb:batchgetitem",
            "dynamodb:batchwriteitem",
            "dynamodb:conditioncheckitem",
            "dynamodb:partiqlselect",
            "dynamodb:partiqlinsert",
            "dynamodb:partiqlupdate",
            "dynamodb:partiqldelete",
            "dynamodb:getrecords",
            "dynamodb:getsharditerator",
            "sqs:sendmessage",
            "sqs:receivemessage",
            "sqs:deletemessage",
            "sqs:changemessagevisibility",
            "sns:publish",
            "kinesis:putrecord",
            "kinesis:putrecords",
            "kinesis:getrecords",
            "kinesis:getsharditerator",
            "kinesis:subscribetoshard",
            "firehose:putrecord",
            "firehose:putrecordbatch",
            "logs:putlogevents",
            "cloudwatch:putmetricdata",
            "cloudwatch:getmetricdata",
            "cloudwatch:getmetricstatistics",
            "cloudwatch:listmetrics",
            "execute-api:invoke");

    private Observability() {}

    /** True when management-event trails do not show calls of {@code action}. */
    static boolean dataEventOnly(String action) {
        String a = action.toLowerCase(Locale.ROOT);
        if (DATA_EVENTS.contains(a) || a.startsWith("xray:")) {
            return true;
        }
        if (a.startsWith("s3:")) {
            String op = a.substring(3);
            return op.contains("object") && !op.contains("bucket") || op.contains("multipartupload");
        }
        return false;
    }

    /** The service prefix of an action. */
    static String service(String action) {
        int c = action.indexOf(':');
        return c < 0 ? action : action.substring(0, c).toLowerCase(Locale.ROOT);
    }
}
