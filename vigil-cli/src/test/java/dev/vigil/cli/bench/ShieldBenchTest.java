package dev.vigil.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.shield.json.Json;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ShieldBenchTest {

    @Test
    void bench_events_have_the_advertised_shapes() {
        byte[] api = BenchEvents.apiGatewayV2TwoKb();
        assertThat(api.length).isBetween(1800, 2400);
        assertThat(((Map<?, ?>) Json.parse(api)).get("version")).isEqualTo("2.0");
        assertThat((List<?>) ((Map<?, ?>) Json.parse(BenchEvents.sqsBatchOfTen())).get("Records"))
                .hasSize(10);
    }

    @Test
    void warm_figures_are_reported_per_event_with_percentiles_in_order() throws Exception {
        ShieldBench.Warm w = ShieldBench.warm("api", BenchEvents.apiGatewayV2TwoKb(), 200, 500);
        assertThat(w.iterations()).isEqualTo(500);
        assertThat(w.directP99()).isGreaterThanOrEqualTo(w.directP50());
        assertThat(w.wrappedP99()).isGreaterThanOrEqualTo(w.wrappedP50());
        assertThat(w.wrappedP50()).isGreaterThan(0);
        @SuppressWarnings("unchecked")
        Map<String, Object> json =
                (Map<String, Object>) Json.parse(Json.writeString(ShieldBench.toJson(List.of(w), null)));
        @SuppressWarnings("unchecked")
        Map<String, Object> api = (Map<String, Object>) ((Map<?, ?>) json.get("warm")).get("api");
        assertThat(api.keySet()).contains("direct_p50_us", "wrapped_p50_us", "added_p50_us", "added_p99_us");
        assertThat(json).doesNotContainKey("cold_start");
    }
}
