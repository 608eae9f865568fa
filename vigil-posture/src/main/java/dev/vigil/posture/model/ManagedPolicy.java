package dev.vigil.posture.model;

import dev.vigil.posture.source.Location;
import java.util.List;

/**
 * A customer-managed policy ({@code AWS::IAM::ManagedPolicy}), an {@code AWS::IAM::Policy} resource, or a standalone
 * IAM policy JSON file.
 *
 * @param id logical id (file name for a standalone policy)
 * @param location where declared
 * @param document the policy
 * @param roles logical ids of roles it is attached to
 * @param users logical ids of users it is attached to
 * @param groups logical ids of groups it is attached to
 */
public record ManagedPolicy(
        String id,
        Location location,
        PolicyDocument document,
        List<String> roles,
        List<String> users,
        List<String> groups) {

    public ManagedPolicy {
        roles = List.copyOf(roles);
        users = List.copyOf(users);
        groups = List.copyOf(groups);
    }
}
