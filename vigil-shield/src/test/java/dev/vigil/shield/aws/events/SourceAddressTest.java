package dev.vigil.shield.aws.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.core.telemetry.Trigger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SourceAddressTest {

    @Test
    void rest_api_uses_the_identity_source_ip() {
        Map<String, Object> e = Map.of("requestContext", Map.of("identity", Map.of("sourceIp", "203.0.113.9")));
        assertThat(SourceAddress.of(Trigger.API_GATEWAY_REST, e)).isEqualTo("203.0.113.9");
    }

    @Test
    void http_api_and_function_url_use_the_http_source_ip() {
        Map<String, Object> e = Map.of("requestContext", Map.of("http", Map.of("sourceIp", "2001:db8::7")));
        assertThat(SourceAddress.of(Trigger.API_GATEWAY_HTTP, e)).isEqualTo("2001:db8::7");
        assertThat(SourceAddress.of(Trigger.FUNCTION_URL, e)).isEqualTo("2001:db8::7");
    }

    @Test
    void alb_uses_the_entry_the_load_balancer_appended_not_the_one_the_client_wrote() {
        Map<String, Object> single = Map.of("headers", Map.of("X-Forwarded-For", "10.9.9.9, 198.51.100.4"));
        assertThat(SourceAddress.of(Trigger.ALB, single)).isEqualTo("198.51.100.4");
        Map<String, Object> multi =
                Map.of("multiValueHeaders", Map.of("x-forwarded-for", List.of("1.1.1.1", "8.8.8.8, 192.0.2.33")));
        assertThat(SourceAddress.of(Trigger.ALB, multi)).isEqualTo("192.0.2.33");
        assertThat(SourceAddress.of(Trigger.ALB, Map.of("headers", Map.of("host", "x"))))
                .isNull();
    }

    @Test
    void anything_but_an_ip_literal_is_dropped() {
        for (String forged : List.of(
                "evil.example.com", "1.2.3.4 <script>", "1.2.3.4\n{\"x\":1}", "", "7", "::ffff:1.2.3.4".repeat(4))) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("requestContext", Map.of("http", Map.of("sourceIp", forged)));
            assertThat(SourceAddress.of(Trigger.API_GATEWAY_HTTP, e)).as(forged).isNull();
        }
        assertThat(SourceAddress.of(Trigger.ALB, Map.of("headers", Map.of("x-forwarded-for", "1.2.3.4, unknown"))))
                .isNull();
    }

    @Test
    void non_http_triggers_and_odd_shapes_have_no_address() {
        Map<String, Object> e = Map.of("requestContext", Map.of("http", Map.of("sourceIp", "203.0.113.9")));
        assertThat(SourceAddress.of(Trigger.SQS, e)).isNull();
        assertThat(SourceAddress.of(Trigger.API_GATEWAY_HTTP, Map.of("requestContext", "nope")))
                .isNull();
        assertThat(SourceAddress.of(Trigger.API_GATEWAY_REST, Map.of())).isNull();
        assertThat(SourceAddress.of(null, e)).isNull();
        assertThat(SourceAddress.of(Trigger.ALB, null)).isNull();
    }
}
