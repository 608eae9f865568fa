package dev.vigil.posture.extract.api;

import dev.vigil.posture.model.Function;
import dev.vigil.posture.source.Node;
import dev.vigil.posture.template.CfnResource;
import java.util.List;

/**
 * Finds the function an integration calls: a reference to an {@code AWS::Lambda::Function} (directly, or through an
 * alias or version) anywhere inside the integration URI, e.g. {@code Fn::Sub
 * arn:…:functions/${Orders.Arn}/invocations} or a {@code Fn::Join} around {@code Fn::GetAtt [Orders, Arn]}.
 */
public final class FunctionLinks {
    private static final String FUNCTION = "AWS::Lambda::Function";

    private final Refs refs;
    private final List<Function> functions;

    /**
     * @param refs reference helpers
     * @param functions functions already extracted (the model id of a function may differ from its logical id, e.g.
     *     the function key of a serverless.yml)
     */
    public FunctionLinks(Refs refs, List<Function> functions) {
        this.refs = refs;
        this.functions = List.copyOf(functions);
    }

    /** The model id of the function referenced inside {@code node}, or null. */
    public String functionIn(Node node) {
        for (String id : refs.referenced(node)) {
            String fn = functionOf(id, 0);
            if (fn != null) {
                return modelId(fn);
            }
        }
        return null;
    }

    /** The logical id of the function a resource is, or is an alias/version of. */
    private String functionOf(String id, int depth) {
        CfnResource r = refs.template().resource(id);
        if (r == null || depth > 2) {
            return null;
        }
        if (r.type().equals(FUNCTION)) {
            return id;
        }
        if (r.type().equals("AWS::Lambda::Alias") || r.type().equals("AWS::Lambda::Version")) {
            for (String inner : refs.referenced(r.property("FunctionName"))) {
                String fn = functionOf(inner, depth + 1);
                if (fn != null) {
                    return fn;
                }
            }
        }
        return null;
    }

    /** The id the lambda extractor gave the function declared as {@code logicalId}. */
    private String modelId(String logicalId) {
        for (Function f : functions) {
            if (f.id().equals(logicalId)) {
                return f.id();
            }
        }
        CfnResource r = refs.template().resource(logicalId);
        for (Function f : functions) {
            if (r != null && r.location().equals(f.location())) {
                return f.id();
            }
        }
        return logicalId;
    }
}
