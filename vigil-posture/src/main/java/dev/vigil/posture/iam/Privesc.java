package dev.vigil.posture.iam;

import java.util.ArrayList;
import java.util.List;

/**
 * Decides which privilege-escalation methods ({@link PrivescMethods}) a principal can carry out: every action of the
 * method must be granted on an exploitable resource, under a satisfiable condition, and not taken away by a Deny.
 * The action that picks the target whose rights would be gained ({@code iam:PassRole}, the policy or principal to
 * change, the existing resource to take over) counts only when granted on a choice of targets (a resource pattern with
 * a wildcard, or NotResource), not on one named resource.
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

    /**
     * True when the action picks the thing whose rights the principal would gain (the role passed, the policy or
     * principal changed, the existing resource taken over): it escalates only if the principal may choose among
     * several, since one named target is a deliberate grant whose rights the template author chose. Actions that
     * create new resources (a new function for a passed role) need no choice.
     */
    static boolean needsChoice(PrivescMethods.Method m, String action) {
        return m.category() != PrivescMethods.Category.NEW_PASSROLE || action.equals(PASS_ROLE);
    }

    /** Every method {@code permissions} allows, in {@link PrivescMethods#ALL} order. */
    public static List<Path> paths(Permissions permissions) {
        List<Path> out = new ArrayList<>();
        for (PrivescMethods.Method m : PrivescMethods.ALL) {
            List<Grant> via = new ArrayList<>();
            for (String action : m.actions()) {
                List<Grant> g = permissions.exploitableGrants(action, needsChoice(m, action));
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
