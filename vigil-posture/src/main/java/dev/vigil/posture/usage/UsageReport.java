package dev.vigil.posture.usage;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.posture.iam.ActionCatalog;
import dev.vigil.posture.model.Deployment;
import dev.vigil.posture.model.Function;
import dev.vigil.posture.model.ManagedPolicy;
import dev.vigil.posture.model.PolicyDocument;
import dev.vigil.posture.model.Role;
import dev.vigil.posture.model.Statement;
import dev.vigil.posture.model.Value;
import dev.vigil.posture.usage.activity.ActivityLimits;
import dev.vigil.posture.usage.activity.ActivityReader;
import dev.vigil.posture.usage.activity.ApiCall;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Granted-but-unused permissions per function: the actions each function's declared role allows, diffed against
 * what the function (or its role) actually called according to CloudTrail records or Shield telemetry.
 *
 * <p>Granted actions are the {@code Allow} statements of the role's inline policies and of the customer-managed
 * policies attached to it in the same deployment, wildcards expanded through the action catalogue; a few common
 * AWS-managed policies are known by name (others are listed as not expandable). Activity is attributed to a function
 * when its session name or telemetry names the function, or when the session's role is the function's role (see
 * docs/least-privilege.md for the matching rules). Functions without any observed activity are listed but not
 * judged: no activity in the logs says nothing about what the function needs.
 */
public final class UsageReport {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<FunctionUsage> functions;
    private final long callsRead;
    private final long files;
    private final long badRecords;
    private final List<String> problems;
    private final boolean catalogKnown;

    private UsageReport(
            List<FunctionUsage> functions,
            long callsRead,
            long files,
            long badRecords,
            List<String> problems,
            boolean catalogKnown) {
        this.functions = List.copyOf(functions);
        this.callsRead = callsRead;
        this.files = files;
        this.badRecords = badRecords;
        this.problems = List.copyOf(problems);
        this.catalogKnown = catalogKnown;
    }

    /**
     * Computes the report.
     *
     * @param deployments scanned deployments (their functions and roles)
     * @param activity CloudTrail files/directories or Shield telemetry JSON lines (gzip allowed)
     */
    public static UsageReport compute(List<Deployment> deployments, List<Path> activity) throws IOException {
        return compute(deployments, activity, ActionCatalog.builtIn());
    }

    /** As {@link #compute(List, List)} with a given catalogue. */
    public static UsageReport compute(List<Deployment> deployments, List<Path> activity, ActionCatalog catalog)
            throws IOException {
        ActionMapper mapper = new ActionMapper(catalog);
        List<String> problems = new ArrayList<>();
        ActivityReader reader = new ActivityReader(ActivityLimits.defaults(), problems::add);
        ActivityIndex index = new ActivityIndex(mapper);
        reader.read(activity, index);
        List<FunctionUsage> out = new ArrayList<>();
        for (Deployment d : deployments) {
            for (Function f : d.functions()) {
                out.add(analyse(d, f, index, mapper));
            }
        }
        return new UsageReport(out, reader.calls(), reader.files(), reader.bad(), problems, mapper.catalogKnown());
    }

    /** One entry per function of the scanned deployments, in scan order. */
    public List<FunctionUsage> functions() {
        return functions;
    }

    /** API calls read from the activity. */
    public long callsRead() {
        return callsRead;
    }

    /** {@code file:line: reason} for records that could not be used (at most 100). */
    public List<String> problems() {
        return problems;
    }

    private static FunctionUsage analyse(Deployment d, Function f, ActivityIndex index, ActionMapper mapper) {
        Role role = f.role() == null || f.role().roleId() == null
                ? null
                : d.role(f.role().roleId()).orElse(null);
        String roleLabel = role != null
                ? role.id()
                : f.role() != null && f.role().arn() != null ? f.role().arn().text() : null;
        String deployed = f.name() != null && f.name().literal() ? f.name().text() : null;

        Grants grants = new Grants(mapper);
        if (role != null) {
            for (PolicyDocument p : role.inlinePolicies()) {
                grants.add(p);
            }
            Set<String> attached = new TreeSet<>(role.attachedPolicyIds());
            for (ManagedPolicy mp : d.managedPolicies()) {
                if (attached.contains(mp.id()) || mp.roles().contains(role.id())) {
                    grants.add(mp.document());
                }
            }
            for (Value arn : role.managedPolicyArns()) {
                grants.addManaged(arn);
            }
        }

        ActivityIndex.Observed seen =
                index.observedFor(deployed, f.id(), role == null ? null : role.id(), literalRoleName(f));
        Set<String> usedLower = new TreeSet<>();
        seen.used().keySet().forEach(a -> usedLower.add(a.toLowerCase(Locale.ROOT)));

        List<String> unused = new ArrayList<>();
        List<String> unobservable = new ArrayList<>();
        Map<String, List<String>> narrowable = new TreeMap<>();
        if (seen.calls() > 0) {
            // wildcard grants are judged as a whole below (narrowable), not action by action
            for (String g : grants.explicit()) {
                if (usedLower.contains(g.toLowerCase(Locale.ROOT)) || ActionGlob.hasWildcard(g)) {
                    continue;
                }
                boolean hidden = Observability.dataEventOnly(g) && !index.dataEventsSeen(Observability.service(g));
                (hidden ? unobservable : unused).add(g);
            }
            for (String w : grants.wildcards()) {
                List<String> usedBy = new ArrayList<>();
                for (String u : seen.used().keySet()) {
                    if (ActionGlob.matches(w, u)) {
                        usedBy.add(u);
                    }
                }
                narrowable.put(w, usedBy);
            }
        }
        List<String> usedNotGranted = new ArrayList<>();
        for (String u : seen.used().keySet()) {
            if (!grants.covers(u)) {
                usedNotGranted.add(u);
            }
        }
        return new FunctionUsage(
                d.file(),
                f.id(),
                deployed,
                roleLabel,
                seen.calls(),
                List.copyOf(grants.granted()),
                List.copyOf(seen.used().keySet()),
                unused,
                unobservable,
                narrowable,
                usedNotGranted,
                seen.denied(),
                List.copyOf(grants.notExpanded()));
    }

    /** The role name when the function's role is a literal ARN ({@code arn:aws:iam::…:role/NAME}). */
    private static String literalRoleName(Function f) {
        if (f.role() == null || f.role().arn() == null || !f.role().arn().literal()) {
            return null;
        }
        String arn = f.role().arn().text();
        int i = arn.indexOf(":role/");
        return i < 0 ? null : arn.substring(arn.lastIndexOf('/') + 1);
    }

    /** Writes the report for people. */
    public void renderText(PrintWriter out) {
        out.printf(
                "Usage: %d function%s; activity: %d API calls from %d file%s%s%n",
                functions.size(),
                functions.size() == 1 ? "" : "s",
                callsRead,
                files,
                files == 1 ? "" : "s",
                badRecords > 0 ? ", " + badRecords + " records skipped" : "");
        for (FunctionUsage u : functions) {
            out.printf(
                    "%n%s  %s%s  role %s%n",
                    Printable.safe(u.file()),
                    Printable.safe(u.function()),
                    u.deployedName() == null ? "" : " (" + Printable.safe(u.deployedName()) + ")",
                    u.role() == null ? "(none declared)" : Printable.safe(u.role()));
            if (u.callsObserved() == 0) {
                out.printf(
                        "  no activity found for this function: not judged (%d actions granted)%n",
                        u.granted().size());
            } else {
                out.printf(
                        "  %d calls observed; %d actions granted, %d used%n",
                        u.callsObserved(), u.granted().size(), u.used().size());
                list(out, "unused", u.unused());
                list(out, "unused as far as the logs show (data events not logged)", u.unobservable());
                u.narrowable()
                        .forEach((w, used) -> out.printf(
                                "  %s used for %d action%s%s%n",
                                Printable.safe(w),
                                used.size(),
                                used.size() == 1 ? "" : "s",
                                used.isEmpty()
                                        ? ": remove it"
                                        : ": narrow to " + Printable.safe(String.join(", ", used))));
                list(out, "used but not granted by the declared policies", u.usedNotGranted());
                if (!u.denied().isEmpty()) {
                    List<String> d = new ArrayList<>();
                    u.denied().forEach((a, n) -> d.add(a + " (" + n + ")"));
                    list(out, "denied by AWS", d);
                }
            }
            list(out, "not expanded", u.notExpanded());
        }
        if (!catalogKnown) {
            out.println();
            out.println("warning: no IAM action catalogue: wildcards are not expanded and actions not verified");
        }
        out.flush();
    }

    private static void list(PrintWriter out, String title, List<String> items) {
        if (!items.isEmpty()) {
            List<String> safe = new ArrayList<>();
            items.forEach(i -> safe.add(Printable.safe(i)));
            out.printf("  %s (%d): %s%n", title, items.size(), String.join(", ", safe));
        }
    }

    /** The report as a JSON value (for {@code --format json}). */
    public String toJson() {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode act = root.putObject("activity");
        act.put("files", files);
        act.put("calls", callsRead);
        act.put("skippedRecords", badRecords);
        act.put("catalogue", catalogKnown);
        ArrayNode fs = root.putArray("functions");
        for (FunctionUsage u : functions) {
            ObjectNode o = fs.addObject();
            o.put("file", u.file());
            o.put("function", u.function());
            if (u.deployedName() != null) {
                o.put("name", u.deployedName());
            }
            if (u.role() != null) {
                o.put("role", u.role());
            }
            o.put("callsObserved", u.callsObserved());
            o.put("judged", u.callsObserved() > 0);
            array(o, "granted", u.granted());
            array(o, "used", u.used());
            array(o, "unused", u.unused());
            array(o, "unobservable", u.unobservable());
            ObjectNode n = o.putObject("narrowable");
            u.narrowable().forEach((w, used) -> array(n, w, used));
            array(o, "usedNotGranted", u.usedNotGranted());
            ObjectNode d = o.putObject("denied");
            u.denied().forEach(d::put);
            array(o, "notExpanded", u.notExpanded());
        }
        return root.toString();
    }

    private static void array(ObjectNode o, String name, List<String> items) {
        ArrayNode a = o.putArray(name);
        items.forEach(a::add);
    }

    /** The grants of one role, as actions and the wildcard patterns they came from. */
    private static final class Grants {
        private final ActionMapper mapper;
        private final Set<String> granted = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        private final Set<String> explicit = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        private final Set<String> wildcards = new TreeSet<>();
        private final Set<String> patterns = new TreeSet<>();
        private final Set<String> notExpanded = new TreeSet<>();

        Grants(ActionMapper mapper) {
            this.mapper = mapper;
        }

        void add(PolicyDocument doc) {
            if (doc == null) {
                return;
            }
            for (Statement s : doc.statements()) {
                if (!s.allow()) {
                    continue;
                }
                for (Value v : s.notActions()) {
                    notExpanded.add("NotAction " + v.text() + " (everything else is granted)");
                }
                for (Value v : s.actions()) {
                    if (!v.literal()) {
                        notExpanded.add(v.text() + " (not resolved)");
                        continue;
                    }
                    grant(v.text());
                }
            }
        }

        void addManaged(Value arn) {
            String text = arn.text();
            List<String> actions = text == null ? null : ManagedPolicies.actions(text);
            if (actions == null) {
                notExpanded.add(text + (text != null && text.contains(":iam::aws:policy/") ? " (AWS-managed)" : ""));
                return;
            }
            actions.forEach(this::grant);
        }

        private void grant(String action) {
            patterns.add(action);
            if (!ActionGlob.hasWildcard(action)) {
                String c = mapper.catalogKnown() ? mapper.canonical(action) : null;
                granted.add(c != null ? c : action);
                explicit.add(c != null ? c : action);
                return;
            }
            wildcards.add(action);
            Set<String> expanded = mapper.catalogKnown() ? mapper.catalog().expand(action) : Set.of();
            if (expanded.isEmpty()) {
                granted.add(action);
            } else {
                granted.addAll(expanded);
            }
        }

        Set<String> granted() {
            return granted;
        }

        /** Actions granted by name (not through a wildcard). */
        Set<String> explicit() {
            return explicit;
        }

        Set<String> wildcards() {
            return wildcards;
        }

        Set<String> notExpanded() {
            return notExpanded;
        }

        boolean covers(String action) {
            for (String p : patterns) {
                if (ActionGlob.matches(p, action)) {
                    return true;
                }
            }
            return false;
        }
    }

    /** Observed actions by principal key (function name, session name, role name), read once. */
    static final class ActivityIndex implements java.util.function.Consumer<ApiCall> {
        private final ActionMapper mapper;
        private final Map<String, Observed> bySession = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        private final Map<String, Observed> byRole = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        private final Set<String> dataEventServices = new TreeSet<>();

        ActivityIndex(ActionMapper mapper) {
            this.mapper = mapper;
        }

        /** What one principal did: calls attributed, action -> calls (granted or not), action -> refused calls. */
        static final class Observed {
            private long calls;
            private final Map<String, Long> used = new TreeMap<>();
            private final Map<String, Long> denied = new TreeMap<>();

            long calls() {
                return calls;
            }

            Map<String, Long> used() {
                return used;
            }

            Map<String, Long> denied() {
                return denied;
            }

            void add(Observed o) {
                calls += o.calls;
                o.used.forEach((k, v) -> used.merge(k, v, Long::sum));
                o.denied.forEach((k, v) -> denied.merge(k, v, Long::sum));
            }
        }

        @Override
        public void accept(ApiCall c) {
            if (c.byService()) {
                return;
            }
            ActionMapper.Mapping m = mapper.map(c.service(), c.operation(), c.requestParameters());
            List<String> actions = m instanceof ActionMapper.Mapped mapped ? mapped.actions() : List.of();
            for (String a : actions) {
                if (Observability.dataEventOnly(a)) {
                    dataEventServices.add(Observability.service(a));
                }
            }
            String session = c.functionName() != null ? c.functionName() : c.sessionName();
            if (session != null) {
                record(bySession.computeIfAbsent(session, k -> new Observed()), c, actions);
            }
            if (c.roleName() != null) {
                record(byRole.computeIfAbsent(c.roleName(), k -> new Observed()), c, actions);
            }
        }

        private static void record(Observed o, ApiCall c, List<String> actions) {
            Map<String, Long> target = c.denied() ? o.denied : o.used;
            for (String a : actions) {
                target.merge(a, 1L, Long::sum);
            }
            o.calls++;
        }

        boolean dataEventsSeen(String service) {
            return dataEventServices.contains(service);
        }

        /**
         * The activity of a function: sessions named after it (deployed name, or CloudFormation's
         * {@code Stack-LogicalId-RANDOM} / the Serverless Framework's {@code service-stage-key} when no name is
         * stated), plus sessions of its role (literal role name, or a generated {@code Stack-RoleId-RANDOM}).
         */
        Observed observedFor(String deployedName, String functionId, String roleId, String roleName) {
            Observed total = new Observed();
            for (Map.Entry<String, Observed> e : bySession.entrySet()) {
                if (namedAfter(e.getKey(), deployedName, functionId)) {
                    total.add(e.getValue());
                }
            }
            if (total.calls() == 0) {
                // no session named after the function: fall back to everything its role did
                for (Map.Entry<String, Observed> e : byRole.entrySet()) {
                    if (namedAfter(e.getKey(), roleName, roleId)) {
                        total.add(e.getValue());
                    }
                }
            }
            return total;
        }

        /** Exact name when stated; otherwise generated names that embed the logical id or key. */
        static boolean namedAfter(String actual, String stated, String id) {
            if (stated != null) {
                return actual.equals(stated);
            }
            if (id == null) {
                return false;
            }
            return actual.equals(id) || actual.contains("-" + id + "-") || actual.endsWith("-" + id);
        }
    }
}
