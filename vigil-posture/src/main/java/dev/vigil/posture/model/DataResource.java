package dev.vigil.posture.model;

import dev.vigil.posture.source.Location;
import java.util.Map;

/**
 * A resource that holds or carries data: bucket, queue, topic, table, key, stream, secret, log group, GraphQL API,
 * identity pool. Security-relevant settings are normalised into {@code settings} under documented names (see
 * {@link Setting}), so a check never reads CloudFormation property names.
 *
 * <p>A setting the template does not state is absent (null), unless {@link Setting} documents the value that AWS
 * applies by default (e.g. {@link Setting#ENCRYPTION}), in which case that value is located at the resource.
 *
 * @param id logical id
 * @param kind what it is
 * @param cfnType the CloudFormation type it was declared as
 * @param location where declared
 * @param settings normalised settings by name
 * @param origin the construct it was lowered from (e.g. {@code serverless.yml functions.hello} for a function's log
 *     group), or null when the template declares it as CloudFormation
 */
public record DataResource(
        String id, Kind kind, String cfnType, Location location, Map<String, Value> settings, String origin) {

    /** Data resource kinds. */
    public enum Kind {
        BUCKET,
        QUEUE,
        TOPIC,
        TABLE,
        KEY,
        STREAM,
        SECRET,
        LOG_GROUP,
        GRAPHQL_API,
        IDENTITY_POOL,
        STATE_MACHINE,
        EVENT_BUS,
        FUNCTION,
        OTHER
    }

    /** Names of normalised settings, and the values each can take. */
    public static final class Setting {
        private Setting() {}

        /**
         * Encryption at rest, one of {@link #NONE}, {@link #AWS_OWNED} (a key the service owns, e.g. SSE-S3, SSE-SQS,
         * DynamoDB's default), {@link #AWS_MANAGED} (the account's {@code aws/<service>} KMS key) or
         * {@link #CUSTOMER_KEY} (a customer-managed KMS key). Located at the key that decides it, or at the resource
         * when nothing is stated. Symbolic when a deciding switch is only known at deploy time.
         */
        public static final String ENCRYPTION = "encryption";

        /** {@link #ENCRYPTION}: not encrypted at rest. */
        public static final String NONE = "none";

        /** {@link #ENCRYPTION}: a key owned by the service, invisible to the account. */
        public static final String AWS_OWNED = "aws-owned";

        /** {@link #ENCRYPTION}: the account's AWS-managed key {@code alias/aws/<service>}. */
        public static final String AWS_MANAGED = "aws-managed";

        /** {@link #ENCRYPTION}: a customer-managed KMS key. */
        public static final String CUSTOMER_KEY = "customer-key";

        /** The KMS key reference as written (ARN, alias, key id or expression); absent when none is given. */
        public static final String KMS_KEY = "kms-key";

        /** The physical name when the template sets one (BucketName, QueueName, TopicName, TableName...). */
        public static final String NAME = "name";

        /** S3 canned ACL as written, e.g. {@code Private}, {@code PublicRead}. */
        public static final String ACL = "acl";

        /**
         * S3: {@code true} (at the configuration's key) when the template declares a PublicAccessBlockConfiguration.
         * Without one, new buckets get all four Block Public Access settings on; with one, each setting it leaves out
         * is off.
         */
        public static final String PUBLIC_ACCESS_BLOCK = "public-access-block";

        /** S3 Block Public Access: {@code true}/{@code false}; absent when the configuration does not state it. */
        public static final String BLOCK_PUBLIC_ACLS = "block-public-acls";

        /** S3 Block Public Access: ignore public ACLs. */
        public static final String IGNORE_PUBLIC_ACLS = "ignore-public-acls";

        /** S3 Block Public Access: reject public bucket policies. */
        public static final String BLOCK_PUBLIC_POLICY = "block-public-policy";

        /** S3 Block Public Access: restrict access under a public policy to AWS services and the owner account. */
        public static final String RESTRICT_PUBLIC_BUCKETS = "restrict-public-buckets";

        /**
         * S3 object ownership as written ({@code BucketOwnerEnforced} disables ACLs, {@code ObjectWriter},
         * {@code BucketOwnerPreferred}); absent when not stated.
         */
        public static final String OBJECT_OWNERSHIP = "object-ownership";

        /** {@code true} when the bucket hosts a static website; located at the website configuration. */
        public static final String WEBSITE = "website";

        /** KMS key: automatic rotation of key material, {@code true}/{@code false} ({@code false} at the resource when absent). */
        public static final String KEY_ROTATION = "key-rotation";

        /** KMS key spec, e.g. {@code SYMMETRIC_DEFAULT} (at the resource when absent), {@code RSA_2048}, {@code HMAC_256}. */
        public static final String KEY_SPEC = "key-spec";

        /** KMS key origin as written ({@code AWS_KMS} when absent, {@code EXTERNAL}, {@code AWS_CLOUDHSM}...). */
        public static final String KEY_ORIGIN = "key-origin";

        /** KMS key: whether the template gives a key policy; {@code false} (at the resource) when it does not. */
        public static final String KEY_POLICY = "key-policy";

        /**
         * DynamoDB point-in-time recovery, {@code true}/{@code false}: {@code false} at the specification, or at the
         * resource, when not stated; for a global table, the first replica without it.
         */
        public static final String PITR = "pitr";

        /** DynamoDB billing mode as written ({@code PROVISIONED}, {@code PAY_PER_REQUEST}, anything else). */
        public static final String BILLING_MODE = "billing-mode";

        /** DynamoDB: {@code true} when provisioned read/write capacity is set. */
        public static final String PROVISIONED_THROUGHPUT = "provisioned-throughput";

        /** Log group retention in days; absent means logs never expire. */
        public static final String RETENTION_DAYS = "retention-days";

        /** State machine / log destination logging level, e.g. {@code ALL}, {@code OFF}. */
        public static final String LOGGING_LEVEL = "logging-level";
    }

    public DataResource {
        settings = Map.copyOf(settings);
    }

    /** A setting, or null. */
    public Value setting(String name) {
        return settings.get(name);
    }

    /** True when setting {@code name} is literally {@code expected} (ignoring case). */
    public boolean settingIs(String name, String expected) {
        Value v = settings.get(name);
        return v != null && v.is(expected);
    }

    /** Where to report about setting {@code name}: where it is written, else the resource. */
    public Location locationOf(String name) {
        Value v = settings.get(name);
        return v == null || v.location() == null ? location : v.location();
    }
}
