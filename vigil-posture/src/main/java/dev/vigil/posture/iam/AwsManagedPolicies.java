package dev.vigil.posture.iam;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the AWS-managed policies most often attached to function roles grant, summarised (every statement on every
 * resource), so effective permissions include them. Policies not listed are unknown and contribute nothing.
 */
public final class AwsManagedPolicies {
    private AwsManagedPolicies() {}

    private static final String[] LOGS_WRITE = {"logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents"};

    private static final Map<String, List<Grant>> BY_NAME = Map.ofEntries(
            entry("AdministratorAccess", Grant.allowAll("AdministratorAccess", "*")),
            entry(
                    "PowerUserAccess",
                    Grant.allowAllBut("PowerUserAccess", "iam:*", "organizations:*", "account:*"),
                    Grant.allowAll(
                            "PowerUserAccess",
                            "iam:CreateServiceLinkedRole",
                            "iam:DeleteServiceLinkedRole",
                            "iam:ListRoles",
                            "organizations:DescribeOrganization",
                            "account:ListRegions",
                            "account:GetAccountInformation")),
            entry(
                    "IAMFullAccess",
                    Grant.allowAll("IAMFullAccess", "iam:*", "organizations:Describe*", "organizations:List*")),
            entry("AWSLambdaBasicExecutionRole", Grant.allowAll("AWSLambdaBasicExecutionRole", LOGS_WRITE)),
            entry("AWSLambdaExecute", Grant.allowAll("AWSLambdaExecute", "logs:*", "s3:GetObject", "s3:PutObject")),
            entry(
                    "AWSLambdaDynamoDBExecutionRole",
                    Grant.allowAll(
                            "AWSLambdaDynamoDBExecutionRole",
                            "dynamodb:DescribeStream",
                            "dynamodb:GetRecords",
                            "dynamodb:GetShardIterator",
                            "dynamodb:ListStreams",
                            "logs:CreateLogGroup",
                            "logs:CreateLogStream",
                            "logs:PutLogEvents")),
            entry(
                    "AWSLambdaKinesisExecutionRole",
                    Grant.allowAll(
                            "AWSLambdaKinesisExecutionRole",
                            "kinesis:DescribeStream",
                            "kinesis:DescribeStreamSummary",
                            "kinesis:GetRecords",
                            "kinesis:GetShardIterator",
                            "kinesis:ListShards",
                            "kinesis:ListStreams",
                            "kinesis:SubscribeToShard",
                            "logs:CreateLogGroup",
                            "logs:CreateLogStream",
                            "logs:PutLogEvents")),
            entry(
                    "AWSLambdaSQSQueueExecutionRole",
                    Grant.allowAll(
                            "AWSLambdaSQSQueueExecutionRole",
                            "sqs:ReceiveMessage",
                            "sqs:DeleteMessage",
                            "sqs:GetQueueAttributes",
                            "logs:CreateLogGroup",
                            "logs:CreateLogStream",
                            "logs:PutLogEvents")),
            entry(
                    "AWSLambdaVPCAccessExecutionRole",
                    Grant.allowAll(
                            "AWSLambdaVPCAccessExecutionRole",
                            "logs:CreateLogGroup",
                            "logs:CreateLogStream",
                            "logs:PutLogEvents",
                            "ec2:CreateNetworkInterface",
                            "ec2:DescribeNetworkInterfaces",
                            "ec2:DescribeSubnets",
                            "ec2:DeleteNetworkInterface",
                            "ec2:AssignPrivateIpAddresses",
                            "ec2:UnassignPrivateIpAddresses")),
            entry(
                    "AWSLambdaMSKExecutionRole",
                    Grant.allowAll(
                            "AWSLambdaMSKExecutionRole",
                            "kafka:DescribeCluster",
                            "kafka:DescribeClusterV2",
                            "kafka:GetBootstrapBrokers",
                            "ec2:CreateNetworkInterface",
                            "ec2:DescribeNetworkInterfaces",
                            "ec2:DescribeVpcs",
                            "ec2:DeleteNetworkInterface",
                            "ec2:DescribeSubnets",
                            "ec2:DescribeSecurityGroups",
                            "logs:CreateLogGroup",
                            "logs:CreateLogStream",
                            "logs:PutLogEvents")),
            entry(
                    "CloudWatchLogsFullAccess",
                    Grant.allowAll("CloudWatchLogsFullAccess", "logs:*", "cloudwatch:GenerateQuery")),
            entry("AWSLambdaRole", Grant.allowAll("AWSLambdaRole", "lambda:InvokeFunction")),
            entry("AmazonS3FullAccess", Grant.allowAll("AmazonS3FullAccess", "s3:*", "s3-object-lambda:*")),
            entry(
                    "AmazonS3ReadOnlyAccess",
                    Grant.allowAll("AmazonS3ReadOnlyAccess", "s3:Get*", "s3:List*", "s3:Describe*")),
            entry("AmazonDynamoDBFullAccess", Grant.allowAll("AmazonDynamoDBFullAccess", "dynamodb:*", "iam:PassRole")),
            entry("AmazonSQSFullAccess", Grant.allowAll("AmazonSQSFullAccess", "sqs:*")),
            entry("AmazonSNSFullAccess", Grant.allowAll("AmazonSNSFullAccess", "sns:*")),
            entry("SecretsManagerReadWrite", Grant.allowAll("SecretsManagerReadWrite", "secretsmanager:*")),
            entry("AWSXRayDaemonWriteAccess", Grant.allowAll("AWSXRayDaemonWriteAccess", "xray:Put*", "xray:Get*")),
            entry("AWSXrayWriteOnlyAccess", Grant.allowAll("AWSXrayWriteOnlyAccess", "xray:Put*", "xray:Get*")),
            entry("ReadOnlyAccess", Grant.allowAll("ReadOnlyAccess", "*:Get*", "*:List*", "*:Describe*")));

    private static Map.Entry<String, List<Grant>> entry(String name, Grant... grants) {
        return Map.entry(name.toLowerCase(Locale.ROOT), List.of(grants));
    }

    /**
     * The name of an AWS-managed policy ARN ({@code arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole}
     * gives {@code AWSLambdaBasicExecutionRole}; also through {@code !Sub arn:${AWS::Partition}:iam::aws:policy/…}), or
     * null when the ARN is not AWS-managed.
     */
    public static String name(String arn) {
        if (arn == null) {
            return null;
        }
        String a = arn.trim();
        int marker = a.indexOf(":iam::aws:policy/");
        if (marker < 0 || !a.contains("arn:")) {
            return null;
        }
        String path = a.substring(marker + ":iam::aws:policy/".length());
        String name = path.substring(path.lastIndexOf('/') + 1);
        return name.isEmpty() || name.contains("$") || name.contains("*") ? null : name;
    }

    /** The summarised statements of the AWS-managed policy with this ARN, or null when unknown. */
    public static List<Grant> grants(String arn) {
        String name = name(arn);
        return name == null ? null : BY_NAME.get(name.toLowerCase(Locale.ROOT));
    }
}
