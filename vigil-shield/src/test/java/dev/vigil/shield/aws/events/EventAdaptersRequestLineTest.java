package dev.vigil.shield.aws.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.shield.inspect.HttpRequestView;
import dev.vigil.shield.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link EventAdapters#requestLine} must give exactly the method and path of the adapter's full request view. */
class EventAdaptersRequestLineTest {

    private static final String[] EVENTS = {
        // HTTP API payload 2.0
        "{\"version\":\"2.0\",\"rawPath\":\"/orders/7\",\"requestContext\":{\"domainName\":\"a.execute-api.x\","
                + "\"http\":{\"method\":\"post\",\"path\":\"/other\"}}}",
        // payload 2.0 without rawPath: the path comes from requestContext.http
        "{\"version\":\"2.0\",\"requestContext\":{\"http\":{\"method\":\"GET\",\"path\":\"/from-context\"}}}",
        // payload 2.0 without a method or path at all
        "{\"version\":\"2.0\",\"requestContext\":{\"http\":{}}}",
        // function URL
        "{\"version\":\"2.0\",\"rawPath\":\"/u\",\"requestContext\":{\"domainName\":\"abc.lambda-url.eu-west-1.on.aws\","
                + "\"http\":{\"method\":\"Delete\"}}}",
        // API Gateway REST payload 1.0
        "{\"resource\":\"/r\",\"path\":\"/r/1\",\"httpMethod\":\"put\",\"requestContext\":{\"stage\":\"prod\"},"
                + "\"headers\":{\"A\":\"b\"}}",
        // REST with a numeric path
        "{\"resource\":\"/r\",\"path\":17,\"requestContext\":{\"stage\":\"prod\"},\"httpMethod\":\"get\"}",
        // ALB
        "{\"requestContext\":{\"elb\":{\"targetGroupArn\":\"arn:aws:elasticloadbalancing:x\"}},\"httpMethod\":\"GET\","
                + "\"path\":\"/alb\",\"queryStringParameters\":{\"a\":\"%41\"}}",
    };

    @Test
    void request_line_matches_the_full_view_for_every_http_adapter() {
        List<String> adaptersSeen = new ArrayList<>();
        for (String json : EVENTS) {
            @SuppressWarnings("unchecked")
            Map<String, Object> event = (Map<String, Object>) Json.parse(json);
            EventAdapter adapter = EventAdapters.forEvent(event);
            assertThat(adapter.trigger().isHttp()).as(json).isTrue();
            adaptersSeen.add(adapter.getClass().getSimpleName());
            HttpRequestView view = adapter.http(event);
            assertThat(EventAdapters.requestLine(adapter, event)).as(json).containsExactly(view.method(), view.path());
        }
        assertThat(adaptersSeen)
                .contains("ApiGatewayHttpAdapter", "FunctionUrlAdapter", "ApiGatewayRestAdapter", "AlbAdapter");
    }

    @Test
    void adapters_without_an_http_view_give_no_request_line() {
        @SuppressWarnings("unchecked")
        Map<String, Object> event = (Map<String, Object>) Json.parse("{\"anything\":\"else\"}");
        assertThat(EventAdapters.requestLine(EventAdapters.forEvent(event), event))
                .isNull();
    }
}
