package dev.vigil.posture.format.serverless;

import dev.vigil.posture.format.LoweringContext;
import dev.vigil.posture.source.Intrinsic;
import dev.vigil.posture.source.Location;
import dev.vigil.posture.source.MapNode;
import dev.vigil.posture.source.Node;
import dev.vigil.posture.source.SeqNode;
import dev.vigil.posture.template.CfnResource;
import dev.vigil.posture.template.CfnTemplate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Lowers a serverless.yml (framework v1–v4, AWS provider) to the CloudFormation the framework compiles: variables
 * first ({@link VariableResolver}), then functions, events, roles and APIs, then the {@code resources} section merged
 * over what was generated (a resource of the same logical id is merged into the generated one, as the framework
 * does; {@code resources.extensions} likewise).
 */
public final class ServerlessCompiler {
    static final String RESOURCES_ORIGIN = "serverless.yml resources";
    static final int MAX_MERGE_DEPTH = 64;

    private ServerlessCompiler() {}

    /** The lowered template; never throws on odd input (what cannot be lowered is noted in the problems). */
    public static CfnTemplate compile(String file, MapNode raw, LoweringContext context) {
        VariableResolver variables = new VariableResolver(file, raw, context);
        MapNode root = variables.resolveDocument();
        Service s = new Service(file, root, variables.stage(), variables.region());
        s.problems.addAll(variables.problems());
        IamCompiler iam = new IamCompiler(s);
        FunctionCompiler functions = new FunctionCompiler(s, iam);
        RestApiCompiler rest = new RestApiCompiler(s);
        HttpApiCompiler http = new HttpApiCompiler(s);
        EventCompiler events = new EventCompiler(s, iam, rest, http);
        for (Service.Function f : s.functions) {
            functions.compile(f);
        }
        for (Service.Function f : s.functions) {
            events.compile(f);
        }
        rest.finish();
        http.finish();
        iam.compile();
        return assemble(s);
    }

    private static CfnTemplate assemble(Service s) {
        Map<String, MapNode.Entry> entries = new LinkedHashMap<>();
        Map<String, String> origins = new LinkedHashMap<>();
        for (Output.Built b : s.out.build()) {
            entries.put(b.entry().key(), b.entry());
            origins.put(b.entry().key(), b.resource().origin());
        }
        List<MapNode> sections = resourceSections(s.root.get("resources"));
        List<MapNode.Entry> rootEntries = new ArrayList<>();
        for (MapNode section : sections) {
            for (String key : new String[] {"Resources", "extensions"}) {
                if (!(section.get(key) instanceof MapNode rs)) {
                    continue;
                }
                boolean extension = key.equals("extensions");
                for (MapNode.Entry e : rs.entries()) {
                    if (Nodes.isUnresolved(e.value())) {
                        s.problem(
                                e.keyLocation(),
                                "resource " + e.key() + " is " + ((MapNode) e.value()).text(Intrinsic.UNRESOLVED)
                                        + ", which cannot be read; skipped");
                        continue;
                    }
                    MapNode.Entry existing = entries.get(e.key());
                    if (existing != null && existing.value() instanceof MapNode em && e.value() instanceof MapNode um) {
                        entries.put(e.key(), new MapNode.Entry(e.key(), existing.keyLocation(), merge(em, um, 0)));
                    } else if (extension) {
                        s.problem(
                                e.keyLocation(), "resources.extensions." + e.key() + " extends no generated resource");
                    } else {
                        entries.put(e.key(), e);
                        origins.put(e.key(), RESOURCES_ORIGIN);
                    }
                }
            }
            for (MapNode.Entry e : section.entries()) {
                if (e.key().equals("Conditions")
                        || e.key().equals("Parameters")
                        || e.key().equals("Mappings")
                        || e.key().equals("Outputs")) {
                    rootEntries.add(e);
                }
            }
        }
        Map<String, CfnResource> resources = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>(s.problems);
        for (MapNode.Entry e : entries.values()) {
            CfnResource r = CfnTemplate.resource(e, origins.get(e.key()), problems);
            if (r != null) {
                resources.put(r.logicalId(), r);
            }
        }
        Location at = s.root.location();
        rootEntries.add(0, new MapNode.Entry("Resources", at, new MapNode(new ArrayList<>(entries.values()), at)));
        return new CfnTemplate(s.file, new MapNode(mergeSections(rootEntries), at), resources, problems);
    }

    /** {@code resources} as one map or (several {@code ${file()}} includes) a list of maps. */
    private static List<MapNode> resourceSections(Node resources) {
        List<MapNode> out = new ArrayList<>();
        if (resources instanceof MapNode m) {
            out.add(m);
        } else if (resources instanceof SeqNode q) {
            for (Node item : q.items()) {
                if (item instanceof MapNode m) {
                    out.add(m);
                }
            }
        }
        return out;
    }

    /** Several {@code Conditions:} sections (from several includes) become one. */
    private static List<MapNode.Entry> mergeSections(List<MapNode.Entry> entries) {
        Map<String, MapNode.Entry> out = new LinkedHashMap<>();
        for (MapNode.Entry e : entries) {
            MapNode.Entry prev = out.get(e.key());
            if (prev != null && prev.value() instanceof MapNode a && e.value() instanceof MapNode b) {
                List<MapNode.Entry> both = new ArrayList<>(a.entries());
                both.addAll(b.entries());
                out.put(e.key(), new MapNode.Entry(e.key(), prev.keyLocation(), new MapNode(both, a.location())));
            } else {
                out.put(e.key(), e);
            }
        }
        return new ArrayList<>(out.values());
    }

    /** Deep merge: maps merge key by key, anything else from {@code over} replaces. */
    static MapNode merge(MapNode base, MapNode over, int depth) {
        if (depth > MAX_MERGE_DEPTH) {
            return over;
        }
        List<MapNode.Entry> out = new ArrayList<>(base.entries());
        for (MapNode.Entry e : over.entries()) {
            int idx = -1;
            for (int i = 0; i < out.size(); i++) {
                if (out.get(i).key().equals(e.key())) {
                    idx = i;
                }
            }
            if (idx < 0) {
                out.add(e);
            } else if (out.get(idx).value() instanceof MapNode a && e.value() instanceof MapNode b) {
                out.set(idx, new MapNode.Entry(e.key(), e.keyLocation(), merge(a, b, depth + 1)));
            } else {
                out.set(idx, e);
            }
        }
        return new MapNode(out, base.location());
    }
}
