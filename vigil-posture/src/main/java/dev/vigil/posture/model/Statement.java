package dev.vigil.posture.model;

import dev.vigil.posture.source.Location;
import dev.vigil.posture.source.Node;
import java.util.List;

/**
 * One IAM policy statement, normalised: single strings become one-element lists, absent lists are empty.
 *
 * @param sid the Sid, or null
 * @param allow true for {@code Allow}, false for {@code Deny}
 * @param actions {@code Action} values as written (e.g. {@code s3:Get*})
 * @param notActions {@code NotAction} values
 * @param resources {@code Resource} values
 * @param notResources {@code NotResource} values
 * @param principal {@code Principal}, or null
 * @param notPrincipal {@code NotPrincipal}, or null
 * @param condition the {@code Condition} block, or null
 * @param location where the statement is written
 * @param actionLocation the {@code Action}/{@code NotAction} key, or the statement when absent
 * @param resourceLocation the {@code Resource}/{@code NotResource} key, or the statement when absent
 */
public record Statement(
        String sid,
        boolean allow,
        List<Value> actions,
        List<Value> notActions,
        List<Value> resources,
        List<Value> notResources,
        Principal principal,
        Principal notPrincipal,
        Node condition,
        Location location,
        Location actionLocation,
        Location resourceLocation) {

    public Statement {
        actions = List.copyOf(actions);
        notActions = List.copyOf(notActions);
        resources = List.copyOf(resources);
        notResources = List.copyOf(notResources);
    }

    /** A statement whose action and resource findings point at the statement itself. */
    public Statement(
            String sid,
            boolean allow,
            List<Value> actions,
            List<Value> notActions,
            List<Value> resources,
            List<Value> notResources,
            Principal principal,
            Principal notPrincipal,
            Node condition,
            Location location) {
        this(
                sid,
                allow,
                actions,
                notActions,
                resources,
                notResources,
                principal,
                notPrincipal,
                condition,
                location,
                location,
                location);
    }

    /** True when the statement has a non-empty {@code Condition} block. */
    public boolean hasCondition() {
        return condition instanceof dev.vigil.posture.source.MapNode m && m.size() > 0;
    }
}
