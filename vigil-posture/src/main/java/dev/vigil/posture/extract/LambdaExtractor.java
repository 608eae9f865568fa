package dev.vigil.posture.extract;

import dev.vigil.posture.extract.lambda.FunctionLinker;
import dev.vigil.posture.extract.lambda.FunctionReader;
import dev.vigil.posture.extract.lambda.TriggerReader;
import dev.vigil.posture.extract.lambda.UrlReader;
import dev.vigil.posture.model.Deployment;
import dev.vigil.posture.model.Function;
import dev.vigil.posture.model.LambdaPermission;
import dev.vigil.posture.model.Trigger;
import dev.vigil.posture.model.Value;
import dev.vigil.posture.source.MapNode;
import dev.vigil.posture.source.Node;
import dev.vigil.posture.template.CfnResource;
import dev.vigil.posture.template.CfnTemplate;
import dev.vigil.posture.template.Resolver;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Lambda functions and what invokes them: {@code AWS::Lambda::Function} (with its {@code AWS::Lambda::Url} and the
 * on-failure destination of its {@code AWS::Lambda::EventInvokeConfig}), {@code AWS::Lambda::Permission}, and the
 * non-HTTP event sources (see {@link TriggerReader}).
 */
final class LambdaExtractor implements Extractor {
    @Override
    public void extract(CfnTemplate template, Deployment.Builder out) {
        Resolver resolver = template.resolver();
        FunctionLinker linker = new FunctionLinker(template);

        Map<String, Function.FunctionUrl> urls = new HashMap<>();
        List<Trigger> urlTriggers = new ArrayList<>();
        for (CfnResource r : template.resources("AWS::Lambda::Url")) {
            String fn = linker.functionId(r.property("TargetFunctionArn"));
            Function.FunctionUrl url = UrlReader.url(r, resolver);
            if (fn != null) {
                urls.putIfAbsent(fn, url);
            }
            urlTriggers.add(UrlReader.trigger(r, fn, url, resolver));
        }

        Map<String, Value> onFailure = new HashMap<>();
        for (CfnResource r : template.resources("AWS::Lambda::EventInvokeConfig")) {
            String fn = linker.functionId(r.property("FunctionName"));
            MapNode config = r.property("DestinationConfig") instanceof MapNode m ? m : null;
            MapNode failure = config == null ? null : config.map("OnFailure");
            Node destination = failure == null ? null : failure.get("Destination");
            if (fn != null && destination != null && !Resolver.isNoValue(destination)) {
                onFailure.putIfAbsent(fn, Value.of(destination, resolver));
            }
        }

        FunctionReader functions = new FunctionReader(template);
        for (CfnResource r : template.resources("AWS::Lambda::Function")) {
            out.add(functions.read(r, urls.get(r.logicalId()), onFailure.get(r.logicalId())));
        }
        urlTriggers.forEach(out::add);
        new TriggerReader(template, linker).read().forEach(out::add);

        for (CfnResource r : template.resources("AWS::Lambda::Permission")) {
            out.add(new LambdaPermission(
                    r.logicalId(),
                    linker.functionId(r.property("FunctionName")),
                    value(r, "FunctionName", resolver),
                    value(r, "Action", resolver),
                    value(r, "Principal", resolver),
                    value(r, "SourceArn", resolver),
                    value(r, "SourceAccount", resolver),
                    value(r, "PrincipalOrgID", resolver),
                    value(r, "FunctionUrlAuthType", resolver),
                    r.location()));
        }
    }

    private static Value value(CfnResource r, String property, Resolver resolver) {
        Node n = r.property(property);
        if (n == null) {
            return null;
        }
        List<Node> alts = resolver.alternatives(n);
        return alts.isEmpty() ? null : Value.of(alts.get(0), resolver);
    }
}
