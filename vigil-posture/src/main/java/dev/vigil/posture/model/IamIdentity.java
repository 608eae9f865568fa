package dev.vigil.posture.model;

import dev.vigil.posture.source.Location;
import java.util.List;

/**
 * An IAM user or group declared in a template.
 *
 * @param kind user or group
 * @param id logical id
 * @param location where declared
 * @param inlinePolicies inline policies
 * @param managedPolicyArns managed policy ARNs
 */
public record IamIdentity(
        Kind kind, String id, Location location, List<PolicyDocument> inlinePolicies, List<Value> managedPolicyArns) {

    /** User or group. */
    public enum Kind {
        USER,
        GROUP
    }

    public IamIdentity {
        inlinePolicies = List.copyOf(inlinePolicies);
        managedPolicyArns = List.copyOf(managedPolicyArns);
    }
}
