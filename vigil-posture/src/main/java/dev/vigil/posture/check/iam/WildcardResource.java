package dev.vigil.posture.check.iam;

import dev.vigil.core.Severity;
import dev.vigil.posture.check.Check;
import dev.vigil.posture.check.CheckInfo;
import dev.vigil.posture.check.Reporter;
import dev.vigil.posture.iam.ActionCatalog;
import dev.vigil.posture.model.Deployment;
import dev.vigil.posture.model.Statement;
import dev.vigil.posture.model.Value;

/**
 * An Allow statement with {@code Resource: "*"} for actions that could be limited to specific resources. Actions AWS
 * only authorises on {@code *} (e.g. {@code ec2:DescribeInstances}, {@code xray:PutTraceSegments}) are fine.
 */
final class WildcardResource implements Check {
    static final CheckInfo INFO = IamDocs.info(
            "VGL-IAM-003",
            "iam-wildcard-resource",
            Severity.MEDIUM,
            "Policy allows actions on every resource where specific resources could be named",
            "With `Resource: *` the function can act on every bucket, table or queue of the account, not just its "
                    + "own, so a bug or an injection reaches other workloads' data.",
            "Name the resources (ARNs, or `!GetAtt`/`!Ref` of the template's resources) the actions apply to.",
            "KICS f62aa827",
            "cfn_nag W11",
            "cfn_nag W12",
            "cfn_nag W13");

    @Override
    public CheckInfo info() {
        return INFO;
    }

    @Override
    public void run(Deployment d, Reporter reporter) {
        ActionCatalog catalog = ActionCatalog.builtIn();
        for (IamDocs.Owned o : IamDocs.identityPolicies(d)) {
            for (Statement s : o.document().statements()) {
                if (!s.allow() || !IamDocs.anyResource(s)) {
                    continue;
                }
                String action = constrainable(s, catalog);
                if (action != null) {
                    Value star = s.resources().stream()
                            .filter(v -> v.is("*"))
                            .findFirst()
                            .orElseThrow();
                    reporter.report(
                            star.location(),
                            o.subject(),
                            "Policy of " + o.subject() + " allows " + action
                                    + " on every resource (*); the action supports resource-level permissions.");
                }
            }
        }
    }

    /** An action of the statement that supports resource-level permissions, or null. */
    private static String constrainable(Statement s, ActionCatalog catalog) {
        if (s.actions().isEmpty() && !s.notActions().isEmpty()) {
            return "NotAction " + s.notActions().get(0).text();
        }
        for (Value v : s.actions()) {
            if (!v.literal()) {
                continue;
            }
            String a = v.text().trim();
            if (catalog.exists(a)) {
                if (!catalog.resourceArnPatterns(a).isEmpty()) {
                    return catalog.canonical(a);
                }
                continue;
            }
            String[] found = new String[1];
            if (catalog.anyMatching(a, x -> {
                if (!catalog.resourceArnPatterns(x).isEmpty()) {
                    found[0] = x;
                    return true;
                }
                return false;
            })) {
                return a;
            }
            if (!a.contains("*")
                    && !a.contains("?")
                    && a.contains(":")
                    && !catalog.serviceExists(a.substring(0, a.indexOf(':')))) {
                // An action of a service the catalogue does not know: assume it can be constrained.
                return a;
            }
        }
        return null;
    }
}
