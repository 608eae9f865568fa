package dev.vigil.posture.usage;

import dev.vigil.posture.usage.activity.ApiCall;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Builds the minimal identity policy for one role or function from the calls it made: each call mapped to its IAM
 * actions ({@link ActionMapper}) and resources ({@link ResourceDeriver}); calls AWS refused for lack of permission are
 * kept apart (and granted only when asked to); calls that map to no action are counted by operation.
 */
public final class PolicySuggester implements Consumer<ApiCall> {

    private final ActionMapper mapper;
    private final ResourceDeriver resources;
    private final CallFilter filter;
    private final boolean grantDenied;

    private long seen;
    private long matched;
    private long byService;
    private final Map<String, Set<String>> granted = new TreeMap<>();
    private final Map<String, Long> actionCalls = new TreeMap<>();
    private final Map<String, Long> denied = new TreeMap<>();
    private final Map<String, Long> unmapped = new TreeMap<>();
    private final Set<String> placeholders = new TreeSet<>();
    private boolean unverified;

    /**
     * @param mapper call -> actions
     * @param filter the role or function
     * @param grantDenied also grant the actions of calls AWS denied
     */
    public PolicySuggester(ActionMapper mapper, CallFilter filter, boolean grantDenied) {
        this.mapper = mapper;
        this.resources = new ResourceDeriver(mapper.catalog(), mapper.catalogKnown());
        this.filter = filter;
        this.grantDenied = grantDenied;
    }

    @Override
    public void accept(ApiCall call) {
        seen++;
        if (!filter.matches(call)) {
            return;
        }
        matched++;
        if (call.byService()) {
            byService++;
            return;
        }
        ActionMapper.Mapping m = mapper.map(call.service(), call.operation(), call.requestParameters());
        if (m instanceof ActionMapper.Unmapped u) {
            unmapped.merge(u.operation() + " (" + u.reason() + ")", 1L, Long::sum);
            return;
        }
        ActionMapper.Mapped mapped = (ActionMapper.Mapped) m;
        unverified |= !mapped.verified();
        boolean refused = call.denied();
        for (String action : mapped.actions()) {
            if (refused) {
                denied.merge(action, 1L, Long::sum);
                if (!grantDenied) {
                    continue;
                }
            }
            actionCalls.merge(action, 1L, Long::sum);
            ResourceDeriver.Derived d = resources.derive(action, call);
            granted.computeIfAbsent(action, k -> new TreeSet<>()).addAll(d.arns());
            if (d.placeholder()) {
                placeholders.addAll(d.arns());
            }
        }
    }

    /** The suggestion from everything accepted so far. */
    public SuggestedPolicy result() {
        Map<String, List<String>> byAction = new TreeMap<>();
        for (Map.Entry<String, Set<String>> e : granted.entrySet()) {
            byAction.put(e.getKey(), ResourceGeneraliser.generalise(e.getValue()));
        }
        return new SuggestedPolicy(
                filter.describe(),
                seen,
                matched,
                byService,
                byAction,
                actionCalls,
                denied,
                unmapped,
                new ArrayList<>(placeholders),
                mapper.catalogKnown(),
                unverified,
                grantDenied);
    }
}
