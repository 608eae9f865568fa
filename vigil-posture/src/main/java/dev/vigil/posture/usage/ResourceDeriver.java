package dev.vigil.posture.usage;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.posture.iam.ActionCatalog;
import dev.vigil.posture.usage.activity.ApiCall;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The resources one call touched, as ARNs for an action's {@code Resource}: the ARNs the record itself names
 * ({@code resources[]}) and those derivable from the request parameters (bucket and key, function name, table,
 * queue URL, topic, role, secret, parameter, key, stream, log group …), with partition, region and account from the
 * record. Kept are those that fit the action's resource types in the catalogue. An action the catalogue lists without
 * resource types gets {@code *}; an action whose resource could not be derived gets its catalogue ARN pattern with
 * placeholders such as {@code ${BucketName}} left for the user.
 */
final class ResourceDeriver {

    /** {@code Resource} for actions without resource-level permissions. */
    static final String ANY = "*";

    /**
     * Well-known actions that work with {@code Resource: *}: without the catalogue they get {@code *}; with it, they
     * get {@code *} when no resource was derived (the catalogue lists only optional resource types for them).
     */
    private static final Set<String> RESOURCELESS = Set.of(
            "s3:ListAllMyBuckets",
            "sts:GetCallerIdentity",
            "cloudwatch:PutMetricData",
            "cloudwatch:GetMetricData",
            "cloudwatch:ListMetrics",
            "xray:PutTraceSegments",
            "xray:PutTelemetryRecords",
            "xray:GetSamplingRules",
            "xray:GetSamplingTargets",
            "kms:ListKeys",
            "kms:ListAliases",
            "kms:CreateKey",
            "sqs:ListQueues",
            "sns:ListTopics",
            "lambda:ListFunctions",
            "lambda:ListEventSourceMappings",
            "lambda:ListLayers",
            "dynamodb:ListTables",
            "secretsmanager:ListSecrets",
            "secretsmanager:GetRandomPassword",
            "ssm:DescribeParameters",
            "iam:ListRoles",
            "iam:ListUsers",
            "iam:ListPolicies",
            "ecr:GetAuthorizationToken",
            "logs:DescribeLogGroups",
            "events:ListRules",
            "states:ListStateMachines",
            "kinesis:ListStreams",
            "firehose:ListDeliveryStreams",
            "cloudtrail:LookupEvents");

    private final ActionCatalog catalog;
    private final boolean catalogKnown;

    ResourceDeriver(ActionCatalog catalog, boolean catalogKnown) {
        this.catalog = catalog;
        this.catalogKnown = catalogKnown;
    }

    /**
     * Resources for {@code action} as exercised by {@code call}: concrete ARNs, one placeholder ARN, or {@code *}.
     */
    Derived derive(String action, ApiCall call) {
        String prefix = action.substring(0, action.indexOf(':'));
        List<String> patterns = catalogKnown ? catalog.resourceArnPatterns(action) : List.of();
        if (catalogKnown ? patterns.isEmpty() : resourceless(action)) {
            return new Derived(List.of(ANY), false);
        }
        Set<String> candidates = new LinkedHashSet<>(call.resourceArns());
        candidates.addAll(fromParameters(action, call));
        String partition = partitionOf(call);
        List<String> kept = new ArrayList<>();
        for (String arn : candidates) {
            if (fits(action, prefix, arn, patterns)) {
                kept.add(arn);
            }
        }
        if (!kept.isEmpty()) {
            return new Derived(prefix.equals("logs") ? logGroupsWithStreams(kept) : kept, false);
        }
        if (resourceless(action)) {
            // resource types the catalogue lists for these are optional (e.g. CloudWatch metric datasets)
            return new Derived(List.of(ANY), false);
        }
        if (!patterns.isEmpty()) {
            return new Derived(
                    List.of(ArnPatterns.fill(patterns.get(0), partition, call.region(), call.account())), true);
        }
        String service = prefix.equals("s3") ? "" : call.region() == null ? "${Region}" : call.region();
        String account = prefix.equals("s3") ? "" : call.account() == null ? "${Account}" : call.account();
        return new Derived(
                List.of("arn:" + partition + ":" + prefix + ":" + service + ":" + account + ":${Resource}"), true);
    }

    /**
     * CloudWatch Logs authorises log-group actions against {@code log-group:NAME:*}, so a bare log-group ARN gets the
     * {@code :*} suffix it needs; a stream ARN becomes every stream of its group.
     */
    private static List<String> logGroupsWithStreams(List<String> arns) {
        List<String> out = new ArrayList<>();
        for (String a : arns) {
            int stream = a.indexOf(":log-stream:");
            if (stream >= 0) {
                // streams are created with new names all the time: any stream of the group
                out.add(a.substring(0, stream) + ":log-stream:*");
            } else {
                out.add(a.contains(":log-group:") && !a.endsWith(":*") ? a + ":*" : a);
            }
        }
        return out;
    }

    /**
     * Resources of one call.
     *
     * @param arns ARNs (or one placeholder ARN, or {@code *})
     * @param placeholder true when {@code arns} is a pattern the user has to fill in
     */
    record Derived(List<String> arns, boolean placeholder) {}

    private boolean resourceless(String action) {
        if (RESOURCELESS.contains(action)) {
            return true;
        }
        // EC2's Describe* calls do not support resource-level permissions.
        return action.startsWith("ec2:Describe");
    }

    private static boolean fits(String action, String prefix, String arn, List<String> patterns) {
        if (!patterns.isEmpty()) {
            for (String p : patterns) {
                if (ArnPatterns.matches(p, arn)) {
                    return true;
                }
            }
            return false;
        }
        String[] parts = arn.split(":", 6);
        if (parts.length < 6 || !parts[2].equals(prefix)) {
            return false;
        }
        if (prefix.equals("s3")) {
            return objectLevel(action) == parts[5].contains("/");
        }
        if (prefix.equals("logs")) {
            return action.equals("logs:PutLogEvents") == parts[5].contains(":log-stream:");
        }
        return true;
    }

    /** Without the catalogue: S3 actions that act on objects rather than buckets. */
    private static boolean objectLevel(String action) {
        String a = action.substring(3);
        return (a.contains("Object") && !a.contains("Bucket") && !a.equals("ListObjects"))
                || a.equals("AbortMultipartUpload")
                || a.equals("ListMultipartUploadParts");
    }

    private static String partitionOf(ApiCall call) {
        String r = call.region();
        if (r != null && r.startsWith("cn-")) {
            return "aws-cn";
        }
        if (r != null && r.startsWith("us-gov-")) {
            return "aws-us-gov";
        }
        return "aws";
    }

    /** ARNs derivable from the request parameters of a call authorised by {@code action}. */
    static List<String> fromParameters(String action, ApiCall call) {
        String prefix = action.substring(0, action.indexOf(':'));
        JsonNode p = call.requestParameters();
        List<String> out = new ArrayList<>();
        if (p == null) {
            return out;
        }
        String part = partitionOf(call);
        String head = "arn:" + part + ":" + prefix + ":" + or(call.region(), "${Region}") + ":"
                + or(call.account(), "${Account}") + ":";
        switch (prefix) {
            case "s3" -> {
                String bucket = text(p, "bucketName");
                if (bucket != null) {
                    out.add("arn:" + part + ":s3:::" + bucket);
                    String key = text(p, "key");
                    if (key != null) {
                        out.add("arn:" + part + ":s3:::" + bucket + "/" + escapeIamWildcards(key));
                    }
                }
            }
            case "dynamodb" -> {
                String table = text(p, "tableName");
                if (table != null) {
                    out.add(head + "table/" + table);
                    String index = text(p, "indexName");
                    if (index != null) {
                        out.add(head + "table/" + table + "/index/" + index);
                    }
                }
                JsonNode items = p.get("requestItems");
                if (items != null && items.isObject()) {
                    items.fieldNames().forEachRemaining(t -> out.add(head + "table/" + t));
                }
                for (JsonNode item : p.path("transactItems")) {
                    for (JsonNode op : item) {
                        String t = text(op, "tableName");
                        if (t != null) {
                            out.add(head + "table/" + t);
                        }
                    }
                }
                addArn(out, text(p, "streamArn"));
                addArn(out, text(p, "tableArn"));
            }
            case "lambda" -> {
                String fn = text(p, "functionName");
                if (fn != null) {
                    out.add(lambdaArn(head, fn, text(p, "qualifier")));
                }
                String layer = text(p, "layerName");
                if (layer != null) {
                    out.add(layer.startsWith("arn:") ? layer : head + "layer:" + layer);
                }
            }
            case "sqs" -> {
                String url = text(p, "queueUrl");
                if (url != null) {
                    addArn(out, queueArn(url, part));
                }
                String name = text(p, "queueName");
                if (name != null) {
                    out.add(head + name);
                }
            }
            case "sns" -> {
                addArn(out, text(p, "topicArn"));
                addArn(out, text(p, "targetArn"));
                String name = text(p, "name");
                if (name != null && !name.startsWith("arn:")) {
                    out.add(head + name);
                }
            }
            case "iam" -> {
                String acct = or(call.account(), "${Account}");
                String iam = "arn:" + part + ":iam::" + acct + ":";
                name(out, p, "roleName", iam + "role/");
                name(out, p, "userName", iam + "user/");
                name(out, p, "groupName", iam + "group/");
                name(out, p, "instanceProfileName", iam + "instance-profile/");
                addArn(out, text(p, "policyArn"));
                addArn(out, text(p, "roleArn"));
            }
            case "sts" -> addArn(out, text(p, "roleArn"));
            case "secretsmanager" -> {
                secret(out, head, text(p, "secretId"));
                for (JsonNode id : p.path("secretIdList")) {
                    secret(out, head, id.isTextual() ? id.asText() : null);
                }
                String name = text(p, "name");
                if (name != null) {
                    secret(out, head, name);
                }
            }
            case "ssm" -> {
                if (action.contains("Document")) {
                    name(out, p, "name", head + "document/");
                    break;
                }
                if (!action.contains("Parameter")) {
                    break;
                }
                parameter(out, head, text(p, "name"));
                parameter(out, head, text(p, "path"));
                for (JsonNode n : p.path("names")) {
                    parameter(out, head, n.isTextual() ? n.asText() : null);
                }
            }
            case "kms" -> {
                String key = text(p, "keyId");
                if (key != null) {
                    if (key.startsWith("arn:")) {
                        out.add(key);
                    } else if (!key.startsWith("alias/")) {
                        out.add(head + "key/" + key);
                    }
                }
            }
            case "kinesis" -> {
                name(out, p, "streamName", head + "stream/");
                addArn(out, text(p, "streamARN"));
                addArn(out, text(p, "streamArn"));
                addArn(out, text(p, "consumerARN"));
            }
            case "firehose" -> name(out, p, "deliveryStreamName", head + "deliverystream/");
            case "logs" -> {
                String group = text(p, "logGroupName");
                if (group != null) {
                    out.add(head + "log-group:" + group);
                    String stream = text(p, "logStreamName");
                    out.add(head + "log-group:" + group + ":log-stream:"
                            + (stream == null ? "*" : escapeIamWildcards(stream)));
                }
            }
            case "events" -> {
                name(out, p, "eventBusName", head + "event-bus/");
                name(out, p, "name", head + "rule/");
                for (JsonNode e : p.path("entries")) {
                    String bus = text(e, "eventBusName");
                    out.add(
                            bus == null
                                    ? head + "event-bus/default"
                                    : bus.startsWith("arn:") ? bus : head + "event-bus/" + bus);
                }
            }
            case "states" -> {
                addArn(out, text(p, "stateMachineArn"));
                addArn(out, text(p, "executionArn"));
            }
            case "bedrock" -> {
                String model = text(p, "modelId");
                if (model != null) {
                    out.add(
                            model.startsWith("arn:")
                                    ? model
                                    : "arn:" + part + ":bedrock:" + nz(call.region()) + "::foundation-model/" + model);
                }
            }
            case "ec2" -> {
                name(out, p, "instanceId", head + "instance/");
                for (JsonNode i : p.path("instancesSet").path("items")) {
                    name(out, i, "instanceId", head + "instance/");
                }
            }
            default -> {}
        }
        return out;
    }

    /** {@code *}, {@code ?} and {@code $} are special in IAM resource strings; IAM spells them literally like this. */
    static String escapeIamWildcards(String s) {
        if (s.indexOf('*') < 0 && s.indexOf('?') < 0 && s.indexOf('$') < 0) {
            return s;
        }
        StringBuilder b = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '*' -> b.append("${*}");
                case '?' -> b.append("${?}");
                case '$' -> b.append("${$}");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    /** {@code name}, {@code name:alias}, {@code 123:function:name}, or a full ARN. */
    private static String lambdaArn(String head, String fn, String qualifier) {
        if (fn.startsWith("arn:")) {
            return fn;
        }
        String name = fn;
        int i = fn.indexOf(":function:");
        if (i >= 0) {
            name = fn.substring(i + ":function:".length());
        }
        if (qualifier != null && name.indexOf(':') < 0) {
            name = name + ":" + qualifier;
        }
        return head + "function:" + name;
    }

    /** {@code https://sqs.us-east-1.amazonaws.com/123456789012/orders} -> {@code arn:aws:sqs:us-east-1:…:orders}. */
    static String queueArn(String url, String partition) {
        String s = url;
        int scheme = s.indexOf("://");
        if (scheme >= 0) {
            s = s.substring(scheme + 3);
        }
        String[] parts = s.split("/");
        if (parts.length != 3) {
            return null;
        }
        String host = parts[0];
        String region;
        if (host.startsWith("sqs.")) {
            int end = host.indexOf('.', 4);
            region = end < 0 ? null : host.substring(4, end);
        } else if (host.startsWith("queue.amazonaws.com")) {
            region = "us-east-1";
        } else {
            int end = host.indexOf(".queue.amazonaws.com");
            region = end > 0 ? host.substring(0, end) : null;
        }
        if (region == null || !parts[1].matches("\\d{12}")) {
            return null;
        }
        return "arn:" + partition + ":sqs:" + region + ":" + parts[1] + ":" + parts[2];
    }

    private static void secret(List<String> out, String head, String id) {
        if (id == null) {
            return;
        }
        // Secrets Manager appends six random characters to the name in the ARN.
        out.add(id.startsWith("arn:") ? id : head + "secret:" + id + "-??????");
    }

    private static void parameter(List<String> out, String head, String name) {
        if (name == null) {
            return;
        }
        if (name.startsWith("arn:")) {
            out.add(name);
            return;
        }
        out.add(head + "parameter/" + (name.startsWith("/") ? name.substring(1) : name));
    }

    private static void name(List<String> out, JsonNode p, String field, String arnPrefix) {
        String v = text(p, field);
        if (v != null) {
            out.add(v.startsWith("arn:") ? v : arnPrefix + v);
        }
    }

    private static void addArn(List<String> out, String arn) {
        if (arn != null && arn.startsWith("arn:")) {
            out.add(arn);
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static String or(String s, String placeholder) {
        return s == null ? placeholder : s;
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || !v.isTextual()) {
            return null;
        }
        String t = v.asText();
        return t.isEmpty() || t.length() > 2048 ? null : t;
    }
}
