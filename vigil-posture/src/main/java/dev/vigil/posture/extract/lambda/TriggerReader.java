package dev.vigil.posture.extract.lambda;

import dev.vigil.posture.model.Trigger;
import dev.vigil.posture.model.Value;
import dev.vigil.posture.source.Intrinsic;
import dev.vigil.posture.source.MapNode;
import dev.vigil.posture.source.Node;
import dev.vigil.posture.source.SeqNode;
import dev.vigil.posture.template.CfnResource;
import dev.vigil.posture.template.CfnTemplate;
import dev.vigil.posture.template.Resolver;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads the non-HTTP event sources of the template's functions: event source mappings (SQS, Kinesis, DynamoDB
 * streams, Kafka), S3 bucket notifications, SNS subscriptions, EventBridge rules and EventBridge Scheduler schedules,
 * Application Load Balancer target groups, Cognito user pool triggers and IoT topic rules.
 * HTTP triggers (API Gateway) are the API extractor's; function URLs are read with the functions.
 */
public final class TriggerReader {
    private final CfnTemplate template;
    private final Resolver resolver;
    private final FunctionLinker linker;

    public TriggerReader(CfnTemplate template, FunctionLinker linker) {
        this.template = template;
        this.resolver = template.resolver();
        this.linker = linker;
    }

    /** Every non-HTTP trigger that invokes a function of this template. */
    public List<Trigger> read() {
        List<Trigger> out = new ArrayList<>();
        for (CfnResource r : template.resources()) {
            switch (r.type()) {
                case "AWS::Lambda::EventSourceMapping" -> eventSourceMapping(r, out);
                case "AWS::S3::Bucket" -> bucket(r, out);
                case "AWS::SNS::Subscription" -> subscription(r, out);
                case "AWS::SNS::Topic" -> topic(r, out);
                case "AWS::Events::Rule" -> rule(r, out);
                case "AWS::Scheduler::Schedule" -> schedule(r, out);
                case "AWS::ElasticLoadBalancingV2::TargetGroup" -> targetGroup(r, out);
                case "AWS::Cognito::UserPool" -> userPool(r, out);
                case "AWS::IoT::TopicRule" -> topicRule(r, out);
                default -> {}
            }
        }
        return out;
    }

    private void eventSourceMapping(CfnResource r, List<Trigger> out) {
        String fn = linker.functionId(r.property("FunctionName"));
        if (fn == null) {
            return;
        }
        Node arn = r.property("EventSourceArn");
        Trigger.Kind kind = arn != null
                ? sourceKind(arn)
                : r.property("SelfManagedEventSource") != null ? Trigger.Kind.KAFKA : Trigger.Kind.OTHER;
        out.add(new Trigger(kind, fn, Value.of(arn, resolver), null, r.location()));
    }

    /** The kind of an event source mapping from the referenced resource's type or the ARN's service. */
    Trigger.Kind sourceKind(Node arn) {
        String ref = resolver.resourceRef(arn);
        if (ref != null) {
            return switch (template.resource(ref).type()) {
                case "AWS::SQS::Queue" -> Trigger.Kind.SQS;
                case "AWS::Kinesis::Stream", "AWS::Kinesis::StreamConsumer" -> Trigger.Kind.KINESIS;
                case "AWS::DynamoDB::Table", "AWS::DynamoDB::GlobalTable" -> Trigger.Kind.DYNAMODB_STREAM;
                case "AWS::MSK::Cluster", "AWS::MSK::ServerlessCluster" -> Trigger.Kind.KAFKA;
                default -> Trigger.Kind.OTHER;
            };
        }
        String text = arnText(arn);
        if (text == null) {
            return Trigger.Kind.OTHER;
        }
        String t = text.toLowerCase(Locale.ROOT);
        if (t.contains(":sqs:")) {
            return Trigger.Kind.SQS;
        }
        if (t.contains(":kinesis:")) {
            return Trigger.Kind.KINESIS;
        }
        if (t.contains(":dynamodb:") && t.contains("/stream/")) {
            return Trigger.Kind.DYNAMODB_STREAM;
        }
        if (t.contains(":kafka:")) {
            return Trigger.Kind.KAFKA;
        }
        return Trigger.Kind.OTHER;
    }

    /** The literal ARN, or the pattern of a {@code Fn::Sub} (whose service part is usually literal). */
    private String arnText(Node arn) {
        String literal = resolver.text(arn);
        if (literal != null) {
            return literal;
        }
        if (Intrinsic.isIntrinsic(arn) && arn instanceof MapNode m && m.has("Fn::Sub")) {
            Node a = m.get("Fn::Sub");
            return a instanceof SeqNode s && s.size() > 0 ? s.items().get(0).text() : a.text();
        }
        return null;
    }

    private void bucket(CfnResource r, List<Trigger> out) {
        MapNode notifications = Nodes.map(r.property("NotificationConfiguration"), resolver);
        Node configs = Nodes.present(Nodes.get(notifications, "LambdaConfigurations"), resolver);
        if (!(configs instanceof SeqNode s)) {
            return;
        }
        for (Node c : s.items()) {
            if (c instanceof MapNode m) {
                String fn = linker.functionId(m.get("Function"));
                if (fn != null) {
                    out.add(new Trigger(Trigger.Kind.S3, fn, reference(r), null, m.location()));
                }
            }
        }
    }

    private void subscription(CfnResource r, List<Trigger> out) {
        if (!"lambda".equalsIgnoreCase(resolver.text(r.property("Protocol")))) {
            return;
        }
        String fn = linker.functionId(r.property("Endpoint"));
        if (fn != null) {
            out.add(new Trigger(Trigger.Kind.SNS, fn, Value.of(r.property("TopicArn"), resolver), null, r.location()));
        }
    }

    private void topic(CfnResource r, List<Trigger> out) {
        Node subs = Nodes.present(r.property("Subscription"), resolver);
        if (!(subs instanceof SeqNode s)) {
            return;
        }
        for (Node item : s.items()) {
            if (item instanceof MapNode m && "lambda".equalsIgnoreCase(resolver.text(m.get("Protocol")))) {
                String fn = linker.functionId(m.get("Endpoint"));
                if (fn != null) {
                    out.add(new Trigger(Trigger.Kind.SNS, fn, reference(r), null, m.location()));
                }
            }
        }
    }

    private void rule(CfnResource r, List<Trigger> out) {
        Node targets = Nodes.present(r.property("Targets"), resolver);
        if (!(targets instanceof SeqNode s)) {
            return;
        }
        Trigger.Kind kind = r.property("ScheduleExpression") != null ? Trigger.Kind.SCHEDULE : Trigger.Kind.EVENTBRIDGE;
        for (Node item : s.items()) {
            if (item instanceof MapNode m) {
                String fn = linker.functionId(m.get("Arn"));
                if (fn != null) {
                    out.add(new Trigger(kind, fn, reference(r), null, m.location()));
                }
            }
        }
    }

    private void schedule(CfnResource r, List<Trigger> out) {
        MapNode target = Nodes.map(r.property("Target"), resolver);
        String fn = linker.functionId(Nodes.get(target, "Arn"));
        if (fn != null) {
            out.add(new Trigger(Trigger.Kind.SCHEDULE, fn, reference(r), null, r.location()));
        }
    }

    private void targetGroup(CfnResource r, List<Trigger> out) {
        if (!"lambda".equalsIgnoreCase(resolver.text(r.property("TargetType")))) {
            return;
        }
        Node targets = Nodes.present(r.property("Targets"), resolver);
        if (targets instanceof SeqNode s) {
            for (Node item : s.items()) {
                if (item instanceof MapNode m) {
                    String fn = linker.functionId(m.get("Id"));
                    if (fn != null) {
                        out.add(new Trigger(Trigger.Kind.ALB, fn, reference(r), null, m.location()));
                    }
                }
            }
        }
    }

    /** Every function a user pool's {@code LambdaConfig} names (plain triggers and the custom sender configs). */
    private void userPool(CfnResource r, List<Trigger> out) {
        MapNode config = Nodes.map(r.property("LambdaConfig"), resolver);
        if (config == null) {
            return;
        }
        for (MapNode.Entry e : config.entries()) {
            Node target = e.value() instanceof MapNode m && !Intrinsic.isIntrinsic(m) ? m.get("LambdaArn") : e.value();
            String fn = linker.functionId(target);
            if (fn != null) {
                out.add(new Trigger(Trigger.Kind.COGNITO, fn, reference(r), null, e.keyLocation()));
            }
        }
    }

    private void topicRule(CfnResource r, List<Trigger> out) {
        MapNode payload = Nodes.map(r.property("TopicRulePayload"), resolver);
        Node actions = Nodes.present(Nodes.get(payload, "Actions"), resolver);
        if (actions instanceof SeqNode s) {
            for (Node item : s.items()) {
                MapNode lambda = item instanceof MapNode m ? m.map("Lambda") : null;
                String fn = lambda == null ? null : linker.functionId(lambda.get("FunctionArn"));
                if (fn != null) {
                    out.add(new Trigger(Trigger.Kind.IOT, fn, reference(r), null, item.location()));
                }
            }
        }
    }

    private static Value reference(CfnResource r) {
        return Value.symbolic("!Ref " + r.logicalId(), r.location());
    }
}
