package dev.vigil.posture.usage;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A least-privilege policy suggested from observed calls, with what went into it.
 *
 * @param principal {@code role …} or {@code function …}
 * @param callsRead API calls read (all principals)
 * @param callsMatched calls made by the principal
 * @param serviceEvents matched events AWS recorded about itself (no permission involved)
 * @param resourcesByAction granted action -> its resources, sorted
 * @param callsByAction granted action -> number of calls
 * @param deniedByAction action -> calls AWS refused with an access-denied error
 * @param unmapped {@code service:Operation (reason)} -> calls that map to no action
 * @param placeholders resource patterns left for the user to fill ({@code ${BucketName}} …)
 * @param catalogKnown whether actions were checked against the action catalogue
 * @param unverified some actions could not be checked (no catalogue)
 * @param deniedGranted denied calls were granted too
 */
public record SuggestedPolicy(
        String principal,
        long callsRead,
        long callsMatched,
        long serviceEvents,
        Map<String, List<String>> resourcesByAction,
        Map<String, Long> callsByAction,
        Map<String, Long> deniedByAction,
        Map<String, Long> unmapped,
        List<String> placeholders,
        boolean catalogKnown,
        boolean unverified,
        boolean deniedGranted) {

    /** Largest customer-managed policy AWS accepts, in characters without white space. */
    public static final int MANAGED_POLICY_LIMIT = 6144;

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One statement: actions sharing the same resources. */
    public record PolicyStatement(String sid, List<String> actions, List<String> resources) {}

    /**
     * Statements: actions with the same resource list share one, statements ordered by their first action, actions
     * and resources sorted, so the same input always gives the same policy.
     */
    public List<PolicyStatement> statements() {
        Map<List<String>, List<String>> byResources = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> e : resourcesByAction.entrySet()) {
            byResources.computeIfAbsent(e.getValue(), k -> new ArrayList<>()).add(e.getKey());
        }
        List<Map.Entry<List<String>, List<String>>> groups = new ArrayList<>(byResources.entrySet());
        groups.sort((a, b) -> a.getValue().get(0).compareTo(b.getValue().get(0)));
        Map<String, Integer> used = new TreeMap<>();
        List<PolicyStatement> out = new ArrayList<>();
        for (Map.Entry<List<String>, List<String>> g : groups) {
            String base = sidBase(g.getValue());
            int n = used.merge(base, 1, Integer::sum);
            out.add(new PolicyStatement(n == 1 ? base : base + n, List.copyOf(g.getValue()), List.copyOf(g.getKey())));
        }
        return out;
    }

    private static String sidBase(List<String> actions) {
        String prefix = actions.get(0).substring(0, actions.get(0).indexOf(':'));
        for (String a : actions) {
            if (!a.startsWith(prefix + ":")) {
                return "Observed";
            }
        }
        StringBuilder b = new StringBuilder();
        boolean upper = true;
        for (char c : prefix.toCharArray()) {
            if (Character.isLetterOrDigit(c)) {
                b.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            } else {
                upper = true;
            }
        }
        return b + "Observed";
    }

    /** The IAM policy document ({@code Version 2012-10-17}); no statement when nothing was observed. */
    public ObjectNode policy() {
        ObjectNode doc = JSON.createObjectNode();
        doc.put("Version", "2012-10-17");
        ArrayNode st = doc.putArray("Statement");
        for (PolicyStatement s : statements()) {
            ObjectNode o = st.addObject();
            o.put("Sid", s.sid());
            o.put("Effect", "Allow");
            ArrayNode a = o.putArray("Action");
            s.actions().forEach(a::add);
            if (s.resources().size() == 1) {
                o.put("Resource", s.resources().get(0));
            } else {
                ArrayNode r = o.putArray("Resource");
                s.resources().forEach(r::add);
            }
        }
        return doc;
    }

    /** The policy document as JSON indented by two spaces, one action or resource per line. */
    public String policyJson() {
        return PolicyJson.write(policy());
    }

    /** Characters of the policy without white space, as AWS counts them against its size limits. */
    public int policySize() {
        String compact = policy().toString();
        int n = 0;
        for (int i = 0; i < compact.length(); i++) {
            if (!Character.isWhitespace(compact.charAt(i))) {
                n++;
            }
        }
        return n;
    }

    /** The policy for people: each statement's actions (with call counts) and resources. */
    public void renderText(PrintWriter out) {
        out.printf("Suggested policy for %s%n", principal);
        if (resourcesByAction.isEmpty()) {
            out.println("  (no action observed)");
        }
        for (PolicyStatement s : statements()) {
            out.printf("%n  %s%n", s.sid());
            for (String a : s.actions()) {
                out.printf(
                        "    %-50s %6d call%s%n",
                        a, callsByAction.getOrDefault(a, 0L), plural(callsByAction.getOrDefault(a, 0L)));
            }
            for (String r : s.resources()) {
                out.printf("      on %s%n", Printable.safe(r));
            }
        }
        out.flush();
    }

    /** The summary (for stderr): counts, denied calls, unmapped operations, placeholders, warnings. */
    public void renderSummary(PrintWriter err) {
        err.printf(
                "policy suggest: %s: %d calls read, %d made by it, %d actions granted%s%n",
                principal,
                callsRead,
                callsMatched,
                resourcesByAction.size(),
                serviceEvents > 0 ? ", " + serviceEvents + " AWS service events ignored" : "");
        if (!deniedByAction.isEmpty()) {
            err.printf(
                    "  denied by AWS (%s):%n",
                    deniedGranted ? "granted anyway, --include-denied" : "not granted; --include-denied grants them");
            deniedByAction.forEach((a, n) -> err.printf("    %s  %d call%s%n", Printable.safe(a), n, plural(n)));
        }
        if (!unmapped.isEmpty()) {
            err.println("  not mapped to an IAM action:");
            unmapped.forEach((a, n) -> err.printf("    %s  %d call%s%n", Printable.safe(a), n, plural(n)));
        }
        if (!placeholders.isEmpty()) {
            err.println("  resources not derivable from the records (fill in before use):");
            placeholders.forEach(p -> err.printf("    %s%n", Printable.safe(p)));
        }
        if (!catalogKnown) {
            err.println("  warning: no IAM action catalogue; actions are not verified and resource-level support is"
                    + " guessed");
        }
        int size = policySize();
        if (size > MANAGED_POLICY_LIMIT) {
            err.printf(
                    "  warning: the policy has %d characters, more than a managed policy allows (%d)%n",
                    size, MANAGED_POLICY_LIMIT);
        }
        if (callsMatched == 0) {
            err.printf("  no call of %s was found%n", principal.toLowerCase(Locale.ROOT));
        }
        err.flush();
    }

    private static String plural(long n) {
        return n == 1 ? "" : "s";
    }
}
