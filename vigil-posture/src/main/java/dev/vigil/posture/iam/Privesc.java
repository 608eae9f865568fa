package dev.vigil.posture.iam;

import java.util.ArrayList;
import java.util.List;

/**
 * Decides which privilege-escalation methods ({@link PrivescMethods}) a principal can carry out: every action of the
 * method must be granted on an exploitable resource, under a satisfiable condition, and not taken away by a Deny.
 * {@code iam:PassRole} counts only when granted on a choice of roles (a wildcard or NotResource), not on named roles.
 */
public final class Privesc {
    private static final String PASS_ROLE = "iam:PassRole";

    private Privesc() {}

    /**
     * A method the principal can use.
     *
     * @param method the method
     * @param grants for each of the method's actions, one statement that grants it
     */
    public record Path(PrivescMethods.Method method, List<Grant> grants) {}

    /** Every method {@code permissions} allows, in {@link PrivescMethods#ALL} order. */
    public static List<Path> paths(Permissions permissions) {
        List<Path> out = new ArrayList<>();
        for (PrivescMethods.Method m : PrivescMethods.ALL) {
            List<Grant> via = new ArrayList<>();
            for (String action : m.actions()) {
                // Passing one named role is deliberate delegation; escalation needs a choice of roles.
                List<Grant> g = permissions.exploitableGrants(action, action.equals(PASS_ROLE));
                if (g.isEmpty()) {
                    via = null;
                    break;
                }
                via.add(g.get(0));
            }
            if (via != null) {
                out.add(new Path(m, via));
            }
        }
        return out;
    }
}
