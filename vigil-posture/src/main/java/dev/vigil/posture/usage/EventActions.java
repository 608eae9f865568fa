package dev.vigil.posture.usage;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * API operation names (CloudTrail {@code eventName}, SDK operation) whose IAM action has a different name. Every other
 * operation is authorised by the action of the same name, which is what the AWS Service Authorization Reference
 * lists for most services.
 */
final class EventActions {

    private static final Map<String, List<String>> DIFFERENT = new HashMap<>();

    /**
     * Operations that need no permission at all (AWS authorises them for any authenticated caller) or that no
     * identity policy can grant.
     */
    static final Set<String> NO_PERMISSION = Set.of(
            "sts:GetCallerIdentity",
            "signin:ConsoleLogin",
            "signin:CheckMfa",
            "signin:SwitchRole",
            "signin:ExitRole",
            "signin:RenewRole",
            "signin:CredentialVerification",
            "signin:CredentialChallenge",
            "signin:UserAuthentication",
            "sts:AssumeRoleWithWebIdentity",
            "sts:AssumeRoleWithSAML");

    static {
        // Lambda: CloudTrail names are the dated REST operation ids (suffix stripped before lookup).
        put("lambda:Invoke", "lambda:InvokeFunction");
        put("lambda:InvokeWithResponseStream", "lambda:InvokeFunction");
        put("lambda:InvokeAsync", "lambda:InvokeAsync");
        put("lambda:ListTags", "lambda:ListTags");

        // S3: the REST operation and the permission often differ.
        put("s3:ListObjects", "s3:ListBucket");
        put("s3:ListObjectsV2", "s3:ListBucket");
        put("s3:HeadBucket", "s3:ListBucket");
        put("s3:ListObjectVersions", "s3:ListBucketVersions");
        put("s3:ListBuckets", "s3:ListAllMyBuckets");
        put("s3:ListDirectoryBuckets", "s3express:ListAllMyDirectoryBuckets");
        put("s3:HeadObject", "s3:GetObject");
        put("s3:SelectObjectContent", "s3:GetObject");
        put("s3:GetObjectAttributes", "s3:GetObjectAttributes");
        put("s3:CopyObject", "s3:PutObject");
        put("s3:UploadPart", "s3:PutObject");
        put("s3:UploadPartCopy", "s3:PutObject");
        put("s3:CreateMultipartUpload", "s3:PutObject");
        put("s3:CompleteMultipartUpload", "s3:PutObject");
        put("s3:ListMultipartUploads", "s3:ListBucketMultipartUploads");
        put("s3:ListParts", "s3:ListMultipartUploadParts");
        put("s3:DeleteObjects", "s3:DeleteObject");
        put("s3:GetBucketEncryption", "s3:GetEncryptionConfiguration");
        put("s3:PutBucketEncryption", "s3:PutEncryptionConfiguration");
        put("s3:DeleteBucketEncryption", "s3:PutEncryptionConfiguration");
        put("s3:GetBucketLifecycle", "s3:GetLifecycleConfiguration");
        put("s3:GetBucketLifecycleConfiguration", "s3:GetLifecycleConfiguration");
        put("s3:PutBucketLifecycle", "s3:PutLifecycleConfiguration");
        put("s3:PutBucketLifecycleConfiguration", "s3:PutLifecycleConfiguration");
        put("s3:DeleteBucketLifecycle", "s3:PutLifecycleConfiguration");
        put("s3:GetBucketReplication", "s3:GetReplicationConfiguration");
        put("s3:PutBucketReplication", "s3:PutReplicationConfiguration");
        put("s3:DeleteBucketReplication", "s3:PutReplicationConfiguration");
        put("s3:DeleteBucketPublicAccessBlock", "s3:PutBucketPublicAccessBlock");
        put("s3:GetPublicAccessBlock", "s3:GetBucketPublicAccessBlock");
        put("s3:PutPublicAccessBlock", "s3:PutBucketPublicAccessBlock");
        put("s3:DeletePublicAccessBlock", "s3:PutBucketPublicAccessBlock");
        put("s3:GetBucketCors", "s3:GetBucketCORS");
        put("s3:PutBucketCors", "s3:PutBucketCORS");
        put("s3:DeleteBucketCors", "s3:PutBucketCORS");
        put("s3:DeleteBucketTagging", "s3:PutBucketTagging");
        put("s3:GetBucketNotificationConfiguration", "s3:GetBucketNotification");
        put("s3:PutBucketNotificationConfiguration", "s3:PutBucketNotification");
        put("s3:DeleteBucketOwnershipControls", "s3:PutBucketOwnershipControls");
        put("s3:GetBucketAccelerateConfiguration", "s3:GetAccelerateConfiguration");
        put("s3:PutBucketAccelerateConfiguration", "s3:PutAccelerateConfiguration");
        put("s3:GetBucketAnalyticsConfiguration", "s3:GetAnalyticsConfiguration");
        put("s3:PutBucketAnalyticsConfiguration", "s3:PutAnalyticsConfiguration");
        put("s3:ListBucketAnalyticsConfigurations", "s3:GetAnalyticsConfiguration");
        put("s3:GetBucketInventoryConfiguration", "s3:GetInventoryConfiguration");
        put("s3:PutBucketInventoryConfiguration", "s3:PutInventoryConfiguration");
        put("s3:ListBucketInventoryConfigurations", "s3:GetInventoryConfiguration");
        put("s3:GetBucketMetricsConfiguration", "s3:GetMetricsConfiguration");
        put("s3:PutBucketMetricsConfiguration", "s3:PutMetricsConfiguration");
        put("s3:ListBucketMetricsConfigurations", "s3:GetMetricsConfiguration");
        put("s3:GetBucketIntelligentTieringConfiguration", "s3:GetIntelligentTieringConfiguration");
        put("s3:PutBucketIntelligentTieringConfiguration", "s3:PutIntelligentTieringConfiguration");
        put("s3:ListBucketIntelligentTieringConfigurations", "s3:GetIntelligentTieringConfiguration");
        put("s3:GetObjectLockConfiguration", "s3:GetBucketObjectLockConfiguration");
        put("s3:PutObjectLockConfiguration", "s3:PutBucketObjectLockConfiguration");
        put("s3:DeleteBucketWebsite", "s3:DeleteBucketWebsite");
        put("s3:GetBucketVersions", "s3:ListBucketVersions");
        put("s3:GetBucketObjectLockConfiguration", "s3:GetBucketObjectLockConfiguration");
        put("s3:WriteGetObjectResponse", "s3-object-lambda:WriteGetObjectResponse");

        // DynamoDB: transactions and batches are authorised per item operation.
        put("dynamodb:TransactGetItems", "dynamodb:GetItem");
        put("dynamodb:BatchExecuteStatement", "dynamodb:PartiQLSelect");

        // SQS and SNS batch calls are authorised as the single call.
        put("sqs:SendMessageBatch", "sqs:SendMessage");
        put("sqs:DeleteMessageBatch", "sqs:DeleteMessage");
        put("sqs:ChangeMessageVisibilityBatch", "sqs:ChangeMessageVisibility");
        put("sns:PublishBatch", "sns:Publish");

        // KMS
        put("kms:ReEncrypt", "kms:ReEncryptFrom", "kms:ReEncryptTo");

        // Bedrock runtime
        put("bedrock:Converse", "bedrock:InvokeModel");
        put("bedrock:ConverseStream", "bedrock:InvokeModelWithResponseStream");

        // CloudWatch Logs' streaming variant
        put("logs:StartLiveTail", "logs:StartLiveTail");

        // Kinesis Data Streams consumers using the enhanced fan-out API
        put("kinesis:SubscribeToShard", "kinesis:SubscribeToShard");

        // EC2 Instance Connect and Serial Console share the ec2-instance-connect prefix
        put("ec2-instance-connect:SendSerialConsoleSSHPublicKey", "ec2-instance-connect:SendSerialConsoleSSHPublicKey");
    }

    private EventActions() {}

    private static void put(String operation, String... actions) {
        DIFFERENT.put(operation, List.of(actions));
    }

    /** The actions for {@code prefix:Operation} when they differ from the operation's name, else null. */
    static List<String> different(String qualifiedOperation) {
        return DIFFERENT.get(qualifiedOperation);
    }

    /** Every entry: {@code service:Operation} -> actions. */
    static java.util.Map<String, List<String>> all() {
        return java.util.Collections.unmodifiableMap(DIFFERENT);
    }
}
