package dev.vigil.shield.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.vigil.shield.Shield;
import dev.vigil.shield.detect.CanaryDetector;
import dev.vigil.shield.json.Json;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WrapperHandlerTest {

    static final String API_EVENT = "{\"version\":\"2.0\",\"routeKey\":\"$default\",\"rawPath\":\"/orders/7\","
            + "\"rawQueryString\":\"q=%s\",\"headers\":{\"host\":\"id.execute-api.us-east-1.amazonaws.com\"},"
            + "\"queryStringParameters\":{\"q\":\"%s\"},\"requestContext\":{\"accountId\":\"123456789012\","
            + "\"apiId\":\"id\",\"domainName\":\"id.execute-api.us-east-1.amazonaws.com\",\"http\":{\"method\":\"GET\","
            + "\"path\":\"/orders/7\",\"protocol\":\"HTTP/1.1\",\"sourceIp\":\"203.0.113.1\",\"userAgent\":\"x\"},"
            + "\"requestId\":\"r\",\"routeKey\":\"$default\",\"stage\":\"$default\",\"time\":\"12/Mar/2020:19:03:58 +0000\","
            + "\"timeEpoch\":1583348638390},\"isBase64Encoded\":false}";

    /** A typed events handler, as most Java functions are written. */
    public static final class TypedApi implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
        @Override
        public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
            return APIGatewayV2HTTPResponse.builder()
                    .withStatusCode(200)
                    .withBody("path=" + event.getRawPath() + " q="
                            + event.getQueryStringParameters().get("q"))
                    .build();
        }
    }

    /** A stream handler. */
    public static final class Stream implements RequestStreamHandler {
        @Override
        public void handleRequest(InputStream in, OutputStream out, Context context) throws IOException {
            out.write(("{\"echo\":" + in.readAllBytes().length + "}").getBytes(StandardCharsets.UTF_8));
        }
    }

    /** A typed SQS handler returning nothing. */
    public static final class SqsConsumer implements RequestHandler<SQSEvent, Void> {
        static volatile List<String> seen;

        @Override
        public Void handleRequest(SQSEvent event, Context context) {
            seen = event.getRecords().stream()
                    .map(SQSEvent.SQSMessage::getMessageId)
                    .toList();
            return null;
        }
    }

    /** Plain methods, no interface: the runtime accepts these too. */
    public static final class Plain {
        public Map<String, Object> handle(Map<String, Object> event, Context context) {
            return Map.of("keys", event.size());
        }

        public static String shout(String input) {
            return input.toUpperCase(java.util.Locale.ROOT);
        }

        public void raw(InputStream in, OutputStream out) throws IOException {
            out.write("\"raw\"".getBytes(StandardCharsets.UTF_8));
        }
    }

    /** No usable constructor. */
    public static final class NoDefaultConstructor implements RequestStreamHandler {
        public NoDefaultConstructor(String x) {}

        @Override
        public void handleRequest(InputStream in, OutputStream out, Context context) {}
    }

    private static Shield shield() {
        return Shield.builder()
                .detector(new CanaryDetector())
                .sink(dev.vigil.shield.telemetry.NoopSink.INSTANCE)
                .environment(Map.of())
                .build();
    }

    private static String run(String spec, String event) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new WrapperHandler(shield(), spec, null)
                .handleRequest(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), out, null);
        return out.toString(StandardCharsets.UTF_8);
    }

    private static String api(String q) {
        return String.format(API_EVENT, q, q);
    }

    @Test
    void typed_events_handler_gets_the_runtime_deserialised_event_and_its_response_is_serialised() throws Exception {
        Map<?, ?> r = (Map<?, ?>) Json.parse(run(TypedApi.class.getName() + "::handleRequest", api("shoes")));
        assertThat(r.get("statusCode")).isEqualTo(200L);
        assertThat(r.get("body")).isEqualTo("path=/orders/7 q=shoes");
    }

    @Test
    void typed_handler_is_not_called_when_blocked_and_the_refusal_is_v2_shaped() throws Exception {
        Map<?, ?> r = (Map<?, ?>) Json.parse(run(TypedApi.class.getName(), api(CanaryDetector.MARKER)));
        assertThat(r.get("statusCode")).isEqualTo(403L);
        assertThat((String) r.get("body")).doesNotContain("path=");
    }

    @Test
    void stream_handler_class_without_method_name() throws Exception {
        assertThat(run(Stream.class.getName(), api("x"))).startsWith("{\"echo\":");
    }

    @Test
    void typed_sqs_handler_sees_only_the_records_that_passed() throws Exception {
        String event = new String(
                Json.write(Map.of(
                        "Records",
                        List.of(
                                Map.of(
                                        "messageId",
                                        "m1",
                                        "body",
                                        "fine",
                                        "eventSource",
                                        "aws:sqs",
                                        "eventSourceARN",
                                        "arn:aws:sqs:us-east-1:1:q"),
                                Map.of(
                                        "messageId",
                                        "m2",
                                        "body",
                                        CanaryDetector.MARKER,
                                        "eventSource",
                                        "aws:sqs",
                                        "eventSourceARN",
                                        "arn:aws:sqs:us-east-1:1:q")))),
                StandardCharsets.UTF_8);
        run(SqsConsumer.class.getName(), event);
        assertThat(SqsConsumer.seen).containsExactly("m1");
    }

    @Test
    void plain_methods_with_map_string_and_stream_signatures() throws Exception {
        assertThat(Json.parse(run(Plain.class.getName() + "::handle", "{\"a\":1,\"b\":2}")))
                .isEqualTo(Map.of("keys", 2L));
        assertThat(run(Plain.class.getName() + "::shout", "\"hello\"")).isEqualTo("\"HELLO\"");
        assertThat(run(Plain.class.getName() + "::raw", "{}")).isEqualTo("\"raw\"");
    }

    @Test
    void configuration_errors_say_what_to_fix() {
        assertThatThrownBy(() -> new WrapperHandler(shield(), null, null))
                .isInstanceOf(HandlerConfigurationException.class)
                .hasMessage(
                        "VIGIL_HANDLER is not set: set it to the real handler, e.g. com.acme.Orders::handleRequest");
        assertThatThrownBy(() -> new WrapperHandler(shield(), "com.acme.Missing::handleRequest", null))
                .hasMessage("VIGIL_HANDLER class not found: 'com.acme.Missing'");
        assertThatThrownBy(() -> new WrapperHandler(shield(), Plain.class.getName() + "::nope", null))
                .hasMessageStartingWith("VIGIL_HANDLER method not found: public method 'nope'");
        assertThatThrownBy(() -> new WrapperHandler(shield(), NoDefaultConstructor.class.getName(), null))
                .hasMessageContaining("needs a public no-argument constructor");
        assertThatThrownBy(() -> new WrapperHandler(shield(), WrapperHandler.class.getName(), null))
                .hasMessageContaining("names the Vigil wrapper itself");
    }
}
