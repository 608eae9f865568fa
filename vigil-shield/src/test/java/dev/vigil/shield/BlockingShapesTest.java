package dev.vigil.shield;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.core.telemetry.Action;
import dev.vigil.core.telemetry.InvocationSummary;
import dev.vigil.core.telemetry.Outcome;
import dev.vigil.core.telemetry.SecurityFinding;
import dev.vigil.core.telemetry.Trigger;
import dev.vigil.shield.detect.CanaryDetector;
import dev.vigil.shield.json.Json;
import dev.vigil.shield.policy.BatchMode;
import dev.vigil.shield.policy.Mode;
import dev.vigil.shield.policy.Policy;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BlockingShapesTest {

    private static final String MARK = CanaryDetector.MARKER;
    private final StreamHarness h = new StreamHarness();

    private Shield shield(Policy policy) {
        return Shield.builder()
                .policy(policy)
                .detector(new CanaryDetector())
                .sink(h.sink)
                .environment(Map.of())
                .build();
    }

    private Shield blocking() {
        return shield(Policies.of(Mode.BLOCK, BatchMode.DROP));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    private static List<Object> field(Object list, String name) {
        return ((List<?>) list)
                .stream().map(r -> (Object) ((Map<?, ?>) r).get(name)).toList();
    }

    @Test
    void api_gateway_v1_gets_a_403_proxy_response_and_the_handler_does_not_run() throws Exception {
        Object response = h.invoke(blocking(), TestEvents.apiV1("/orders", Map.of("q", MARK), null));
        assertThat(h.handlerCalls).isZero();
        Map<String, Object> r = map(response);
        assertThat(r.get("statusCode")).isEqualTo(403L);
        assertThat(map(r.get("headers"))).containsEntry("content-type", "application/json");
        assertThat(map(Json.parse((String) r.get("body"))))
                .containsEntry("message", "Forbidden")
                .containsEntry("requestId", "req-1");
        assertThat(r).doesNotContainKey("statusDescription");
        SecurityFinding f = h.sink.findings().get(0);
        assertThat(f.trigger()).isEqualTo(Trigger.API_GATEWAY_REST);
        assertThat(f.action()).isEqualTo(Action.BLOCKED);
        assertThat(f.ruleId()).isEqualTo(CanaryDetector.RULE_ID);
        InvocationSummary s = h.sink.of(InvocationSummary.class).get(0);
        assertThat(s.outcome()).isEqualTo(Outcome.BLOCKED);
        assertThat(s.httpStatus()).isEqualTo(403);
    }

    @Test
    void api_gateway_v2_and_function_url_get_a_403() throws Exception {
        Map<String, Object> v2 = map(h.invoke(blocking(), TestEvents.apiV2("/orders", "q=" + MARK)));
        assertThat(v2.get("statusCode")).isEqualTo(403L);
        assertThat(h.sink.findings().get(0).trigger()).isEqualTo(Trigger.API_GATEWAY_HTTP);
        h.sink.clear();
        Map<String, Object> url = map(h.invoke(blocking(), TestEvents.functionUrl("/orders", "q=" + MARK)));
        assertThat(url.get("statusCode")).isEqualTo(403L);
        assertThat(h.sink.findings().get(0).trigger()).isEqualTo(Trigger.FUNCTION_URL);
        assertThat(h.handlerCalls).isZero();
    }

    @Test
    void alb_gets_status_description_and_multi_value_headers_when_the_request_had_them() throws Exception {
        Map<String, Object> single = map(h.invoke(blocking(), TestEvents.alb("/x", MARK, false)));
        assertThat(single.get("statusDescription")).isEqualTo("403 Forbidden");
        assertThat(single).containsKey("headers").doesNotContainKey("multiValueHeaders");
        Map<String, Object> multi = map(h.invoke(blocking(), TestEvents.alb("/x", MARK, true)));
        assertThat(multi.get("statusDescription")).isEqualTo("403 Forbidden");
        assertThat(map(multi.get("multiValueHeaders")).get("content-type")).isEqualTo(List.of("application/json"));
        assertThat(multi).doesNotContainKey("headers");
        assertThat(h.sink.findings()).allMatch(f -> f.trigger() == Trigger.ALB);
    }

    @Test
    void benign_http_events_reach_the_handler_unchanged() throws Exception {
        Map<String, Object> event = TestEvents.apiV2("/orders/42", "q=shoes");
        Object response = h.invoke(blocking(), event);
        assertThat(h.handlerCalls).isEqualTo(1);
        assertThat(h.handlerSaw).isEqualTo(Json.parse(Json.write(event)));
        assertThat(map(response).get("statusCode")).isEqualTo(200L);
        assertThat(h.sink.findings()).isEmpty();
    }

    @Test
    void sqs_drop_mode_removes_only_the_bad_record() throws Exception {
        Object response =
                h.invoke(blocking(), TestEvents.sqs("{\"id\":1}", "{\"note\":\"" + MARK + "\"}", "{\"id\":3}"));
        assertThat(field(map(h.handlerSaw).get("Records"), "messageId")).containsExactly("msg-0", "msg-2");
        assertThat(map(response).get("statusCode")).isEqualTo(200L);
        SecurityFinding f = h.sink.findings().get(0);
        assertThat(f.action()).isEqualTo(Action.DROPPED);
        assertThat(f.recordIndex()).isEqualTo(1);
        assertThat(f.location()).startsWith("Records[1].body");
        assertThat(h.sink.of(InvocationSummary.class).get(0).outcome()).isEqualTo(Outcome.PARTIAL);
    }

    @Test
    void sqs_report_mode_adds_batch_item_failures_to_the_handler_response() throws Exception {
        h.handlerResponse = "{\"batchItemFailures\":[{\"itemIdentifier\":\"msg-0\"}]}".getBytes();
        Object response = h.invoke(
                shield(Policies.of(Mode.BLOCK, BatchMode.REPORT)), TestEvents.sqs("{\"id\":1}", "{\"id\":2}", MARK));
        assertThat((List<?>) map(h.handlerSaw).get("Records")).hasSize(2);
        assertThat(field(map(response).get("batchItemFailures"), "itemIdentifier"))
                .containsExactly("msg-0", "msg-2");
        assertThat(h.sink.findings().get(0).action()).isEqualTo(Action.REPORTED_FAILURE);
    }

    @Test
    void kinesis_and_dynamodb_report_their_own_item_identifiers() throws Exception {
        Shield report = shield(Policies.of(Mode.BLOCK, BatchMode.REPORT));
        h.handlerResponse = "null".getBytes();
        Object k = h.invoke(report, TestEvents.kinesis("{\"a\":1}", "{\"note\":\"" + MARK + "\"}"));
        assertThat(field(map(k).get("batchItemFailures"), "itemIdentifier"))
                .containsExactly("49590333432097000000000000000000000000000000000000000001");
        Object d = h.invoke(report, TestEvents.dynamodb(MARK, "fine"));
        assertThat(field(map(d).get("batchItemFailures"), "itemIdentifier"))
                .containsExactly("111000000000000000000000");
        assertThat(h.sink.findings())
                .extracting(SecurityFinding::trigger)
                .containsExactly(Trigger.KINESIS, Trigger.DYNAMODB_STREAMS);
    }

    @Test
    void a_batch_with_every_record_bad_never_reaches_the_handler() throws Exception {
        Object response = h.invoke(shield(Policies.of(Mode.BLOCK, BatchMode.REPORT)), TestEvents.sqs(MARK, MARK));
        assertThat(h.handlerCalls).isZero();
        assertThat((List<?>) map(response).get("batchItemFailures")).hasSize(2);
        assertThat(h.invoke(blocking(), TestEvents.sqs(MARK))).isNull();
        assertThat(h.handlerCalls).isZero();
    }

    @Test
    void s3_keys_are_decoded_and_a_bad_event_is_not_processed() throws Exception {
        String encoded = "uploads/" + MARK.replace("-", "%2D") + "+report.pdf";
        Object response = h.invoke(blocking(), TestEvents.s3(encoded));
        assertThat(h.handlerCalls).isZero();
        assertThat(response).isNull();
        SecurityFinding f = h.sink.findings().get(0);
        assertThat(f.trigger()).isEqualTo(Trigger.S3);
        assertThat(f.location()).isEqualTo("Records[0].s3.object.key");
    }

    @Test
    void monitor_mode_reports_and_lets_everything_through() throws Exception {
        h.invoke(shield(Policies.of(Mode.MONITOR, BatchMode.DROP)), TestEvents.sqs(MARK, "{}"));
        assertThat((List<?>) map(h.handlerSaw).get("Records")).hasSize(2);
        assertThat(h.sink.findings().get(0).action()).isEqualTo(Action.MONITORED);
    }

    @Test
    void a_category_override_to_monitor_wins_over_global_block() throws Exception {
        Policy p = Policies.with(
                Mode.BLOCK,
                Map.of("test", Mode.MONITOR),
                List.of(),
                BatchMode.DROP,
                Policies.TEST_BUDGET_MICROS,
                List.of());
        Object response = h.invoke(shield(p), TestEvents.apiV2("/orders", "q=" + MARK));
        assertThat(map(response).get("statusCode")).isEqualTo(200L);
        assertThat(h.sink.findings().get(0).action()).isEqualTo(Action.MONITORED);
    }

    @Test
    void a_category_turned_off_is_not_inspected() throws Exception {
        Policy p = Policies.with(
                Mode.BLOCK,
                Map.of("test", Mode.OFF),
                List.of(),
                BatchMode.DROP,
                Policies.TEST_BUDGET_MICROS,
                List.of());
        h.invoke(shield(p), TestEvents.apiV2("/orders", "q=" + MARK));
        assertThat(h.handlerCalls).isEqualTo(1);
        assertThat(h.sink.findings()).isEmpty();
    }

    @Test
    void global_off_inspects_nothing() throws Exception {
        h.invoke(shield(Policies.of(Mode.OFF, BatchMode.DROP)), TestEvents.apiV2("/orders", "q=" + MARK));
        assertThat(h.handlerCalls).isEqualTo(1);
        assertThat(h.sink.findings()).isEmpty();
    }

    @Test
    void url_encoded_marker_in_a_json_body_is_found_with_its_decoding_and_location() throws Exception {
        String body = "{\"order\":{\"note\":\"" + MARK.replace("-", "%2D") + "\"}}";
        h.invoke(
                blocking(),
                TestEvents.apiV2(
                        "POST",
                        "/orders",
                        "",
                        Map.of("content-type", "application/json"),
                        body,
                        "id.execute-api.us-east-1.amazonaws.com"));
        assertThat(h.sink.findings()).anySatisfy(f -> {
            assertThat(f.location()).isEqualTo("body.$.order.note");
            assertThat(f.decoding()).isEqualTo("url");
            assertThat(f.evidence()).isEqualTo(MARK);
        });
    }
}
