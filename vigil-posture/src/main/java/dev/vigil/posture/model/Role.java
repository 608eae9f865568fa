package dev.vigil.posture.model;

import dev.vigil.posture.source.Location;
import java.util.List;

/**
 * An IAM role (declared, or generated for a function by SAM or the Serverless Framework).
 *
 * @param id logical id
 * @param location where declared
 * @param trustPolicy the AssumeRolePolicyDocument, or null
 * @param inlinePolicies inline policies, including {@code AWS::IAM::Policy} resources attached to it
 * @param managedPolicyArns managed policy ARNs (AWS-managed or references)
 * @param attachedPolicyIds logical ids of {@link ManagedPolicy} resources attached to it
 * @param permissionsBoundary the boundary ARN, or null
 * @param origin e.g. {@code AWS::IAM::Role}, {@code serverless.yml provider.iam}
 */
public record Role(
        String id,
        Location location,
        PolicyDocument trustPolicy,
        List<PolicyDocument> inlinePolicies,
        List<Value> managedPolicyArns,
        List<String> attachedPolicyIds,
        Value permissionsBoundary,
        String origin) {

    public Role {
        inlinePolicies = List.copyOf(inlinePolicies);
        managedPolicyArns = List.copyOf(managedPolicyArns);
        attachedPolicyIds = List.copyOf(attachedPolicyIds);
    }
}
