package dev.vigil.posture.model;

import dev.vigil.posture.source.Location;
import java.util.List;

/**
 * A resource-based policy: bucket, queue, topic, key policy, or one {@code AWS::Lambda::Permission} (as a
 * one-statement document).
 *
 * @param id logical id of the policy resource (or of the resource when the policy is a property of it)
 * @param targetKind what it protects
 * @param targetIds logical ids (or ARNs/expressions) of the protected resources
 * @param document the policy
 * @param location where declared
 */
public record ResourcePolicy(
        String id, DataResource.Kind targetKind, List<String> targetIds, PolicyDocument document, Location location) {

    public ResourcePolicy {
        targetIds = List.copyOf(targetIds);
    }
}
