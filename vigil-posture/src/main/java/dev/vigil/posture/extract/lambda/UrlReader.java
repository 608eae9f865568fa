package dev.vigil.posture.extract.lambda;

import dev.vigil.posture.model.Function;
import dev.vigil.posture.model.Trigger;
import dev.vigil.posture.model.Value;
import dev.vigil.posture.source.MapNode;
import dev.vigil.posture.template.CfnResource;
import dev.vigil.posture.template.Resolver;

/** Reads an {@code AWS::Lambda::Url} into a {@link Function.FunctionUrl} and its {@code FUNCTION_URL} trigger. */
public final class UrlReader {
    private UrlReader() {}

    /** The URL settings of {@code r}. */
    public static Function.FunctionUrl url(CfnResource r, Resolver resolver) {
        MapNode cors = Nodes.map(r.property("Cors"), resolver);
        return new Function.FunctionUrl(
                Value.of(Nodes.present(r.property("AuthType"), resolver), resolver),
                Nodes.values(Nodes.get(cors, "AllowOrigins"), resolver),
                r.location());
    }

    /** The trigger of URL {@code r}; {@code functionId} null when the target is outside the template. */
    public static Trigger trigger(CfnResource r, String functionId, Function.FunctionUrl url, Resolver resolver) {
        return new Trigger(
                Trigger.Kind.FUNCTION_URL,
                functionId,
                Value.of(r.property("TargetFunctionArn"), resolver),
                null,
                r.location(),
                url);
    }
}
