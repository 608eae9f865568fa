package dev.vigil.posture.extract.api;

import dev.vigil.posture.source.MapNode;
import dev.vigil.posture.source.Node;
import dev.vigil.posture.source.SeqNode;
import dev.vigil.posture.template.CfnResource;
import dev.vigil.posture.template.CfnTemplate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Which stages a usage plan ({@code AWS::ApiGateway::UsagePlan} {@code ApiStages}) or a WAF web ACL association
 * ({@code AWS::WAFv2::WebACLAssociation}, {@code AWS::WAFRegional::WebACLAssociation}) covers.
 *
 * <p>A stage is named either by reference to the stage (or deployment) resource, or by its stage name together with
 * its API; a literal API id in an ARN cannot be compared with a logical id, so then the stage name decides.
 */
public final class StageCoverage {
    private final Refs refs;
    private final List<PlanStage> planStages = new ArrayList<>();
    private final List<AclTarget> aclTargets = new ArrayList<>();

    private record PlanStage(String apiKey, String stageTarget, String stageKey) {}

    private record AclTarget(Set<String> ids, String stageName) {}

    public StageCoverage(Refs refs, CfnTemplate t) {
        this.refs = refs;
        for (CfnResource r : t.resources("AWS::ApiGateway::UsagePlan")) {
            SeqNode stages = r.properties().seq("ApiStages");
            if (stages == null) {
                continue;
            }
            for (Node n : stages.items()) {
                if (n instanceof MapNode m) {
                    planStages.add(new PlanStage(
                            refs.key(m.get("ApiId")), refs.target(m.get("Stage")), refs.key(m.get("Stage"))));
                }
            }
        }
        for (String type : List.of("AWS::WAFv2::WebACLAssociation", "AWS::WAFRegional::WebACLAssociation")) {
            for (CfnResource r : t.resources(type)) {
                Node arn = r.property("ResourceArn");
                aclTargets.add(new AclTarget(refs.referenced(arn), stageSegment(refs.pattern(arn))));
            }
        }
    }

    /** True when a usage plan lists this stage. */
    public boolean usagePlan(StageReader.Draft s) {
        String name = literalName(s);
        for (PlanStage p : planStages) {
            if (p.stageTarget() != null) {
                if (p.stageTarget().equals(s.id())) {
                    return true;
                }
            } else if (name != null
                    && name.equals(p.stageKey())
                    && (p.apiKey() == null || s.apiKey() == null || p.apiKey().equals(s.apiKey()))) {
                return true;
            }
        }
        return false;
    }

    /** True when a web ACL association targets this stage. */
    public boolean webAcl(StageReader.Draft s) {
        String name = literalName(s);
        for (AclTarget a : aclTargets) {
            if (a.ids().contains(s.id())) {
                return true;
            }
            boolean otherApi = s.apiKey() != null
                    && !a.ids().isEmpty()
                    && !a.ids().contains(s.apiKey())
                    && a.ids().stream().anyMatch(id -> isApi(id));
            if (name != null && name.equals(a.stageName()) && !otherApi) {
                return true;
            }
        }
        return false;
    }

    private boolean isApi(String id) {
        CfnResource r = refs.template().resource(id);
        return r != null
                && (r.type().equals("AWS::ApiGateway::RestApi") || r.type().equals("AWS::ApiGatewayV2::Api"));
    }

    private static String literalName(StageReader.Draft s) {
        return s.stageName() != null && s.stageName().literal() ? s.stageName().text() : null;
    }

    /** The stage name of an API Gateway stage ARN ({@code …/restapis/<api>/stages/<name>}), or null. */
    static String stageSegment(String arn) {
        if (arn == null) {
            return null;
        }
        int i = arn.lastIndexOf("/stages/");
        if (i < 0) {
            return null;
        }
        String name = arn.substring(i + "/stages/".length());
        int slash = name.indexOf('/');
        return slash < 0 ? name : name.substring(0, slash);
    }
}
