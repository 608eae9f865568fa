package dev.vigil.posture.usage;

import java.util.List;
import java.util.Map;

/**
 * The actions of a few AWS-managed policies that serverless roles commonly attach (as AWS publishes them). Others
 * are reported as not expandable: their content is not in the template and changes over time.
 */
final class ManagedPolicies {

    private static final List<String> LOGS =
            List.of("logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents");

    private static final Map<String, List<String>> KNOWN = Map.of(
            "AWSLambdaBasicExecutionRole", LOGS,
            "AWSLambdaVPCAccessExecutionRole",
                    concat(
                            LOGS,
                            "ec2:CreateNetworkInterface",
                            "ec2:DescribeNetworkInterfaces",
                            "ec2:DescribeSubnets",
                            "ec2:DeleteNetworkInterface",
                            "ec2:AssignPrivateIpAddresses",
                            "ec2:UnassignPrivateIpAddresses"),
            "AWSXRayDaemonWriteAccess",
                    List.of(
                            "xray:PutTraceSegments",
                            "xray:PutTelemetryRecords",
                            "xray:GetSamplingRules",
                            "xray:GetSamplingTargets",
                            "xray:GetSamplingStatisticSummaries"),
            "AWSLambdaSQSQueueExecutionRole",
                    concat(LOGS, "sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:GetQueueAttributes"),
            "AWSLambdaDynamoDBExecutionRole",
                    concat(
                            LOGS,
                            "dynamodb:DescribeStream",
                            "dynamodb:GetRecords",
                            "dynamodb:GetShardIterator",
                            "dynamodb:ListStreams"),
            "AWSLambdaKinesisExecutionRole",
                    concat(
                            LOGS,
                            "kinesis:DescribeStream",
                            "kinesis:DescribeStreamSummary",
                            "kinesis:GetRecords",
                            "kinesis:GetShardIterator",
                            "kinesis:ListShards",
                            "kinesis:ListStreams",
                            "kinesis:SubscribeToShard"),
            "AWSLambdaRole", List.of("lambda:InvokeFunction"),
            "AWSLambdaExecute", List.of("logs:*", "s3:GetObject", "s3:PutObject"),
            "AmazonS3ReadOnlyAccess", List.of("s3:Get*", "s3:List*", "s3-object-lambda:Get*", "s3-object-lambda:List*"),
            "AdministratorAccess", List.of("*"));

    private ManagedPolicies() {}

    /** The action patterns of an AWS-managed policy ARN, or null when unknown (or not AWS-managed). */
    static List<String> actions(String arn) {
        int i = arn.indexOf(":iam::aws:policy/");
        if (i < 0) {
            return null;
        }
        String name = arn.substring(arn.lastIndexOf('/') + 1);
        return KNOWN.get(name);
    }

    private static List<String> concat(List<String> head, String... more) {
        java.util.ArrayList<String> out = new java.util.ArrayList<>(head);
        out.addAll(List.of(more));
        return List.copyOf(out);
    }
}
