package dev.vigil.posture.iam;

import java.util.ArrayList;
import java.util.List;

/**
 * The effective permissions of one principal: the union of all its policies, where an explicit Deny wins, a
 * permissions boundary (when known) limits what the policies grant, and conditions count as far as they can be decided
 * from the template ({@link Conditions}).
 *
 * <p>Questions are asked per action: may the principal call it, and on which resources. A resource is
 * <em>exploitable</em> when it can name a resource of the type the action works on (from the action catalogue) and
 * is not owned by AWS (no one can change an AWS-managed policy).
 */
public final class Permissions {
    private final List<Grant> grants;
    private final List<Grant> boundary;
    private final ActionCatalog catalog;
    private final Conditions conditions;

    /**
     * @param grants every statement of every policy of the principal
     * @param boundary the statements of its permissions boundary, or null when it has none (or it is unknown)
     */
    public Permissions(List<Grant> grants, List<Grant> boundary, ActionCatalog catalog, Conditions conditions) {
        this.grants = List.copyOf(grants);
        this.boundary = boundary == null ? null : List.copyOf(boundary);
        this.catalog = catalog;
        this.conditions = conditions;
    }

    public List<Grant> grants() {
        return grants;
    }

    /**
     * The Allow statements through which the principal can call {@code action} on at least one exploitable resource
     * that no Deny takes away; empty when it cannot.
     */
    public List<Grant> exploitableGrants(String action) {
        return exploitableGrants(action, false);
    }

    /**
     * Like {@link #exploitableGrants(String)}; with {@code broadOnly}, only resources written with a wildcard (or
     * {@code NotResource}) count, so a grant on named resources only is left out.
     */
    public List<Grant> exploitableGrants(String action, boolean broadOnly) {
        if (boundary != null && !boundaryAllows(action)) {
            return List.of();
        }
        List<Grant> denies = new ArrayList<>();
        for (Grant g : grants) {
            if (!g.allow() && g.matchesAction(action) && conditions.alwaysTrue(g.condition())) {
                denies.add(g);
            }
        }
        List<String> arnPatterns = catalog.resourceArnPatterns(action);
        boolean known = catalog.exists(action);
        List<Grant> out = new ArrayList<>();
        for (Grant g : grants) {
            if (!g.allow() || !g.matchesAction(action) || !conditions.satisfiable(g.condition())) {
                continue;
            }
            if (survives(g, arnPatterns, known, denies, broadOnly)) {
                out.add(g);
            }
        }
        return out;
    }

    /** True when the principal can call {@code action} on some exploitable resource. */
    public boolean allows(String action) {
        return !exploitableGrants(action).isEmpty();
    }

    private boolean boundaryAllows(String action) {
        boolean allowed = false;
        for (Grant g : boundary) {
            if (!g.matchesAction(action)) {
                continue;
            }
            if (!g.allow() && g.allResources() && conditions.alwaysTrue(g.condition())) {
                return false;
            }
            if (g.allow() && conditions.satisfiable(g.condition())) {
                allowed = true;
            }
        }
        return allowed;
    }

    private static boolean survives(
            Grant g, List<String> arnPatterns, boolean known, List<Grant> denies, boolean broadOnly) {
        if (g.notResource()) {
            // Everything except the listed resources: blocked only when "*" is excluded or a Deny covers all.
            for (Grant.Res nr : g.notResources()) {
                if ("*".equals(nr.pattern())) {
                    return false;
                }
            }
            for (Grant d : denies) {
                if (d.allResources()) {
                    return false;
                }
            }
            return true;
        }
        for (Grant.Res res : g.resources()) {
            String r = res.pattern();
            if ((broadOnly && !res.wildcard()) || !usable(r, arnPatterns, known)) {
                continue;
            }
            if (!deniedEverywhere(r, denies)) {
                return true;
            }
        }
        return false;
    }

    /** True when resource pattern {@code r} (null = one deploy-time resource) can name a resource of the action. */
    static boolean usable(String r, List<String> arnPatterns, boolean knownAction) {
        if (r == null) {
            return true;
        }
        if (r.equals("*")) {
            return true;
        }
        if (Arns.awsOwned(r)) {
            return false;
        }
        if (!knownAction) {
            return true;
        }
        if (arnPatterns.isEmpty()) {
            // Actions without resource types are only granted by a Resource that matches "*".
            return Wildcard.matches(r, "*");
        }
        for (String p : arnPatterns) {
            if (Arns.intersects(r, p)) {
                return true;
            }
        }
        return false;
    }

    private static boolean deniedEverywhere(String r, List<Grant> denies) {
        for (Grant d : denies) {
            if (d.notResource()) {
                boolean excluded = false;
                for (Grant.Res nr : d.notResources()) {
                    if (nr.pattern() != null && r != null && Arns.covers(nr.pattern(), r)) {
                        excluded = true;
                    }
                }
                if (!excluded) {
                    return true;
                }
                continue;
            }
            for (Grant.Res res : d.resources()) {
                String dr = res.pattern();
                if (dr != null && (dr.equals("*") || (r != null && Arns.covers(dr, r)))) {
                    return true;
                }
            }
        }
        return false;
    }
}
