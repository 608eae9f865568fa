package dev.vigil.posture.format.sam;

import dev.vigil.posture.source.Location;
import dev.vigil.posture.source.MapNode;
import dev.vigil.posture.source.Node;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The common SAM policy templates ({@code - DynamoDBCrudPolicy: {TableName: !Ref T}}) and the statements the SAM
 * translator expands them to (from SAM's {@code policy_templates.json}). Resources are emitted as SAM emits them,
 * {@code Fn::Sub} over the template's parameters and the pseudo parameters; a resource that is just a parameter is
 * the user's node itself.
 */
public final class PolicyTemplates {
    private PolicyTemplates() {}

    private static final String ARN = "arn:${AWS::Partition}:";
    private static final String REGION_ACCOUNT = ":${AWS::Region}:${AWS::AccountId}:";

    /** One statement: actions, resources (patterns or {@code *}), and an optional condition. */
    private record Stmt(List<String> actions, List<String> resources, String[] condition) {}

    private static final Map<String, List<Stmt>> TEMPLATES = new HashMap<>();

    private static void def(String name, Stmt... statements) {
        TEMPLATES.put(name, List.of(statements));
    }

    private static Stmt s(String actions, String... resources) {
        return new Stmt(List.of(actions.split(",")), List.of(resources), null);
    }

    private static Stmt sc(String actions, String[] condition, String... resources) {
        return new Stmt(List.of(actions.split(",")), List.of(resources), condition);
    }

    static {
        String table = ARN + "dynamodb" + REGION_ACCOUNT + "table/${TableName}";
        String bucket = ARN + "s3:::${BucketName}";
        String queue = ARN + "sqs" + REGION_ACCOUNT + "${QueueName}";
        String topic = ARN + "sns" + REGION_ACCOUNT + "${TopicName}";
        String stream = ARN + "kinesis" + REGION_ACCOUNT + "stream/${StreamName}";
        String key = ARN + "kms" + REGION_ACCOUNT + "key/${KeyId}";
        String ses = ARN + "ses" + REGION_ACCOUNT + "identity/${IdentityName}";
        def(
                "SQSPollerPolicy",
                s(
                        "sqs:ChangeMessageVisibility,sqs:ChangeMessageVisibilityBatch,sqs:DeleteMessage,"
                                + "sqs:DeleteMessageBatch,sqs:GetQueueAttributes,sqs:ReceiveMessage",
                        queue));
        def("SQSSendMessagePolicy", s("sqs:SendMessage*", queue));
        def(
                "LambdaInvokePolicy",
                s("lambda:InvokeFunction", ARN + "lambda" + REGION_ACCOUNT + "function:${FunctionName}*"));
        def("CloudWatchDescribeAlarmHistoryPolicy", s("cloudwatch:DescribeAlarmHistory", "*"));
        def("CloudWatchPutMetricPolicy", s("cloudwatch:PutMetricData", "*"));
        def(
                "CloudWatchDashboardPolicy",
                s(
                        "cloudwatch:GetDashboard,cloudwatch:ListDashboards,cloudwatch:PutDashboard,cloudwatch:ListMetrics",
                        "*"));
        def("EC2DescribePolicy", s("ec2:DescribeRegions,ec2:DescribeInstances", "*"));
        def("AMIDescribePolicy", s("ec2:DescribeImages", "*"));
        def("EKSDescribePolicy", s("eks:DescribeCluster,eks:ListClusters", "*"));
        def("OrganizationsListAccountsPolicy", s("organizations:ListAccounts", "*"));
        def("MobileAnalyticsWriteOnlyAccessPolicy", s("mobileanalytics:PutEvents", "*"));
        def(
                "CodePipelineLambdaExecutionPolicy",
                s("codepipeline:PutJobSuccessResult,codepipeline:PutJobFailureResult", "*"));
        def("TextractPolicy", s("textract:*", "*"));
        def(
                "TextractDetectAnalyzePolicy",
                s(
                        "textract:DetectDocumentText,textract:StartDocumentTextDetection,"
                                + "textract:StartDocumentAnalysis,textract:AnalyzeDocument",
                        "*"));
        def("TextractGetResultPolicy", s("textract:GetDocumentTextDetection,textract:GetDocumentAnalysis", "*"));
        def(
                "ComprehendBasicAccessPolicy",
                s(
                        "comprehend:BatchDetectKeyPhrases,comprehend:DetectDominantLanguage,"
                                + "comprehend:DetectEntities,comprehend:BatchDetectEntities,comprehend:DetectKeyPhrases,"
                                + "comprehend:DetectSentiment,comprehend:BatchDetectDominantLanguage,comprehend:BatchDetectSentiment",
                        "*"));
        def(
                "RekognitionDetectOnlyPolicy",
                s(
                        "rekognition:DetectFaces,rekognition:DetectLabels,"
                                + "rekognition:DetectModerationLabels,rekognition:DetectText",
                        "*"));
        def(
                "PollyFullAccessPolicy",
                s("polly:GetLexicon,polly:DeleteLexicon", ARN + "polly" + REGION_ACCOUNT + "lexicon/${LexiconName}"),
                s(
                        "polly:DescribeVoices,polly:ListLexicons,polly:PutLexicon," + "polly:SynthesizeSpeech",
                        ARN + "polly" + REGION_ACCOUNT + "lexicon/*"));
        def(
                "CostExplorerReadOnlyPolicy",
                s(
                        "ce:GetCostAndUsage,ce:GetDimensionValues,ce:GetReservationCoverage,"
                                + "ce:GetReservationPurchaseRecommendation,ce:GetReservationUtilization,ce:GetTags",
                        "*"));
        def(
                "VPCAccessPolicy",
                s(
                        "ec2:CreateNetworkInterface,ec2:DeleteNetworkInterface,"
                                + "ec2:DescribeNetworkInterfaces,ec2:DetachNetworkInterface",
                        "*"));
        def(
                "DynamoDBCrudPolicy",
                s(
                        "dynamodb:GetItem,dynamodb:DeleteItem,dynamodb:PutItem,dynamodb:Scan,"
                                + "dynamodb:Query,dynamodb:UpdateItem,dynamodb:BatchWriteItem,dynamodb:BatchGetItem,"
                                + "dynamodb:DescribeTable,dynamodb:ConditionCheckItem",
                        table,
                        table + "/index/*"));
        def(
                "DynamoDBReadPolicy",
                s(
                        "dynamodb:GetItem,dynamodb:Scan,dynamodb:Query,dynamodb:BatchGetItem,"
                                + "dynamodb:DescribeTable",
                        table,
                        table + "/index/*"));
        def(
                "DynamoDBWritePolicy",
                s("dynamodb:PutItem,dynamodb:UpdateItem,dynamodb:BatchWriteItem", table, table + "/index/*"));
        def("DynamoDBReconfigurePolicy", s("dynamodb:UpdateTable", table));
        def(
                "DynamoDBStreamReadPolicy",
                s(
                        "dynamodb:DescribeStream,dynamodb:GetRecords,dynamodb:GetShardIterator",
                        table + "/stream/${StreamName}"),
                s("dynamodb:ListStreams", table + "/stream/*"));
        def(
                "DynamoDBBackupFullAccessPolicy",
                s("dynamodb:CreateBackup,dynamodb:DescribeContinuousBackups", table),
                s("dynamodb:DeleteBackup,dynamodb:DescribeBackup,dynamodb:ListBackups", table + "/backup/*"));
        def(
                "DynamoDBRestoreFromBackupPolicy",
                s("dynamodb:RestoreTableFromBackup", table + "/backup/*"),
                s(
                        "dynamodb:PutItem,dynamodb:UpdateItem,dynamodb:DeleteItem,dynamodb:GetItem,dynamodb:Query,"
                                + "dynamodb:Scan,dynamodb:BatchWriteItem",
                        table));
        def(
                "S3ReadPolicy",
                s(
                        "s3:GetObject,s3:ListBucket,s3:GetBucketLocation,s3:GetObjectVersion,"
                                + "s3:GetLifecycleConfiguration",
                        bucket,
                        bucket + "/*"));
        def("S3WritePolicy", s("s3:PutObject,s3:PutObjectAcl,s3:PutLifecycleConfiguration", bucket, bucket + "/*"));
        def(
                "S3CrudPolicy",
                s(
                        "s3:GetObject,s3:ListBucket,s3:GetBucketLocation,s3:GetObjectVersion,s3:PutObject,"
                                + "s3:PutObjectAcl,s3:GetLifecycleConfiguration,s3:PutLifecycleConfiguration,s3:DeleteObject",
                        bucket,
                        bucket + "/*"));
        def(
                "S3FullAccessPolicy",
                s(
                        "s3:GetObject,s3:GetObjectAcl,s3:GetObjectVersion,s3:PutObject,"
                                + "s3:PutObjectAcl,s3:DeleteObject,s3:DeleteObjectTagging,s3:DeleteObjectVersionTagging,"
                                + "s3:GetObjectTagging,s3:GetObjectVersionTagging,s3:PutObjectTagging,s3:PutObjectVersionTagging",
                        bucket + "/*"),
                s(
                        "s3:ListBucket,s3:GetBucketLocation,s3:GetLifecycleConfiguration,"
                                + "s3:PutLifecycleConfiguration",
                        bucket));
        def("SNSPublishMessagePolicy", s("sns:Publish", topic));
        def(
                "SNSCrudPolicy",
                s(
                        "sns:ListSubscriptionsByTopic,sns:CreateTopic,sns:SetTopicAttributes,"
                                + "sns:Subscribe,sns:Publish",
                        topic + "*"));
        def(
                "KinesisStreamReadPolicy",
                s("kinesis:ListStreams,kinesis:DescribeLimits", ARN + "kinesis" + REGION_ACCOUNT + "stream/*"),
                s(
                        "kinesis:DescribeStream,"
                                + "kinesis:DescribeStreamSummary,kinesis:GetRecords,kinesis:GetShardIterator",
                        stream));
        def(
                "KinesisCrudPolicy",
                s(
                        "kinesis:AddTagsToStream,kinesis:CreateStream,"
                                + "kinesis:DecreaseStreamRetentionPeriod,kinesis:DeleteStream,kinesis:DescribeStream,"
                                + "kinesis:DescribeStreamSummary,kinesis:GetShardIterator,kinesis:IncreaseStreamRetentionPeriod,"
                                + "kinesis:ListTagsForStream,kinesis:MergeShards,kinesis:PutRecord,kinesis:PutRecords,"
                                + "kinesis:SplitShard,kinesis:RemoveTagsFromStream",
                        stream));
        def("KMSDecryptPolicy", s("kms:Decrypt", key));
        def("KMSEncryptPolicy", s("kms:Encrypt", key));
        def("SESSendBouncePolicy", s("ses:SendBounce", ses));
        def(
                "SESCrudPolicy",
                s(
                        "ses:GetIdentityVerificationAttributes,ses:SendEmail,ses:SendRawEmail,"
                                + "ses:VerifyEmailIdentity",
                        ses));
        def(
                "SESBulkTemplatedCrudPolicy",
                s(
                        "ses:GetIdentityVerificationAttributes,ses:SendEmail,"
                                + "ses:SendRawEmail,ses:SendTemplatedEmail,ses:SendBulkTemplatedEmail,ses:VerifyEmailIdentity",
                        ses));
        def(
                "SESEmailTemplateCrudPolicy",
                s(
                        "ses:CreateTemplate,ses:GetTemplate,ses:ListTemplates,"
                                + "ses:UpdateTemplate,ses:DeleteTemplate,ses:TestRenderTemplate",
                        "*"));
        def(
                "ElasticsearchHttpPostPolicy",
                s("es:ESHttpPost,es:ESHttpPut", ARN + "es" + REGION_ACCOUNT + "domain/${DomainName}/*"));
        def(
                "FilterLogEventsPolicy",
                s("logs:FilterLogEvents", ARN + "logs" + REGION_ACCOUNT + "log-group:${LogGroupName}:log-stream:*"));
        def(
                "StepFunctionsExecutionPolicy",
                s("states:StartExecution", ARN + "states" + REGION_ACCOUNT + "stateMachine:${StateMachineName}"));
        def(
                "CloudFormationDescribeStacksPolicy",
                s("cloudformation:DescribeStacks", ARN + "cloudformation" + REGION_ACCOUNT + "stack/*"));
        String param = ARN + "ssm" + REGION_ACCOUNT + "parameter";
        def(
                "SSMParameterReadPolicy",
                s("ssm:DescribeParameters", "*"),
                s("ssm:GetParameters,ssm:GetParameter," + "ssm:GetParametersByPath", param + "/${ParameterName}"));
        def(
                "SSMParameterWithSlashPrefixReadPolicy",
                s("ssm:DescribeParameters", "*"),
                s("ssm:GetParameters," + "ssm:GetParameter,ssm:GetParametersByPath", param + "${ParameterName}"));
        def("AWSSecretsManagerGetSecretValuePolicy", s("secretsmanager:GetSecretValue", "${SecretArn}"));
        def(
                "AWSSecretsManagerRotationPolicy",
                sc(
                        "secretsmanager:DescribeSecret,secretsmanager:GetSecretValue,"
                                + "secretsmanager:PutSecretValue,secretsmanager:UpdateSecretVersionStage",
                        new String[] {
                            "StringEquals",
                            "secretsmanager:resource/AllowRotationLambdaArn",
                            ARN + "lambda" + REGION_ACCOUNT + "function:${FunctionName}"
                        },
                        ARN + "secretsmanager" + REGION_ACCOUNT + "secret:*"),
                s("secretsmanager:GetRandomPassword", "*"));
        def(
                "EventBridgePutEventsPolicy",
                s("events:PutEvents", ARN + "events" + REGION_ACCOUNT + "event-bus/${EventBusName}"));
        def("AcmGetCertificatePolicy", s("acm:GetCertificate", "${CertificateArn}"));
        def(
                "Route53ChangeResourceRecordSetsPolicy",
                s("route53:ChangeResourceRecordSets", ARN + "route53:::hostedzone/${HostedZoneId}"));
        def(
                "EFSWriteAccessPolicy",
                sc(
                        "elasticfilesystem:ClientMount,elasticfilesystem:ClientWrite",
                        new String[] {
                            "StringEquals",
                            "elasticfilesystem:AccessPointArn",
                            ARN + "elasticfilesystem" + REGION_ACCOUNT + "access-point/${AccessPoint}"
                        },
                        ARN + "elasticfilesystem" + REGION_ACCOUNT + "file-system/${FileSystem}"));
        String workgroup = ARN + "athena" + REGION_ACCOUNT + "workgroup/${WorkGroupName}";
        def(
                "AthenaQueryPolicy",
                s(
                        "athena:ListWorkGroups,athena:GetExecutionEngine,athena:GetExecutionEngines,"
                                + "athena:GetNamespace,athena:GetCatalogs,athena:GetNamespaces,athena:GetTables,athena:GetTable",
                        "*"),
                s(
                        "athena:StartQueryExecution,athena:GetQueryResults,athena:DeleteNamedQuery,"
                                + "athena:GetNamedQuery,athena:ListQueryExecutions,athena:StopQueryExecution,"
                                + "athena:GetQueryResultsStream,athena:ListNamedQueries,athena:CreateNamedQuery,"
                                + "athena:GetQueryExecution,athena:BatchGetNamedQuery,athena:BatchGetQueryExecution,"
                                + "athena:GetWorkGroup",
                        workgroup));
        def(
                "SageMakerCreateEndpointPolicy",
                s("sagemaker:CreateEndpoint", ARN + "sagemaker" + REGION_ACCOUNT + "endpoint/${EndpointName}"));
        def(
                "SageMakerCreateEndpointConfigPolicy",
                s(
                        "sagemaker:CreateEndpointConfig",
                        ARN + "sagemaker" + REGION_ACCOUNT + "endpoint-config/${EndpointConfigName}"));
    }

    /** True when {@code name} is a policy template this table knows. */
    public static boolean isKnown(String name) {
        return TEMPLATES.containsKey(name);
    }

    /**
     * The statements of template {@code name} with {@code parameters} (the map given after the name), or null when
     * the template is unknown.
     */
    public static List<Node> statements(String name, MapNode parameters, Location at) {
        List<Stmt> spec = TEMPLATES.get(name);
        if (spec == null) {
            return null;
        }
        List<Node> out = new ArrayList<>();
        for (Stmt st : spec) {
            Obj o = new Obj(at).put("Effect", "Allow");
            o.put("Action", Nodes.strings(at, st.actions().toArray(String[]::new)));
            List<Node> resources = new ArrayList<>();
            for (String r : st.resources()) {
                resources.add(resource(r, parameters, at));
            }
            o.put("Resource", Nodes.seq(at, resources));
            if (st.condition() != null) {
                MapNode inner = Nodes.single(st.condition()[1], resource(st.condition()[2], parameters, at), at);
                o.put("Condition", Nodes.single(st.condition()[0], inner, at));
            }
            out.add(o.build());
        }
        return out;
    }

    private static Node resource(String pattern, MapNode parameters, Location at) {
        if (pattern.equals("*")) {
            return Nodes.str("*", at);
        }
        Obj vars = new Obj(at);
        int i = 0;
        while ((i = pattern.indexOf("${", i)) >= 0) {
            int end = pattern.indexOf('}', i);
            String name = pattern.substring(i + 2, end);
            if (!name.startsWith("AWS::") && !vars.has(name)) {
                Node given = parameters == null ? null : parameters.get(name);
                if (given == null) {
                    given = Nodes.unresolved("policy template parameter " + name + " not given", at);
                }
                if (pattern.equals("${" + name + "}")) {
                    return given;
                }
                vars.put(name, parameters != null && parameters.has(name) ? parameters.keyLocation(name) : at, given);
            }
            i = end + 1;
        }
        MapNode v = vars.build();
        return v.size() == 0 ? Nodes.sub(pattern, at) : Nodes.sub(pattern, v, at);
    }
}
