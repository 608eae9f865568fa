package dev.vigil.shield.aws.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.core.telemetry.Trigger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EventAdaptersTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "apigw-rest/post-json.json, API_GATEWAY_REST",
        "apigw-rest/form-base64.json, API_GATEWAY_REST",
        "apigw-http/post-json.json, API_GATEWAY_HTTP",
        "apigw-http/multipart-base64.json, API_GATEWAY_HTTP",
        "alb/get-multivalue.json, ALB",
        "function-url/post-text.json, FUNCTION_URL",
        "sqs/batch.json, SQS",
        "sns/notification.json, SNS",
        "s3/put.json, S3",
        "eventbridge/custom.json, EVENTBRIDGE",
        "eventbridge/scheduled.json, EVENTBRIDGE",
        "kinesis/batch.json, KINESIS",
        "dynamodb/stream.json, DYNAMODB_STREAMS",
        "generic/direct-invoke.json, UNKNOWN"
    })
    void forEvent_picks_the_adapter_of_the_event_shape(String fixture, Trigger expected) {
        Map<String, Object> event = Fixtures.event(fixture);

        EventAdapter adapter = EventAdapters.forEvent(event);

        assertThat(adapter.trigger()).isEqualTo(expected);
        // exactly one specific adapter claims each event: the order of ALL only matters for the generic fallback
        List<Trigger> claiming = EventAdapters.ALL.stream()
                .filter(a -> a.trigger() != Trigger.UNKNOWN && a.matches(event))
                .map(EventAdapter::trigger)
                .toList();
        assertThat(claiming).isEqualTo(expected == Trigger.UNKNOWN ? List.of() : List.of(expected));
    }

    @Test
    void all_lists_every_trigger_once_with_function_url_before_http_api_and_generic_last() {
        List<Trigger> order =
                EventAdapters.ALL.stream().map(EventAdapter::trigger).toList();

        assertThat(order).doesNotHaveDuplicates().containsExactlyInAnyOrder(Trigger.values());
        assertThat(order.indexOf(Trigger.FUNCTION_URL)).isLessThan(order.indexOf(Trigger.API_GATEWAY_HTTP));
        assertThat(order.indexOf(Trigger.ALB)).isLessThan(order.indexOf(Trigger.API_GATEWAY_REST));
        assertThat(order.get(order.size() - 1)).isEqualTo(Trigger.UNKNOWN);
    }

    @Test
    void forEvent_falls_back_to_generic_for_null_empty_and_odd_shapes() {
        Map<String, Object> oddRecords = new LinkedHashMap<>();
        oddRecords.put("Records", List.of("not a record", 7));
        Map<String, Object> recordsNotList = new LinkedHashMap<>();
        recordsNotList.put("Records", Map.of("eventSource", "aws:sqs"));

        assertThat(EventAdapters.forEvent(null)).isSameAs(GenericJsonAdapter.INSTANCE);
        assertThat(EventAdapters.forEvent(Map.of())).isSameAs(GenericJsonAdapter.INSTANCE);
        assertThat(EventAdapters.forEvent(oddRecords)).isSameAs(GenericJsonAdapter.INSTANCE);
        assertThat(EventAdapters.forEvent(recordsNotList)).isSameAs(GenericJsonAdapter.INSTANCE);
    }

    @Test
    void function_url_is_told_apart_from_http_api_by_domain_name_only() {
        Map<String, Object> event = Fixtures.event("apigw-http/post-json.json");
        @SuppressWarnings("unchecked")
        Map<String, Object> context = (Map<String, Object>) event.get("requestContext");

        context.put("domainName", "abcdefg1234567890.lambda-url.eu-west-1.on.aws");

        assertThat(EventAdapters.forEvent(event)).isSameAs(FunctionUrlAdapter.INSTANCE);
        assertThat(ApiGatewayHttpAdapter.INSTANCE.matches(event)).isFalse();
    }

    @Test
    void batch_adapters_name_their_records_field_and_record_ids() {
        Map<String, Object> sqs = firstRecord("sqs/batch.json");
        Map<String, Object> kinesis = firstRecord("kinesis/batch.json");
        Map<String, Object> dynamo = firstRecord("dynamodb/stream.json");

        assertThat(SqsAdapter.INSTANCE.recordsField()).isEqualTo("Records");
        assertThat(SqsAdapter.INSTANCE.recordId(sqs)).isEqualTo("059f36b4-87a3-44ab-83d2-661975830a7d");
        assertThat(KinesisAdapter.INSTANCE.recordsField()).isEqualTo("Records");
        assertThat(KinesisAdapter.INSTANCE.recordId(kinesis))
                .isEqualTo("49590338271490256608559692538361571095921575989136588898");
        assertThat(DynamoDbStreamsAdapter.INSTANCE.recordsField()).isEqualTo("Records");
        assertThat(DynamoDbStreamsAdapter.INSTANCE.recordId(dynamo)).isEqualTo("111");
        for (EventAdapter adapter : EventAdapters.ALL) {
            assertThat(adapter.recordsField() != null)
                    .as(adapter.trigger() + " batch")
                    .isEqualTo(adapter.trigger().isBatch());
        }
    }

    @Test
    void only_http_triggers_give_an_http_view() {
        for (EventAdapter adapter : EventAdapters.ALL) {
            if (!adapter.trigger().isHttp()) {
                assertThat(adapter.http(Fixtures.event("sqs/batch.json")))
                        .as(adapter.trigger().id())
                        .isNull();
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> firstRecord(String fixture) {
        return (Map<String, Object>) ((List<Object>) Fixtures.event(fixture).get("Records")).get(0);
    }
}
