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
 * @param roles logical ids of roles it is attached to (names or renderings when not in this template)
 * @param users logical ids of users it is attached to (names or renderings when not in this template)
 * @param groups logical ids of groups it is attached to (names or renderings when not in this template)
 * @param origin {@code AWS::IAM::ManagedPolicy}, {@code AWS::IAM::Policy} or {@code IAM policy file}
 * @param usersLocation the {@code Users} key, or null when absent
 */
public record ManagedPolicy(
        String id,
        Location location,
        PolicyDocument document,
        List<String> roles,
        List<String> users,
        List<String> groups,
        String origin,
        Location usersLocation) {

    /** The origin of a standalone policy file. */
    public static final String POLICY_FILE = "IAM policy file";

    public ManagedPolicy {
        roles = List.copyOf(roles);
        users = List.copyOf(users);
        groups = List.copyOf(groups);
    }

    /** True when nothing in the template attaches it (a standalone file, or a policy with no targets). */
    public boolean unattached() {
        return roles.isEmpty() && users.isEmpty() && groups.isEmpty();
    }
}
