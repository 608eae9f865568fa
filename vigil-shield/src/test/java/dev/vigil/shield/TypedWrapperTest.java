package dev.vigil.shield;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.vigil.core.telemetry.Action;
import dev.vigil.shield.detect.CanaryDetector;
import dev.vigil.shield.policy.BatchMode;
import dev.vigil.shield.policy.Mode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class TypedWrapperTest {

    private final RecordingSink sink = new RecordingSink();

    private Shield shield(BatchMode batch) {
        return Shield.builder()
                .policy(Policies.of(Mode.BLOCK, batch))
                .detector(new CanaryDetector())
                .sink(sink)
                .environment(Map.of())
                .build();
    }

    private static APIGatewayV2HTTPEvent v2(String q) {
        return APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0")
                .withRawPath("/orders")
                .withRawQueryString("q=" + q)
                .withQueryStringParameters(Map.of("q", q))
                .withHeaders(Map.of("host", "id.execute-api.us-east-1.amazonaws.com"))
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withDomainName("id.execute-api.us-east-1.amazonaws.com")
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                                .withMethod("GET")
                                .withPath("/orders")
                                .build())
                        .build())
                .build();
    }

    private static SQSEvent sqs(String... bodies) {
        List<SQSEvent.SQSMessage> messages = new ArrayList<>();
        for (int i = 0; i < bodies.length; i++) {
            SQSEvent.SQSMessage m = new SQSEvent.SQSMessage();
            m.setMessageId("m" + i);
            m.setBody(bodies[i]);
            m.setEventSource("aws:sqs");
            m.setEventSourceArn("arn:aws:sqs:us-east-1:123456789012:q");
            messages.add(m);
        }
        SQSEvent e = new SQSEvent();
        e.setRecords(messages);
        return e;
    }

    @Test
    void a_blocked_v2_event_returns_a_typed_403_response() {
        int[] calls = {0};
        RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> h = shield(BatchMode.DROP)
                .wrap((e, c) -> {
                    calls[0]++;
                    return APIGatewayV2HTTPResponse.builder()
                            .withStatusCode(200)
                            .build();
                });
        APIGatewayV2HTTPResponse r = h.handleRequest(v2(CanaryDetector.MARKER), StreamHarness.context("r1"));
        assertThat(calls[0]).isZero();
        assertThat(r.getStatusCode()).isEqualTo(403);
        assertThat(r.getHeaders()).containsEntry("content-type", "application/json");
        assertThat(r.getBody()).contains("Forbidden");
        assertThat(h.handleRequest(v2("shoes"), StreamHarness.context("r2")).getStatusCode())
                .isEqualTo(200);
    }

    @Test
    void a_blocked_v1_event_returns_a_typed_403_response() {
        APIGatewayProxyRequestEvent e = new APIGatewayProxyRequestEvent()
                .withHttpMethod("GET")
                .withPath("/orders")
                .withResource("/{proxy+}")
                .withQueryStringParameters(Map.of("q", CanaryDetector.MARKER))
                .withRequestContext(new APIGatewayProxyRequestEvent.ProxyRequestContext().withStage("prod"));
        RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> h =
                shield(BatchMode.DROP).wrap((in, c) -> new APIGatewayProxyResponseEvent().withStatusCode(200));
        assertThat(h.handleRequest(e, StreamHarness.context("r")).getStatusCode())
                .isEqualTo(403);
    }

    @Test
    void sqs_drop_filters_the_typed_event() {
        List<String> seen = new ArrayList<>();
        RequestHandler<SQSEvent, Void> h = shield(BatchMode.DROP).wrap((e, c) -> {
            e.getRecords().forEach(m -> seen.add(m.getMessageId()));
            return null;
        });
        h.handleRequest(sqs("a", CanaryDetector.MARKER, "c"), StreamHarness.context("r"));
        assertThat(seen).containsExactly("m0", "m2");
        assertThat(sink.findings().get(0).action()).isEqualTo(Action.DROPPED);
    }

    @Test
    void sqs_report_adds_failures_to_the_typed_batch_response() {
        RequestHandler<SQSEvent, SQSBatchResponse> h = shield(BatchMode.REPORT)
                .wrap((e, c) ->
                        new SQSBatchResponse(new ArrayList<>(List.of(new SQSBatchResponse.BatchItemFailure("m0")))));
        SQSBatchResponse r = h.handleRequest(sqs("a", "b", CanaryDetector.MARKER), StreamHarness.context("r"));
        assertThat(r.getBatchItemFailures())
                .extracting(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
                .containsExactly("m0", "m2");
    }

    @Test
    void plain_function_wrapper_for_other_frameworks() {
        Function<Map<String, Object>, String> f = shield(BatchMode.DROP).wrapFunction(m -> "handled");
        assertThat(f.apply(Map.of("note", "hello"))).isEqualTo("handled");
        assertThat(f.apply(Map.of("note", CanaryDetector.MARKER))).isNull();
        assertThat(sink.findings()).hasSize(1);
    }

    @Test
    void an_http_event_of_an_unknown_type_is_refused_with_an_exception() {
        Map<String, Object> http = TestEvents.apiV2("/orders", "q=" + CanaryDetector.MARKER);
        Function<Object, Object> f = shield(BatchMode.DROP).wrapFunction(o -> "x");
        // a map input gets a map refusal
        assertThat(((Map<?, ?>) f.apply(http)).get("statusCode")).isEqualTo(403);
        Function<CustomRequest, String> custom = shield(BatchMode.DROP).wrapFunction(o -> "x");
        assertThatThrownBy(() -> custom.apply(new CustomRequest(http)))
                .isInstanceOf(ShieldBlockedException.class)
                .hasMessageContaining("no HTTP response type known");
    }

    /** A custom type whose getters mirror an API Gateway v2 event. */
    public static final class CustomRequest {
        private final Map<String, Object> event;

        CustomRequest(Map<String, Object> event) {
            this.event = event;
        }

        public String getVersion() {
            return "2.0";
        }

        public String getRawPath() {
            return (String) event.get("rawPath");
        }

        public String getRawQueryString() {
            return (String) event.get("rawQueryString");
        }

        public Object getQueryStringParameters() {
            return event.get("queryStringParameters");
        }

        public Object getHeaders() {
            return event.get("headers");
        }

        public Object getRequestContext() {
            return event.get("requestContext");
        }
    }
}
