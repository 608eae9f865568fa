package dev.vigil.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FunctionStoreTest extends StoreTestBase {

    private static final long T0 = 1_800_000_000_000L;

    private FunctionStore functions;

    @BeforeEach
    void createStore() {
        functions = new FunctionStore(db);
    }

    @Test
    void discoversAndAccumulatesAFunction() {
        functions.record(new FunctionActivity(null, "orders")
                .deployment("java17", "eu-west-1", null)
                .invocation(T0 + 5, "apigateway-v2", 1_000, false, true)
                .invocation(T0 + 9, "apigateway-v2", 3_000, true, false)
                .egress(T0 + 9, "api.stripe.com:443"));
        functions.record(new FunctionActivity(null, "orders")
                .deployment(null, null, "123456789012")
                .invocation(T0, "sqs", 2_000, false, false)
                .egress(T0, "api.stripe.com:443"));

        FunctionSummary f = functions.get(null, "orders").orElseThrow();
        assertThat(f.runtime()).isEqualTo("java17");
        assertThat(f.region()).isEqualTo("eu-west-1");
        assertThat(f.account()).isEqualTo("123456789012");
        assertThat(f.firstSeen()).isEqualTo(T0);
        assertThat(f.lastSeen()).isEqualTo(T0 + 9);
        assertThat(f.invocations()).isEqualTo(3);
        assertThat(f.errors()).isEqualTo(1);
        assertThat(f.coldStarts()).isEqualTo(1);
        assertThat(f.triggers()).containsEntry("apigateway-v2", 2L).containsEntry("sqs", 1L);
        assertThat(f.egress()).containsEntry("api.stripe.com:443", 2L);
        assertThat((double) f.p50Micros()).isCloseTo(2_000, within(2_000 * 0.07));
        assertThat((double) f.p99Micros()).isCloseTo(3_000, within(3_000 * 0.07));
    }

    @Test
    void listsFunctionsOfOneTenantMostRecentFirst() {
        functions.record(List.of(
                new FunctionActivity(null, "old").invocation(T0, null, 10, false, false),
                new FunctionActivity(null, "new").invocation(T0 + 1, null, 10, false, false),
                new FunctionActivity("acme", "other").invocation(T0 + 2, null, 10, false, false),
                new FunctionActivity(null, "nothing-happened")));

        assertThat(functions.list(null)).extracting(FunctionSummary::name).containsExactly("new", "old");
        assertThat(functions.list("acme")).extracting(FunctionSummary::name).containsExactly("other");
        assertThat(functions.get(null, "missing")).isEmpty();
    }

    @Test
    void percentilesComeFromTheStoredHistogram() {
        FunctionActivity activity = new FunctionActivity(null, "f");
        for (int i = 1; i <= 1000; i++) {
            activity.invocation(T0, "sqs", i * 100L, false, false);
        }
        functions.record(activity);

        DurationHistogram h = functions.durations(null, "f");
        assertThat(h.total()).isEqualTo(1000);
        FunctionSummary f = functions.get(null, "f").orElseThrow();
        assertThat((double) f.p50Micros()).isCloseTo(50_000, within(50_000 * 0.07));
        assertThat((double) f.p99Micros()).isCloseTo(99_000, within(99_000 * 0.07));
    }

    @Test
    void concurrentUpsertsOfTheSameFunctionLoseNothing() throws Exception {
        int threads = 4;
        int batchesPerThread = 250;
        // On SQLite a second Database on the same file plays another process: its writes wait on busy_timeout.
        try (Database second = Database.open(url())) {
            List<FunctionStore> stores = List.of(functions, new FunctionStore(second));
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            long start = System.nanoTime();
            try {
                List<Future<?>> futures = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    FunctionStore store = stores.get(t % 2);
                    futures.add(pool.submit(() -> {
                        for (int i = 0; i < batchesPerThread; i++) {
                            store.record(new FunctionActivity(null, "hot")
                                    .invocation(T0 + i, "sqs", 1_000 + i, i % 10 == 0, false)
                                    .egress(T0 + i, "db:5432"));
                        }
                        return null;
                    }));
                }
                for (Future<?> f : futures) {
                    f.get(60, TimeUnit.SECONDS);
                }
            } finally {
                pool.shutdownNow();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            int total = threads * batchesPerThread;
            System.out.printf(
                    "%s: %d concurrent function upserts (4 tables each) in %.2f s = %.0f/s%n",
                    backend, total, seconds, total / seconds);

            FunctionSummary hot = functions.get(null, "hot").orElseThrow();
            assertThat(hot.invocations()).isEqualTo(total);
            assertThat(hot.errors()).isEqualTo(total / 10);
            assertThat(hot.egress()).containsEntry("db:5432", (long) total);
            assertThat(hot.triggers()).containsEntry("sqs", (long) total);
            assertThat(functions.durations(null, "hot").total()).isEqualTo(total);
        }
    }
}
