package dev.vigil.posture.format.serverless;

import dev.vigil.posture.source.Intrinsic;
import dev.vigil.posture.source.Location;
import dev.vigil.posture.source.MapNode;
import dev.vigil.posture.source.Node;
import dev.vigil.posture.source.SeqNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A function's {@code events}: API events go to {@link RestApiCompiler} and {@link HttpApiCompiler}; queues, streams,
 * topics, buckets, schedules, EventBridge, ALB, Cognito, IoT, Alexa and CloudWatch Logs events become the resources
 * and invoke permissions the framework generates. Each is located at the event's key. Unknown events are skipped with
 * a problem note.
 */
final class EventCompiler {
    private final Service s;
    private final IamCompiler iam;
    private final RestApiCompiler rest;
    private final HttpApiCompiler http;
    private final Map<String, Output.Res> buckets = new HashMap<>();
    private final Map<String, Integer> counters = new HashMap<>();

    EventCompiler(Service s, IamCompiler iam, RestApiCompiler rest, HttpApiCompiler http) {
        this.s = s;
        this.iam = iam;
        this.rest = rest;
        this.http = http;
    }

    void compile(Service.Function f) {
        SeqNode events = f.body().seq("events");
        if (events == null) {
            return;
        }
        for (Node item : events.items()) {
            if (!(item instanceof MapNode m) || m.size() == 0) {
                continue;
            }
            MapNode.Entry e = m.entries().get(0);
            Node v = e.value();
            Location at = e.keyLocation();
            if (Nodes.isNull(v) || Nodes.isUnresolved(v)) {
                s.problem(at, e.key() + " event of " + f.key() + " has no resolvable settings; skipped");
                continue;
            }
            switch (e.key()) {
                case "http" -> rest.event(f, v, at);
                case "httpApi" -> http.event(f, v, at);
                case "websocket" -> http.websocket(f, v, at);
                case "sqs" -> sqs(f, v, at);
                case "stream" -> stream(f, v, at);
                case "sns" -> sns(f, v, at);
                case "s3" -> s3(f, v, at);
                case "schedule" -> schedule(f, v, at);
                case "eventBridge" -> eventBridge(f, v, at);
                case "cloudwatchEvent" -> cloudwatchEvent(f, v, at);
                case "cloudwatchLog" -> cloudwatchLog(f, v, at);
                case "alb" -> alb(f, v, at);
                case "cognitoUserPool" -> cognito(f, v, at);
                case "iot" -> iot(f, v, at);
                case "alexaSkill" -> alexa(f, v, at, "alexa-appkit.amazon.com", "AlexaSkill");
                case "alexaSmartHome" -> alexa(f, v, at, "alexa-connectedhome.amazon.com", "AlexaSmartHome");
                case "msk", "kafka", "activemq", "rabbitmq" -> brokerMapping(f, e.key(), v, at);
                default -> s.problem(at, "event type " + e.key() + " of " + f.key() + " is not lowered; skipped");
            }
        }
    }

    private int next(Service.Function f, String kind) {
        return counters.merge(f.key() + "/" + kind, 1, Integer::sum);
    }

    private static MapNode cfg(Node v) {
        return v instanceof MapNode m && !Intrinsic.isIntrinsic(m) ? m : Service.EMPTY;
    }

    /** {@code sqs: arn} or {@code {arn, batchSize, …}}. */
    private void sqs(Service.Function f, Node v, Location at) {
        MapNode c = cfg(v);
        Node arn = c == Service.EMPTY ? v : c.get("arn");
        if (arn == null) {
            s.problem(at, "sqs event of " + f.key() + " has no arn; skipped");
            return;
        }
        String id = Names.function(f.key()) + "EventSourceMappingSQS" + Names.alphaNumeric(nameFromArn(arn));
        Output.Res r = s.out.add(id, "AWS::Lambda::EventSourceMapping", at, f.origin());
        r.put("BatchSize", c.get("batchSize") != null ? c.get("batchSize") : Nodes.num(10, at));
        r.put("EventSourceArn", arn);
        r.put("FunctionName", Service.functionArn(f, at));
        r.put("Enabled", c.get("enabled") != null ? c.get("enabled") : Nodes.bool(true, at));
        if (c.get("maximumBatchingWindow") != null) {
            r.put("MaximumBatchingWindowInSeconds", c.get("maximumBatchingWindow"));
        }
        filterCriteria(r, c);
        iam.addStatement(f, at, List.of("sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:GetQueueAttributes"), arn);
    }

    private static void filterCriteria(Output.Res r, MapNode c) {
        if (c.get("filterPatterns") instanceof SeqNode q) {
            List<Node> filters = new ArrayList<>();
            for (Node p : q.items()) {
                filters.add(new Nodes.MapBuilder(p.location()).put("Pattern", p).build());
            }
            r.put(
                    "FilterCriteria",
                    c.keyLocation("filterPatterns"),
                    new Nodes.MapBuilder(q.location())
                            .put("Filters", Nodes.seq(q.location(), filters))
                            .build());
        }
    }

    /** The last segment of an ARN, or the logical id an intrinsic refers to. */
    private static String nameFromArn(Node arn) {
        String t = arn.text();
        if (t != null) {
            int i = Math.max(t.lastIndexOf(':'), t.lastIndexOf('/'));
            return t.substring(i + 1);
        }
        if (Intrinsic.isIntrinsic(arn)) {
            Node a = ((MapNode) arn).entries().get(0).value();
            if (a instanceof SeqNode q && q.size() > 0 && q.items().get(0).text() != null) {
                return q.items().get(0).text();
            }
            if (a.text() != null) {
                String x = a.text();
                return x.contains(".") ? x.substring(0, x.indexOf('.')) : x;
            }
        }
        return "";
    }

    /** {@code stream: arn} or {@code {arn, type, …}}: DynamoDB or Kinesis. */
    private void stream(Service.Function f, Node v, Location at) {
        MapNode c = cfg(v);
        Node arn = c == Service.EMPTY ? v : c.get("arn");
        if (arn == null) {
            s.problem(at, "stream event of " + f.key() + " has no arn; skipped");
            return;
        }
        String type = c.text("type");
        String t = arn.text();
        boolean dynamo = type != null ? type.equalsIgnoreCase("dynamodb") : t != null && t.contains(":dynamodb:");
        String streamName = t != null && dynamo && t.contains("/stream/")
                ? t.substring(t.indexOf(":table/") + 7, t.indexOf("/stream/"))
                : nameFromArn(arn);
        String id = Names.function(f.key()) + "EventSourceMapping" + (dynamo ? "Dynamodb" : "Kinesis")
                + Names.alphaNumeric(streamName);
        Output.Res r = s.out.add(id, "AWS::Lambda::EventSourceMapping", at, f.origin());
        r.put("BatchSize", c.get("batchSize") != null ? c.get("batchSize") : Nodes.num(10, at));
        r.put("EventSourceArn", arn);
        r.put("FunctionName", Service.functionArn(f, at));
        r.put(
                "StartingPosition",
                c.get("startingPosition") != null ? c.get("startingPosition") : Nodes.str("TRIM_HORIZON", at));
        r.put("Enabled", c.get("enabled") != null ? c.get("enabled") : Nodes.bool(true, at));
        if (c.get("destinations") instanceof MapNode d && d.get("onFailure") != null) {
            Node dest = d.get("onFailure") instanceof MapNode dm ? dm.get("arn") : d.get("onFailure");
            r.put(
                    "DestinationConfig",
                    c.keyLocation("destinations"),
                    new Nodes.MapBuilder(at)
                            .put(
                                    "OnFailure",
                                    new Nodes.MapBuilder(at)
                                            .put("Destination", dest)
                                            .build())
                            .build());
        }
        filterCriteria(r, c);
        iam.addStatement(
                f,
                at,
                dynamo
                        ? List.of(
                                "dynamodb:GetRecords",
                                "dynamodb:GetShardIterator",
                                "dynamodb:DescribeStream",
                                "dynamodb:ListStreams")
                        : List.of(
                                "kinesis:GetRecords",
                                "kinesis:GetShardIterator",
                                "kinesis:DescribeStream",
                                "kinesis:DescribeStreamSummary",
                                "kinesis:ListShards",
                                "kinesis:ListStreams"),
                arn);
    }

    /** {@code sns: topicNameOrArn} or {@code {topicName, arn, displayName, filterPolicy}}. */
    private void sns(Service.Function f, Node v, Location at) {
        MapNode c = cfg(v);
        Node arn = c == Service.EMPTY ? (isArn(v) ? v : null) : c.get("arn");
        String topicName = c == Service.EMPTY ? (arn == null ? v.text() : null) : c.text("topicName");
        Node topicArn;
        String normTopic;
        if (arn != null) {
            topicArn = arn;
            normTopic = Names.alphaNumeric(topicName != null ? topicName : nameFromArn(arn));
        } else if (topicName != null) {
            normTopic = Names.alphaNumeric(topicName);
            String topicId = "SNSTopic" + normTopic;
            if (!s.out.has(topicId)) {
                Output.Res t = s.out.add(topicId, "AWS::SNS::Topic", at, f.origin());
                t.put("TopicName", Nodes.str(topicName, at));
                if (c.get("displayName") != null) {
                    t.put("DisplayName", c.keyLocation("displayName"), c.get("displayName"));
                }
                if (c.get("kmsMasterKeyId") != null) {
                    t.put("KmsMasterKeyId", c.keyLocation("kmsMasterKeyId"), c.get("kmsMasterKeyId"));
                }
            }
            topicArn = Nodes.ref(topicId, at);
        } else {
            s.problem(at, "sns event of " + f.key() + " has no topic; skipped");
            return;
        }
        String fn = Names.function(f.key());
        Output.Res sub = s.out.add(fn + "SnsSubscription" + normTopic, "AWS::SNS::Subscription", at, f.origin());
        sub.put("TopicArn", topicArn);
        sub.put("Protocol", Nodes.str("lambda", at));
        sub.put("Endpoint", Service.functionArn(f, at));
        if (c.get("filterPolicy") != null) {
            sub.put("FilterPolicy", c.keyLocation("filterPolicy"), c.get("filterPolicy"));
        }
        Output.Res p = permission(f, fn + "LambdaPermission" + normTopic + "SNS", "sns.amazonaws.com", at);
        p.put("SourceArn", topicArn);
    }

    private static boolean isArn(Node v) {
        String t = v.text();
        return t == null ? Intrinsic.isIntrinsic(v) : t.startsWith("arn:");
    }

    private Output.Res permission(Service.Function f, String id, String principal, Location at) {
        return s.invokePermission(f, id, principal, at);
    }

    /** {@code s3: bucket} or {@code {bucket, event, rules, existing}}; the framework creates the bucket unless existing. */
    private void s3(Service.Function f, Node v, Location at) {
        MapNode c = cfg(v);
        Node bucketNode = c == Service.EMPTY ? v : c.get("bucket");
        if (bucketNode == null || Nodes.isNull(bucketNode) || bucketNode instanceof SeqNode) {
            s.problem(at, "s3 event of " + f.key() + " has no bucket name; skipped");
            return;
        }
        String bucket = bucketNode.text() != null ? bucketNode.text() : nameFromArn(bucketNode);
        MapNode configured = s.providerPath("s3", bucket) instanceof MapNode bm ? bm : null;
        String bucketName = configured != null && configured.text("name") != null ? configured.text("name") : bucket;
        String norm = Names.alphaNumeric(bucketName);
        Node event = c.get("event") != null ? c.get("event") : Nodes.str("s3:ObjectCreated:*", at);
        if (!Nodes.isTrue(c.get("existing"))) {
            String id = "S3Bucket" + norm;
            Output.Res b = buckets.get(id);
            if (b == null) {
                b = s.out.add(id, "AWS::S3::Bucket", at, f.origin());
                b.put("BucketName", Nodes.str(bucketName, at));
                if (configured != null) {
                    for (MapNode.Entry e : configured.entries()) {
                        if (!e.key().equals("name")) {
                            b.put(Names.normalize(e.key()), e.keyLocation(), e.value());
                        }
                    }
                }
                buckets.put(id, b);
            }
            Nodes.MapBuilder lc =
                    new Nodes.MapBuilder(at).put("Event", event).put("Function", Service.functionArn(f, at));
            if (c.get("rules") instanceof SeqNode rules) {
                List<Node> out = new ArrayList<>();
                for (Node rule : rules.items()) {
                    if (rule instanceof MapNode rm && rm.size() > 0) {
                        MapNode.Entry re = rm.entries().get(0);
                        out.add(new Nodes.MapBuilder(re.keyLocation())
                                .put("Name", Nodes.str(re.key(), re.keyLocation()))
                                .put("Value", re.value())
                                .build());
                    }
                }
                lc.put(
                        "Filter",
                        new Nodes.MapBuilder(at)
                                .put(
                                        "S3Key",
                                        new Nodes.MapBuilder(at)
                                                .put("Rules", Nodes.seq(at, out))
                                                .build())
                                .build());
            }
            Node existing = b.property("NotificationConfiguration");
            List<Node> configs = new ArrayList<>();
            if (existing instanceof MapNode em && em.get("LambdaConfigurations") instanceof SeqNode eq) {
                configs.addAll(eq.items());
            }
            configs.add(lc.build());
            b.put(
                    "NotificationConfiguration",
                    new Nodes.MapBuilder(at)
                            .put("LambdaConfigurations", Nodes.seq(at, configs))
                            .build());
        }
        Output.Res p =
                permission(f, Names.function(f.key()) + "LambdaPermission" + norm + "S3", "s3.amazonaws.com", at);
        p.put(
                "SourceArn",
                Nodes.join(
                        "",
                        at,
                        Nodes.str("arn:", at),
                        Nodes.ref("AWS::Partition", at),
                        Nodes.str(":s3:::", at),
                        bucketNode.text() != null || configured != null ? Nodes.str(bucketName, at) : bucketNode));
        p.put("SourceAccount", Nodes.ref("AWS::AccountId", at));
    }

    /** {@code schedule: rate(…)} or {@code {rate, enabled, input, name}}. */
    private void schedule(Service.Function f, Node v, Location at) {
        MapNode c = cfg(v);
        Node rate = c == Service.EMPTY ? v : c.get("rate");
        int n = next(f, "schedule");
        String fn = Names.function(f.key());
        String id = fn + "EventsRuleSchedule" + n;
        Output.Res r = s.out.add(id, "AWS::Events::Rule", at, f.origin());
        List<Node> rates = FunctionCompiler.items(rate);
        if (!rates.isEmpty()) {
            r.put("ScheduleExpression", rates.get(0));
        }
        r.put("State", Nodes.str(Nodes.isFalse(c.get("enabled")) ? "DISABLED" : "ENABLED", at));
        if (c.get("name") != null) {
            r.put("Name", c.get("name"));
        }
        r.put("Targets", Nodes.seq(at, target(f, c, fn + "Schedule", at)));
        permission(f, fn + "LambdaPermissionEventsRuleSchedule" + n, "events.amazonaws.com", at)
                .put("SourceArn", Nodes.getAtt(id, "Arn", at));
    }

    private static MapNode target(Service.Function f, MapNode c, String targetId, Location at) {
        Nodes.MapBuilder t =
                new Nodes.MapBuilder(at).put("Arn", Service.functionArn(f, at)).put("Id", Nodes.str(targetId, at));
        if (c.get("input") != null) {
            t.put("Input", c.get("input"));
        }
        if (c.get("inputPath") != null) {
            t.put("InputPath", c.get("inputPath"));
        }
        return t.build();
    }

    /** {@code eventBridge: {eventBus, pattern, schedule, input}}. */
    private void eventBridge(Service.Function f, Node v, Location at) {
        MapNode c = cfg(v);
        int n = next(f, "eventBridge");
        String fn = Names.function(f.key());
        String id = fn + "EventBridgeRule" + n;
        Output.Res r = s.out.add(id, "AWS::Events::Rule", at, f.origin());
        Node bus = c.get("eventBus");
        if (bus != null && !Nodes.isNull(bus)) {
            String busName = bus.text();
            if (busName != null && !busName.startsWith("arn:") && !busName.equals("default")) {
                String busId = "EventBridgeEventBus" + Names.alphaNumeric(busName);
                if (!s.out.has(busId)) {
                    s.out.add(busId, "AWS::Events::EventBus", c.keyLocation("eventBus"), f.origin())
                            .put("Name", bus);
                }
            }
            r.put("EventBusName", c.keyLocation("eventBus"), bus);
        }
        if (c.get("pattern") != null) {
            r.put("EventPattern", c.keyLocation("pattern"), c.get("pattern"));
        }
        if (c.get("schedule") != null) {
            r.put("ScheduleExpression", c.keyLocation("schedule"), c.get("schedule"));
        }
        r.put("State", Nodes.str(Nodes.isFalse(c.get("enabled")) ? "DISABLED" : "ENABLED", at));
        r.put("Targets", Nodes.seq(at, target(f, c, fn + "EventBridgeTarget" + n, at)));
        permission(f, fn + "LambdaPermissionEventBridge" + n, "events.amazonaws.com", at)
                .put("SourceArn", Nodes.getAtt(id, "Arn", at));
    }

    private void cloudwatchEvent(Service.Function f, Node v, Location at) {
        MapNode c = cfg(v);
        int n = next(f, "cloudwatchEvent");
        String fn = Names.function(f.key());
        String id = fn + "EventsRuleCloudWatchEvent" + n;
        Output.Res r = s.out.add(id, "AWS::Events::Rule", at, f.origin());
        if (c.get("event") != null) {
            r.put("EventPattern", c.keyLocation("event"), c.get("event"));
        }
        r.put("State", Nodes.str(Nodes.isFalse(c.get("enabled")) ? "DISABLED" : "ENABLED", at));
        r.put("Targets", Nodes.seq(at, target(f, c, fn + "CloudWatchEvent" + n, at)));
        permission(f, fn + "LambdaPermissionEventsRuleCloudWatchEvent" + n, "events.amazonaws.com", at)
                .put("SourceArn", Nodes.getAtt(id, "Arn", at));
    }

    private void cloudwatchLog(Service.Function f, Node v, Location at) {
        MapNode c = cfg(v);
        Node group = c == Service.EMPTY ? v : c.get("logGroup");
        int n = next(f, "cloudwatchLog");
        String fn = Names.function(f.key());
        Output.Res r = s.out.add(
                fn + "LogsSubscriptionFilterCloudWatchLog" + n, "AWS::Logs::SubscriptionFilter", at, f.origin());
        r.put("LogGroupName", group);
        r.put("FilterPattern", c.get("filter") != null ? c.get("filter") : Nodes.str("", at));
        r.put("DestinationArn", Service.functionArn(f, at));
        if (!s.out.has(fn + "LambdaPermissionLogsSubscriptionFilterCloudWatchLog")) {
            Output.Res p = s.out.add(
                    fn + "LambdaPermissionLogsSubscriptionFilterCloudWatchLog",
                    "AWS::Lambda::Permission",
                    at,
                    f.origin());
            p.put("FunctionName", Service.functionArn(f, at));
            p.put("Action", Nodes.str("lambda:InvokeFunction", at));
            p.put(
                    "Principal",
                    Nodes.join(
                            "",
                            at,
                            Nodes.str("logs.", at),
                            Nodes.ref("AWS::Region", at),
                            Nodes.str(".amazonaws.com", at)));
        }
    }

    /** {@code alb: {listenerArn, priority, conditions}}: target group, listener rule and the ELB permission. */
    private void alb(Service.Function f, Node v, Location at) {
        MapNode c = cfg(v);
        String fn = Names.function(f.key());
        Node priority = c.get("priority");
        String p = priority == null || priority.text() == null ? String.valueOf(next(f, "alb")) : priority.text();
        String tg = fn + "AlbTargetGroup" + Names.alphaNumeric(p);
        Output.Res t = s.out.add(tg, "AWS::ElasticLoadBalancingV2::TargetGroup", at, f.origin());
        t.put("TargetType", Nodes.str("lambda", at));
        t.put(
                "Targets",
                Nodes.seq(
                        at,
                        new Nodes.MapBuilder(at)
                                .put("Id", Service.functionArn(f, at))
                                .build()));
        String perm = fn + "LambdaPermissionAlb";
        t.attribute("DependsOn", Nodes.seq(at, Nodes.str(perm, at)));
        Output.Res rule = s.out.add(
                fn + "AlbListenerRule" + Names.alphaNumeric(p),
                "AWS::ElasticLoadBalancingV2::ListenerRule",
                at,
                f.origin());
        rule.put(
                "Actions",
                Nodes.seq(
                        at,
                        new Nodes.MapBuilder(at)
                                .put("Type", Nodes.str("forward", at))
                                .put("TargetGroupArn", Nodes.ref(tg, at))
                                .build()));
        rule.put("ListenerArn", c.get("listenerArn"));
        rule.put("Priority", priority);
        if (c.get("conditions") instanceof MapNode cond) {
            List<Node> conditions = new ArrayList<>();
            for (MapNode.Entry e : cond.entries()) {
                String field = switch (e.key()) {
                    case "path" -> "path-pattern";
                    case "host" -> "host-header";
                    case "method" -> "http-request-method";
                    case "header" -> "http-header";
                    case "query" -> "query-string";
                    case "ip" -> "source-ip";
                    default -> e.key();
                };
                conditions.add(new Nodes.MapBuilder(e.keyLocation())
                        .put("Field", Nodes.str(field, e.keyLocation()))
                        .put("Values", e.value() instanceof SeqNode ? e.value() : Nodes.seq(e.keyLocation(), e.value()))
                        .build());
            }
            rule.put("Conditions", c.keyLocation("conditions"), Nodes.seq(at, conditions));
        }
        if (!s.out.has(perm)) {
            permission(f, perm, "elasticloadbalancing.amazonaws.com", at);
        }
    }

    private void cognito(Service.Function f, Node v, Location at) {
        MapNode c = cfg(v);
        String pool = c.text("pool");
        String trigger = c.text("trigger");
        if (pool == null || trigger == null) {
            s.problem(at, "cognitoUserPool event of " + f.key() + " needs pool and trigger; skipped");
            return;
        }
        String poolId = "CognitoUserPool" + Names.alphaNumeric(pool);
        Node sourceArn = null;
        if (!Nodes.isTrue(c.get("existing"))) {
            Output.Res up = s.out.get(poolId);
            if (up == null) {
                up = s.out.add(poolId, "AWS::Cognito::UserPool", at, f.origin());
                up.put("UserPoolName", Nodes.str(pool, at));
            }
            Node existing = up.property("LambdaConfig");
            Nodes.MapBuilder lc = new Nodes.MapBuilder(at);
            if (existing instanceof MapNode em) {
                for (MapNode.Entry e : em.entries()) {
                    lc.put(e.key(), e.keyLocation(), e.value());
                }
            }
            lc.put(trigger, c.keyLocation("trigger"), Service.functionArn(f, at));
            up.put("LambdaConfig", lc.build());
            sourceArn = Nodes.getAtt(poolId, "Arn", at);
        }
        Output.Res p = permission(
                f,
                Names.function(f.key()) + "LambdaPermission" + Names.alphaNumeric(pool) + "CognitoUserPool"
                        + Names.alphaNumeric(trigger),
                "cognito-idp.amazonaws.com",
                at);
        p.put("SourceArn", sourceArn);
    }

    private void iot(Service.Function f, Node v, Location at) {
        MapNode c = cfg(v);
        int n = next(f, "iot");
        String fn = Names.function(f.key());
        String id = fn + "IotTopicRule" + n;
        Output.Res r = s.out.add(id, "AWS::IoT::TopicRule", at, f.origin());
        if (c.get("name") != null) {
            r.put("RuleName", c.get("name"));
        }
        r.put(
                "TopicRulePayload",
                new Nodes.MapBuilder(at)
                        .put("RuleDisabled", Nodes.bool(Nodes.isFalse(c.get("enabled")), at))
                        .put("Sql", c.get("sql"))
                        .put("AwsIotSqlVersion", c.get("sqlVersion"))
                        .put(
                                "Actions",
                                Nodes.seq(
                                        at,
                                        new Nodes.MapBuilder(at)
                                                .put(
                                                        "Lambda",
                                                        new Nodes.MapBuilder(at)
                                                                .put("FunctionArn", Service.functionArn(f, at))
                                                                .build())
                                                .build()))
                        .build());
        permission(f, fn + "LambdaPermissionIotTopicRule" + n, "iot.amazonaws.com", at)
                .put("SourceArn", Nodes.regionalArn("iot", at, Nodes.str("rule/", at), Nodes.ref(id, at)));
    }

    private void alexa(Service.Function f, Node v, Location at, String principal, String kind) {
        MapNode c = cfg(v);
        Node appId = c == Service.EMPTY ? (v.text() != null && !v.text().isEmpty() ? v : null) : c.get("appId");
        int n = next(f, kind);
        Output.Res p = permission(f, Names.function(f.key()) + "LambdaPermission" + kind + n, principal, at);
        if (appId != null && !Nodes.isNull(appId)) {
            p.put("EventSourceToken", appId);
        }
    }

    private void brokerMapping(Service.Function f, String kind, Node v, Location at) {
        MapNode c = cfg(v);
        Node arn = c.get("arn") != null ? c.get("arn") : c.get("eventSourceArn");
        int n = next(f, kind);
        Output.Res r = s.out.add(
                Names.function(f.key()) + "EventSourceMapping" + Names.normalize(kind) + n,
                "AWS::Lambda::EventSourceMapping",
                at,
                f.origin());
        r.put("EventSourceArn", arn);
        r.put("FunctionName", Service.functionArn(f, at));
        r.put("Enabled", c.get("enabled") != null ? c.get("enabled") : Nodes.bool(true, at));
        if (c.get("batchSize") != null) {
            r.put("BatchSize", c.get("batchSize"));
        }
        if (c.get("topic") != null) {
            r.put("Topics", Nodes.seq(at, c.get("topic")));
        }
        if (c.get("queue") != null) {
            r.put("Queues", Nodes.seq(at, c.get("queue")));
        }
    }
}
