package dev.vigil.posture.model;

import dev.vigil.posture.source.Location;
import java.util.List;

/**
 * An IAM user or group declared in a template.
 *
 * @param kind user or group
 * @param id logical id
 * @param location where declared
 * @param inlinePolicies inline policies (for a user also {@code AWS::IAM::Policy} resources that name it)
 * @param managedPolicyArns managed policy ARNs
 * @param groups for a user: the groups it belongs to (logical ids when in this template, else names); empty for a
 *     group
 * @param permissionsBoundary the boundary ARN, or null
 * @param policiesKey the {@code Policies} key, or null when absent
 * @param managedPolicyArnsKey the {@code ManagedPolicyArns} key, or null when absent
 */
public record IamIdentity(
        Kind kind,
        String id,
        Location location,
        List<PolicyDocument> inlinePolicies,
        List<Value> managedPolicyArns,
        List<String> groups,
        Value permissionsBoundary,
        Location policiesKey,
        Location managedPolicyArnsKey) {

    /** User or group. */
    public enum Kind {
        USER,
        GROUP
    }

    public IamIdentity {
        inlinePolicies = List.copyOf(inlinePolicies);
        managedPolicyArns = List.copyOf(managedPolicyArns);
        groups = List.copyOf(groups);
    }
}
