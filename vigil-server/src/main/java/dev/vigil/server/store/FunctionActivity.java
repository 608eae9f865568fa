package dev.vigil.server.store;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What one function did over a short period, accumulated in memory by the pipeline and written to the inventory in
 * one {@link FunctionStore#record} call. Writing sums instead of single invocations keeps the store's write rate
 * independent of the event rate. Not thread-safe.
 */
public final class FunctionActivity {

    private final String tenant;
    private final String name;
    private String runtime;
    private String region;
    private String account;
    private long firstSeen = Long.MAX_VALUE;
    private long lastSeen = Long.MIN_VALUE;
    private long invocations;
    private long errors;
    private long coldStarts;
    private final DurationHistogram durations = new DurationHistogram();
    private final Map<String, Long> triggers = new LinkedHashMap<>();
    private final Map<String, Long> egress = new LinkedHashMap<>();

    /** Activity of function {@code name} in {@code tenant} ({@code null} for the default tenant). */
    public FunctionActivity(String tenant, String name) {
        this.tenant = tenant == null || tenant.isBlank() ? Tenants.DEFAULT : tenant;
        this.name = Objects.requireNonNull(name, "name");
    }

    /** Sets what is known about the function's deployment; {@code null} values keep what the store has. */
    public FunctionActivity deployment(String runtime, String region, String account) {
        this.runtime = runtime;
        this.region = region;
        this.account = account;
        return this;
    }

    /**
     * Counts one invocation.
     *
     * @param timeMillis when it started
     * @param triggerType what invoked it (e.g. {@code apigateway-v2}), or {@code null}
     * @param durationMicros how long it ran
     * @param error whether it ended in an error
     * @param coldStart whether it was the first invocation of its runtime instance
     */
    public FunctionActivity invocation(
            long timeMillis, String triggerType, long durationMicros, boolean error, boolean coldStart) {
        seen(timeMillis);
        invocations++;
        if (error) {
            errors++;
        }
        if (coldStart) {
            coldStarts++;
        }
        durations.add(durationMicros);
        if (triggerType != null && !triggerType.isBlank()) {
            triggers.merge(triggerType, 1L, Long::sum);
        }
        return this;
    }

    /** Counts one outbound connection to {@code destination} (host, host:port or service endpoint). */
    public FunctionActivity egress(long timeMillis, String destination) {
        seen(timeMillis);
        egress.merge(Objects.requireNonNull(destination, "destination"), 1L, Long::sum);
        return this;
    }

    private void seen(long timeMillis) {
        firstSeen = Math.min(firstSeen, timeMillis);
        lastSeen = Math.max(lastSeen, timeMillis);
    }

    /** Whether nothing was counted. */
    public boolean isEmpty() {
        return lastSeen == Long.MIN_VALUE;
    }

    String tenant() {
        return tenant;
    }

    String name() {
        return name;
    }

    String runtime() {
        return runtime;
    }

    String region() {
        return region;
    }

    String account() {
        return account;
    }

    long firstSeen() {
        return firstSeen;
    }

    long lastSeen() {
        return lastSeen;
    }

    long invocations() {
        return invocations;
    }

    long errors() {
        return errors;
    }

    long coldStarts() {
        return coldStarts;
    }

    DurationHistogram durations() {
        return durations;
    }

    Map<String, Long> triggers() {
        return triggers;
    }

    Map<String, Long> egress() {
        return egress;
    }
}
