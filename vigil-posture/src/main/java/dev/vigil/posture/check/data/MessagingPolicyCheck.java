package dev.vigil.posture.check.data;

import dev.vigil.posture.check.Check;
import dev.vigil.posture.check.Reporter;
import dev.vigil.posture.model.DataResource;
import dev.vigil.posture.model.Deployment;
import dev.vigil.posture.model.ResourcePolicy;
import dev.vigil.posture.model.Statement;

/**
 * A resource policy of one kind (queue, topic, event bus) that opens access too widely: any principal without a
 * restricting condition, {@code Allow} with {@code NotPrincipal} or {@code NotAction}, and optionally {@code Allow} of
 * every action. One finding per policy, at the policy.
 */
abstract class MessagingPolicyCheck implements Check {
    private final DataResource.Kind kind;
    private final String noun;
    private final boolean wildcardActions;

    MessagingPolicyCheck(DataResource.Kind kind, String noun, boolean wildcardActions) {
        this.kind = kind;
        this.noun = noun;
        this.wildcardActions = wildcardActions;
    }

    @Override
    public void run(Deployment deployment, Reporter reporter) {
        for (ResourcePolicy p : deployment.resourcePolicies()) {
            if (p.targetKind() != kind) {
                continue;
            }
            String why = problem(p);
            if (why != null) {
                reporter.report(p.location(), p.id(), noun + " policy " + p.id() + " " + why);
            }
        }
    }

    private String problem(ResourcePolicy p) {
        for (Statement s : p.document().statements()) {
            if (PolicyExposure.isPublic(s)) {
                return s.notPrincipal() != null && !PolicyExposure.isAnyone(s.principal())
                        ? "allows everyone except the NotPrincipal"
                        : "allows any principal without a restricting condition";
            }
        }
        for (Statement s : p.document().statements()) {
            if (PolicyExposure.allowsNotAction(s)) {
                return "allows every action except its NotAction list";
            }
            if (wildcardActions && PolicyExposure.allowsAllActions(s)) {
                return "allows every action";
            }
        }
        return null;
    }
}
