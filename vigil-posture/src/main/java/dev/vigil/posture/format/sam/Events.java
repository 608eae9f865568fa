package dev.vigil.posture.format.sam;

import dev.vigil.posture.source.Location;
import dev.vigil.posture.source.MapNode;
import dev.vigil.posture.source.Node;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Lowers the {@code Events} of SAM functions and state machines: event source mappings, SNS subscriptions, S3 and
 * Cognito triggers (added to the bucket or pool written in the template), EventBridge rules and schedules, log
 * subscriptions, IoT rules, and the {@code AWS::Lambda::Permission} each needs. API events go to {@link Apis}.
 */
final class Events {
    private static final String[] MAPPING_KEYS = {
        "BatchSize",
        "BisectBatchOnFunctionError",
        "DestinationConfig",
        "Enabled",
        "FilterCriteria",
        "FunctionResponseTypes",
        "MaximumBatchingWindowInSeconds",
        "MaximumRecordAgeInSeconds",
        "MaximumRetryAttempts",
        "ParallelizationFactor",
        "Queues",
        "ScalingConfig",
        "SourceAccessConfigurations",
        "StartingPosition",
        "StartingPositionTimestamp",
        "Topics",
        "TumblingWindowInSeconds",
        "KmsKeyArn",
        "MetricsConfig",
        "ProvisionedPollerConfig",
        "DocumentDBEventSourceConfig",
        "AmazonManagedKafkaEventSourceConfig",
        "SelfManagedKafkaEventSourceConfig"
    };

    private final SamLowering sam;
    /** Bucket logical id to the LambdaConfigurations S3 events add to it. */
    private final Map<String, List<Node>> bucketTriggers = new LinkedHashMap<>();
    /** User pool logical id to the LambdaConfig entries Cognito events add to it. */
    private final Map<String, List<MapNode.Entry>> poolTriggers = new LinkedHashMap<>();

    Events(SamLowering sam) {
        this.sam = sam;
    }

    void functionEvent(FunctionLowering fn, String fnId, MapNode.Entry event, MapNode body) {
        String name = event.key();
        Location at = event.keyLocation();
        if (!(event.value() instanceof MapNode ev)) {
            sam.out.problem(at, "event " + name + " of " + fnId + " is not a map");
            return;
        }
        String type = ev.text("Type");
        MapNode p = ev.map("Properties");
        if (p == null) {
            p = new MapNode(List.of(), at);
        }
        String base = fnId + name;
        String origin = fn.origin() + " event " + name;
        if (type == null) {
            sam.out.problem(at, "event " + name + " of " + fnId + " has no Type");
            return;
        }
        switch (type) {
            case "Api" -> sam.apis.restEvent(fnId, name, p, at, origin, body);
            case "HttpApi" -> sam.apis.httpEvent(fnId, name, p, at, origin, body);
            case "SQS" -> mapping(fn, base, fnId, p, "Queue", at, origin, body, "AWSLambdaSQSQueueExecutionRole");
            case "Kinesis" -> mapping(fn, base, fnId, p, "Stream", at, origin, body, "AWSLambdaKinesisExecutionRole");
            case "DynamoDB" -> mapping(fn, base, fnId, p, "Stream", at, origin, body, "AWSLambdaDynamoDBExecutionRole");
            case "MSK" -> mapping(fn, base, fnId, p, "Stream", at, origin, body, "AWSLambdaMSKExecutionRole");
            case "MQ" -> mapping(fn, base, fnId, p, "Broker", at, origin, body, null);
            case "DocumentDB" -> mapping(fn, base, fnId, p, "Cluster", at, origin, body, null);
            case "SelfManagedKafka" -> selfManagedKafka(fn, base, fnId, p, at, origin, body);
            case "SNS" -> sns(base, fnId, p, at, origin, body);
            case "S3" -> s3(base, fnId, p, at, origin, body);
            case "Schedule", "CloudWatchEvent", "EventBridgeRule" ->
                rule(type, base, Nodes.getAtt(fnId, "Arn", at), null, p, at, origin, body);
            case "ScheduleV2" -> scheduleV2(base, fnId, p, at, origin, body);
            case "CloudWatchLogs" -> logs(base, fnId, p, at, origin, body);
            case "IoTRule" -> iot(base, fnId, p, at, origin, body);
            case "AlexaSkill" -> {
                Out.Res r =
                        sam.permission(base + "Permission", fnId, "alexa-appkit.amazon.com", null, at, origin, body);
                r.props.copy(p, "SkillId", "EventSourceToken");
            }
            case "CognitoUserPool" -> cognito(base, fnId, p, at, origin, body);
            default -> sam.out.problem(at, "event type " + type + " of " + fnId + " is not lowered");
        }
        if (type.equals("Schedule") || type.equals("CloudWatchEvent") || type.equals("EventBridgeRule")) {
            sam.permission(
                    base + "Permission", fnId, "events.amazonaws.com", Nodes.getAtt(base, "Arn", at), at, origin, body);
        }
    }

    private void mapping(
            FunctionLowering fn,
            String base,
            String fnId,
            MapNode p,
            String sourceKey,
            Location at,
            String origin,
            MapNode body,
            String policy) {
        Obj m = new Obj(at).put("FunctionName", Nodes.ref(fnId, at)).copy(p, sourceKey, "EventSourceArn");
        m.copyAll(p, MAPPING_KEYS);
        sam.out.generated(base, "AWS::Lambda::EventSourceMapping", m, at, origin, body);
        if (policy != null) {
            fn.needsManagedPolicy(policy, at);
        }
    }

    private void selfManagedKafka(
            FunctionLowering fn, String base, String fnId, MapNode p, Location at, String origin, MapNode body) {
        Obj m = new Obj(at).put("FunctionName", Nodes.ref(fnId, at)).copyAll(p, MAPPING_KEYS);
        if (p.has("KafkaBootstrapServers")) {
            Location k = p.keyLocation("KafkaBootstrapServers");
            m.put(
                    "SelfManagedEventSource",
                    k,
                    Nodes.single(
                            "Endpoints",
                            new Obj(k).copy(p, "KafkaBootstrapServers").build(),
                            k));
        }
        sam.out.generated(base, "AWS::Lambda::EventSourceMapping", m, at, origin, body);
    }

    private void sns(String base, String fnId, MapNode p, Location at, String origin, MapNode body) {
        Obj s = new Obj(at)
                .put("Protocol", "lambda")
                .put("Endpoint", Nodes.getAtt(fnId, "Arn", at))
                .copy(p, "Topic", "TopicArn")
                .copyAll(p, "FilterPolicy", "FilterPolicyScope", "Region", "RedrivePolicy");
        sam.out.generated(base, "AWS::SNS::Subscription", s, at, origin, body);
        sam.permission(base + "Permission", fnId, "sns.amazonaws.com", p.get("Topic"), at, origin, body);
        if (p.has("SqsSubscription")) {
            sam.out.problem(
                    p.keyLocation("SqsSubscription"),
                    "SNS SqsSubscription is not lowered (the queue SAM creates is not modelled)");
        }
    }

    private void s3(String base, String fnId, MapNode p, Location at, String origin, MapNode body) {
        String bucket = sam.refTarget(p.get("Bucket"));
        Obj perm = sam.permission(base + "Permission", fnId, "s3.amazonaws.com", null, at, origin, body).props;
        perm.put("SourceAccount", Nodes.ref("AWS::AccountId", at));
        if (bucket == null) {
            sam.out.problem(at, "S3 event " + base + ": Bucket must be a !Ref to a bucket in this template");
            return;
        }
        perm.put("SourceArn", Nodes.join(at, Nodes.str("arn:aws:s3:::", at), Nodes.ref(bucket, at)));
        for (Node event : Nodes.items(p.get("Events"))) {
            Obj cfg = new Obj(at)
                    .put("Event", event)
                    .put("Function", Nodes.getAtt(fnId, "Arn", at))
                    .copy(p, "Filter");
            bucketTriggers.computeIfAbsent(bucket, k -> new ArrayList<>()).add(cfg.build());
        }
    }

    private void cognito(String base, String fnId, MapNode p, Location at, String origin, MapNode body) {
        String pool = sam.refTarget(p.get("UserPool"));
        if (pool == null) {
            sam.out.problem(
                    at, "CognitoUserPool event " + base + ": UserPool must be a !Ref to a pool in this template");
            return;
        }
        sam.permission(
                base + "Permission",
                fnId,
                "cognito-idp.amazonaws.com",
                Nodes.getAtt(pool, "Arn", at),
                at,
                origin,
                body);
        for (Node trigger : Nodes.items(p.get("Trigger"))) {
            String t = trigger.text();
            if (t != null) {
                poolTriggers
                        .computeIfAbsent(pool, k -> new ArrayList<>())
                        .add(new MapNode.Entry(t, trigger.location(), Nodes.getAtt(fnId, "Arn", trigger.location())));
            }
        }
    }

    /**
     * An {@code AWS::Events::Rule} for a Schedule, CloudWatchEvent or EventBridgeRule event, targeting {@code arn}
     * (with {@code roleArn} when the target needs a role, as state machines do).
     */
    void rule(String type, String id, Node arn, Node roleArn, MapNode p, Location at, String origin, MapNode body) {
        Obj r = new Obj(at);
        if (type.equals("Schedule")) {
            r.copy(p, "Schedule", "ScheduleExpression");
        } else {
            r.copy(p, "Pattern", "EventPattern").copy(p, "EventBusName");
        }
        r.copyAll(p, "Description", "Name", "State", "RoleArn");
        if (!p.has("State") && p.has("Enabled")) {
            Node enabled = p.get("Enabled");
            boolean off = enabled instanceof dev.vigil.posture.source.ScalarNode s && s.isFalse();
            r.put("State", p.keyLocation("Enabled"), Nodes.str(off ? "DISABLED" : "ENABLED", enabled.location()));
        }
        MapNode target = p.map("Target");
        Obj t = new Obj(at)
                .put("Arn", arn)
                .put("Id", target != null && target.has("Id") ? target.get("Id") : Nodes.str(id + "Target", at));
        t.copyAll(p, "Input", "InputPath", "InputTransformer", "RetryPolicy");
        t.put("RoleArn", roleArn);
        MapNode dlq = p.map("DeadLetterConfig");
        if (dlq != null && dlq.has("Arn")) {
            Location d = p.keyLocation("DeadLetterConfig");
            t.put("DeadLetterConfig", d, new Obj(d).copy(dlq, "Arn").build());
        }
        r.put("Targets", Nodes.seq(at, t.build()));
        sam.out.generated(id, "AWS::Events::Rule", r, at, origin, body);
    }

    private void scheduleV2(String base, String fnId, MapNode p, Location at, String origin, MapNode body) {
        Node roleArn = p.get("RoleArn");
        if (roleArn == null) {
            Obj role = new Obj(at)
                    .put("AssumeRolePolicyDocument", SamLowering.trust("scheduler.amazonaws.com", at))
                    .put(
                            "Policies",
                            Nodes.seq(
                                    at,
                                    SamLowering.inlinePolicy(
                                            base + "LambdaPolicy",
                                            SamLowering.document(
                                                    at,
                                                    List.of(SamLowering.allow(
                                                            at,
                                                            Nodes.getAtt(fnId, "Arn", at),
                                                            "lambda:InvokeFunction"))),
                                            at)))
                    .copy(p, "PermissionsBoundary");
            Out.Res r = sam.out.generated(base + "Role", "AWS::IAM::Role", role, at, origin, body);
            roleArn = Nodes.getAtt(r.id, "Arn", at);
        }
        Obj s = new Obj(at)
                .copyAll(
                        p,
                        "ScheduleExpression",
                        "ScheduleExpressionTimezone",
                        "Name",
                        "Description",
                        "GroupName",
                        "KmsKeyArn",
                        "State",
                        "StartDate",
                        "EndDate");
        s.put(
                "FlexibleTimeWindow",
                p.has("FlexibleTimeWindow")
                        ? p.get("FlexibleTimeWindow")
                        : Nodes.single("Mode", Nodes.str("OFF", at), at));
        Obj t = new Obj(at)
                .put("Arn", Nodes.getAtt(fnId, "Arn", at))
                .put("RoleArn", roleArn)
                .copyAll(p, "Input", "RetryPolicy");
        MapNode dlq = p.map("DeadLetterConfig");
        if (dlq != null && dlq.has("Arn")) {
            t.put(
                    "DeadLetterConfig",
                    p.keyLocation("DeadLetterConfig"),
                    new Obj(at).copy(dlq, "Arn").build());
        }
        s.put("Target", t.build());
        sam.out.generated(base, "AWS::Scheduler::Schedule", s, at, origin, body);
    }

    private void logs(String base, String fnId, MapNode p, Location at, String origin, MapNode body) {
        Obj f = new Obj(at)
                .copyAll(p, "LogGroupName", "FilterPattern")
                .put("DestinationArn", Nodes.getAtt(fnId, "Arn", at));
        sam.out.generated(base, "AWS::Logs::SubscriptionFilter", f, at, origin, body);
        Node group = p.get("LogGroupName");
        MapNode vars = new Obj(at)
                .put("LogGroup", group == null ? Nodes.unresolved("no LogGroupName", at) : group)
                .build();
        sam.permission(
                base + "Permission",
                fnId,
                "logs.amazonaws.com",
                Nodes.sub(
                        "arn:${AWS::Partition}:logs:${AWS::Region}:${AWS::AccountId}:log-group:${LogGroup}:*",
                        vars,
                        at),
                at,
                origin,
                body);
    }

    private void iot(String base, String fnId, MapNode p, Location at, String origin, MapNode body) {
        MapNode action = Nodes.single("Lambda", Nodes.single("FunctionArn", Nodes.getAtt(fnId, "Arn", at), at), at);
        Obj payload = new Obj(at)
                .copy(p, "Sql")
                .copy(p, "AwsIotSqlVersion")
                .put("RuleDisabled", Nodes.bool(false, at))
                .put("Actions", Nodes.seq(at, action));
        Out.Res rule = sam.out.generated(
                base, "AWS::IoT::TopicRule", new Obj(at).put("TopicRulePayload", payload.build()), at, origin, body);
        MapNode vars = new Obj(at).put("Rule", Nodes.ref(rule.id, at)).build();
        Out.Res perm = sam.permission(
                base + "Permission",
                fnId,
                "iot.amazonaws.com",
                Nodes.sub("arn:${AWS::Partition}:iot:${AWS::Region}:${AWS::AccountId}:rule/${Rule}", vars, at),
                at,
                origin,
                body);
        perm.props.put("SourceAccount", Nodes.ref("AWS::AccountId", at));
    }

    /** Adds the S3 and Cognito triggers to the buckets and pools they name. */
    void finish() {
        for (Map.Entry<String, List<Node>> e : bucketTriggers.entrySet()) {
            Out.Res bucket = sam.out.resources.get(e.getKey());
            if (bucket == null || !bucket.type.equals("AWS::S3::Bucket")) {
                sam.out.problem(
                        sam.root.location(), "S3 events name " + e.getKey() + ", which is not an AWS::S3::Bucket");
                continue;
            }
            Node existing = bucket.props.get("NotificationConfiguration");
            Obj config = new Obj(existing == null ? bucket.location : existing.location());
            List<Node> configs = new ArrayList<>();
            if (existing instanceof MapNode m && !Nodes.isIntrinsic(m)) {
                for (MapNode.Entry me : m.entries()) {
                    if (me.key().equals("LambdaConfigurations")) {
                        configs.addAll(Nodes.items(me.value()));
                    } else {
                        config.append(me);
                    }
                }
            }
            configs.addAll(e.getValue());
            config.put("LambdaConfigurations", Nodes.seq(config.location(), configs));
            bucket.props.put("NotificationConfiguration", config.location(), config.build());
        }
        for (Map.Entry<String, List<MapNode.Entry>> e : poolTriggers.entrySet()) {
            Out.Res pool = sam.out.resources.get(e.getKey());
            if (pool == null || !pool.type.equals("AWS::Cognito::UserPool")) {
                sam.out.problem(
                        sam.root.location(),
                        "Cognito events name " + e.getKey() + ", which is not an AWS::Cognito::UserPool");
                continue;
            }
            Node existing = pool.props.get("LambdaConfig");
            Obj config = new Obj(existing == null ? pool.location : existing.location());
            java.util.Map<String, MapNode.Entry> triggers = new LinkedHashMap<>();
            for (MapNode.Entry t : e.getValue()) {
                triggers.put(t.key(), t);
            }
            if (existing instanceof MapNode m && !Nodes.isIntrinsic(m)) {
                for (MapNode.Entry me : m.entries()) {
                    if (!triggers.containsKey(me.key())) {
                        config.append(me);
                    }
                }
            }
            triggers.values().forEach(config::append);
            pool.props.put("LambdaConfig", config.location(), config.build());
        }
    }
}
