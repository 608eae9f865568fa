package dev.vigil.posture.fuzz;

import dev.vigil.posture.source.MapNode;
import dev.vigil.posture.source.Node;
import dev.vigil.posture.source.SeqNode;
import dev.vigil.posture.source.SourceLimits;
import dev.vigil.posture.template.CfnResource;
import dev.vigil.posture.template.CfnTemplate;
import dev.vigil.posture.template.Resolver;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;

/** Shared limits and checks of the parser fuzz targets. */
final class FuzzSupport {
    private FuzzSupport() {}

    /** Small limits keep each run fast. */
    static final SourceLimits LIMITS = new SourceLimits(64 * 1024, 64, 20_000, 50);

    /** Time one input may take, generous for a slow CI box (an exponential blow-up takes far longer). */
    static final long MAX_NANOS = 5_000_000_000L;

    static {
        // Load (and, when fuzzing, instrument) the classes once before any input is timed.
        try {
            Node root = new dev.vigil.posture.source.YamlReader(LIMITS)
                    .read(
                            "warm-up.yaml",
                            "Transform: AWS::Serverless-2016-10-31\nResources:\n  F:\n    Type: AWS::Serverless::Function\n"
                                    + "    Properties:\n      Policies: [{S3ReadPolicy: {BucketName: b}}]\n"
                                    + "      FunctionUrlConfig: {AuthType: NONE}\n      Events:\n"
                                    + "        A: {Type: Api, Properties: {Path: /a, Method: get}}\n"
                                    + "        H: {Type: HttpApi}\n        Q: {Type: SQS, Properties: {Queue: q}}\n"
                                    + "  T: {Type: AWS::Serverless::SimpleTable}\n");
            resolveAll(dev.vigil.posture.format.sam.SamLowering.lower("warm-up.yaml", (MapNode) root));
            new dev.vigil.posture.source.JsonReader(LIMITS).read("warm-up.json", "{\"a\": [1, true, null]}");
        } catch (dev.vigil.posture.source.SourceException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    static String text(byte[] input) {
        return new String(input, StandardCharsets.UTF_8);
    }

    /** Walks a tree iteratively, checking that every node has a location. */
    static int walk(Node root) {
        int count = 0;
        Deque<Node> todo = new ArrayDeque<>();
        if (root != null) {
            todo.push(root);
        }
        while (!todo.isEmpty()) {
            Node n = todo.pop();
            if (n.location() == null) {
                throw new AssertionError("node without a location");
            }
            count++;
            if (n instanceof MapNode m) {
                for (MapNode.Entry e : m.entries()) {
                    if (e.key() == null || e.keyLocation() == null) {
                        throw new AssertionError("entry without key or key location");
                    }
                    todo.push(e.value());
                }
            } else if (n instanceof SeqNode s) {
                s.items().forEach(todo::push);
            }
        }
        return count;
    }

    /** Resolves every property of every resource the way extractors do. */
    static void resolveAll(CfnTemplate template) {
        Resolver r = template.resolver();
        for (CfnResource res : template.resources()) {
            if (res.logicalId() == null || res.type() == null || res.location() == null) {
                throw new AssertionError("incomplete resource " + res);
            }
            for (MapNode.Entry e : res.properties().entries()) {
                r.text(e.value());
                r.list(e.value());
                r.alternatives(e.value());
                r.resourceRef(e.value());
            }
        }
        for (MapNode.Entry e : template.conditions().entries()) {
            r.condition(e.key());
        }
    }

    static void checkTime(long start) {
        if (System.nanoTime() - start > MAX_NANOS) {
            throw new AssertionError("took longer than " + MAX_NANOS / 1_000_000 + " ms");
        }
    }
}
