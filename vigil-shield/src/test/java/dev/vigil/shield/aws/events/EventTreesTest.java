package dev.vigil.shield.aws.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.vigil.core.telemetry.Trigger;
import dev.vigil.shield.inspect.HttpRequestView;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.joda.time.DateTime;
import org.joda.time.DateTimeZone;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Typed handlers receive aws-lambda-java-events POJOs instead of JSON: the tree {@link EventTrees} makes of them must
 * be chosen and extracted exactly like the JSON the POJO was made from.
 */
class EventTreesTest {

    /** Reads fixtures into the POJOs the way a JSON binder would (the Lambda runtime uses its own, similar one). */
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            // the runtime reads Kinesis arrival times (epoch seconds with a fraction) with its own date handling
            .addMixIn(com.amazonaws.services.lambda.runtime.events.models.kinesis.Record.class, IgnoreArrival.class)
            .build();

    @JsonIgnoreProperties("approximateArrivalTimestamp")
    private interface IgnoreArrival {}

    @ParameterizedTest(name = "{0} as {1}")
    @CsvSource({
        "apigw-rest/post-json.json, com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent",
        "apigw-rest/form-base64.json, com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent",
        "apigw-http/post-json.json, com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent",
        "apigw-http/multipart-base64.json, com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent",
        "function-url/post-text.json, com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent",
        "alb/get-multivalue.json, com.amazonaws.services.lambda.runtime.events.ApplicationLoadBalancerRequestEvent",
        "sqs/batch.json, com.amazonaws.services.lambda.runtime.events.SQSEvent",
        "kinesis/batch.json, com.amazonaws.services.lambda.runtime.events.KinesisEvent",
        "dynamodb/stream.json, com.amazonaws.services.lambda.runtime.events.DynamodbEvent"
    })
    void pojo_bound_from_a_fixture_extracts_like_the_fixture(String fixture, Class<?> type) throws IOException {
        Object pojo = MAPPER.readValue(Fixtures.bytes(fixture), type);

        assertSameExtraction(pojo, Fixtures.event(fixture));
    }

    @Test
    void http_view_of_a_pojo_equals_the_view_of_its_json() throws IOException {
        for (String fixture : List.of("apigw-http/multipart-base64.json", "apigw-rest/form-base64.json")) {
            Map<String, Object> json = Fixtures.event(fixture);
            Class<?> type =
                    fixture.startsWith("apigw-http") ? APIGatewayV2HTTPEvent.class : APIGatewayProxyRequestEvent.class;
            Map<String, Object> tree = tree(MAPPER.readValue(Fixtures.bytes(fixture), type));

            HttpRequestView fromJson = EventAdapters.forEvent(json).http(json);
            HttpRequestView fromPojo = EventAdapters.forEvent(tree).http(tree);

            assertThat(fromPojo.method()).isEqualTo(fromJson.method());
            assertThat(fromPojo.path()).isEqualTo(fromJson.path());
            assertThat(fromPojo.headers()).isEqualTo(fromJson.headers());
            assertThat(fromPojo.query()).isEqualTo(fromJson.query());
            assertThat(fromPojo.body()).isEqualTo(fromJson.body());
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void sns_event_built_with_setters_extracts_like_the_fixture() {
        Map<String, Object> json = Fixtures.event("sns/notification.json");
        Map<String, Object> record = (Map<String, Object>) ((List<Object>) json.get("Records")).get(0);
        Map<String, Object> sns = (Map<String, Object>) record.get("Sns");
        SNSEvent.SNS body = new SNSEvent.SNS();
        body.setMessage((String) sns.get("Message"));
        body.setSubject((String) sns.get("Subject"));
        body.setMessageId((String) sns.get("MessageId"));
        body.setTopicArn((String) sns.get("TopicArn"));
        body.setType((String) sns.get("Type"));
        body.setSignature((String) sns.get("Signature"));
        body.setSignatureVersion((String) sns.get("SignatureVersion"));
        body.setSigningCertUrl((String) sns.get("SigningCertUrl"));
        body.setUnsubscribeUrl((String) sns.get("UnsubscribeUrl"));
        body.setTimestamp(new DateTime(2019, 1, 2, 12, 45, 7, DateTimeZone.UTC));
        Map<String, SNSEvent.MessageAttribute> attributes = new LinkedHashMap<>();
        ((Map<String, Object>) sns.get("MessageAttributes")).forEach((name, value) -> {
            SNSEvent.MessageAttribute attribute = new SNSEvent.MessageAttribute();
            attribute.setType((String) ((Map<String, Object>) value).get("Type"));
            attribute.setValue((String) ((Map<String, Object>) value).get("Value"));
            attributes.put(name, attribute);
        });
        body.setMessageAttributes(attributes);
        SNSEvent.SNSRecord snsRecord = new SNSEvent.SNSRecord();
        snsRecord.setSns(body);
        snsRecord.setEventSource("aws:sns");
        snsRecord.setEventVersion("1.0");
        snsRecord.setEventSubscriptionArn((String) record.get("EventSubscriptionArn"));
        SNSEvent event = new SNSEvent();
        event.setRecords(List.of(snsRecord));

        Map<String, Object> tree = tree(event);

        assertSameExtraction(event, json);
        Map<String, Object> treeSns =
                (Map<String, Object>) ((Map<String, Object>) ((List<Object>) tree.get("Records")).get(0)).get("Sns");
        assertThat(treeSns)
                .containsEntry("Timestamp", "2019-01-02T12:45:07.000Z")
                .containsKey("MessageAttributes");
    }

    @Test
    void s3_event_built_with_constructors_extracts_like_the_fixture() {
        List<S3EventNotification.S3EventNotificationRecord> records = new ArrayList<>();
        for (String key : List.of("uploads/my+file%3Cscript%3E.txt", "reports/2023%2F06/r%C3%A9sum%C3%A9+final.pdf")) {
            S3EventNotification.S3BucketEntity bucket = new S3EventNotification.S3BucketEntity(
                    "amzn-s3-demo-bucket",
                    new S3EventNotification.UserIdentityEntity("A3I5XTEXAMAI3E"),
                    "arn:aws:s3:::amzn-s3-demo-bucket");
            S3EventNotification.S3ObjectEntity object = new S3EventNotification.S3ObjectEntity(
                    key, 1024L, "d41d8cd98f00b204e9800998ecf8427e", null, "0A1B");
            records.add(new S3EventNotification.S3EventNotificationRecord(
                    "us-east-1",
                    "ObjectCreated:Put",
                    "aws:s3",
                    "2023-06-01T12:00:00.000Z",
                    "2.1",
                    new S3EventNotification.RequestParametersEntity("205.255.255.255"),
                    new S3EventNotification.ResponseElementsEntity("x-amz-id-2", "D82B88E5F771F645"),
                    new S3EventNotification.S3Entity("cfg", bucket, object, "1.0"),
                    new S3EventNotification.UserIdentityEntity("AWS:AIDAINPONIXQXHT3IKHL2")));
        }

        assertSameExtraction(new S3Event(records), Fixtures.event("s3/put.json"));
    }

    @Test
    void scheduled_event_maps_detail_type_and_walks_detail() {
        ScheduledEvent event = new ScheduledEvent();
        event.setDetailType("OrderPlaced");
        event.setSource("com.example.orders");
        event.setAccount("111122223333");
        event.setId("6a7e8feb-b491-4cf7-a9f1-bf3703467718");
        event.setRegion("us-west-1");
        event.setVersion("0");
        event.setTime(new DateTime(2017, 12, 22, 18, 43, 48, DateTimeZone.UTC));
        event.setResources(List.of("arn:aws:ec2:us-west-1:123456789012:instance/i-1234567890abcdef0"));
        @SuppressWarnings("unchecked")
        Map<String, Object> detail =
                (Map<String, Object>) Fixtures.event("eventbridge/custom.json").get("detail");
        event.setDetail(detail);

        assertSameExtraction(event, Fixtures.event("eventbridge/custom.json"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void dynamodb_attribute_values_become_dynamodb_json() {
        AttributeValue city = new AttributeValue("Springfield");
        AttributeValue address = new AttributeValue();
        address.setM(Map.of("city", city));
        AttributeValue blob = new AttributeValue();
        blob.setB(ByteBuffer.wrap("raw".getBytes(StandardCharsets.UTF_8)));
        AttributeValue flag = new AttributeValue();
        flag.setBOOL(true);
        AttributeValue colors = new AttributeValue(List.of("red", "green"));

        Object tree = EventTrees.fromObject(Map.of("address", address, "blob", blob, "flag", flag, "colors", colors));

        assertThat(tree)
                .isEqualTo(Map.of(
                        "address", Map.of("M", Map.of("city", Map.of("S", "Springfield"))),
                        "blob", Map.of("B", "cmF3"),
                        "flag", Map.of("BOOL", true),
                        "colors", Map.of("SS", List.of("red", "green"))));
        assertThat(blob.getB().remaining()).as("buffer left unread").isEqualTo(3);
    }

    @Test
    void kinesis_tree_has_json_names_and_base64_data() throws IOException {
        KinesisEvent event = MAPPER.readValue(Fixtures.bytes("kinesis/batch.json"), KinesisEvent.class);

        Map<String, Object> tree = tree(event);

        @SuppressWarnings("unchecked")
        Map<String, Object> record = (Map<String, Object>) ((List<Object>) tree.get("Records")).get(0);
        assertThat(record).containsEntry("eventSource", "aws:kinesis").containsKey("eventSourceARN");
        assertThat(Fields.map(record, "kinesis")).containsEntry("data", "SGVsbG8sIHRoaXMgaXMgYSB0ZXN0Lg==");
        assertThat(KinesisAdapter.INSTANCE.recordId(record))
                .isEqualTo("49590338271490256608559692538361571095921575989136588898");
    }

    @Test
    void plain_values_convert_to_json_types() {
        List<Object> input = new ArrayList<>();
        input.add("s");
        input.add(7);
        input.add(2.5d);
        input.add(true);
        input.add(null);
        input.add(new byte[] {1, 2, 3});
        input.add(new int[] {4, 5});
        input.add(Trigger.SQS);

        assertThat(EventTrees.fromObject(input))
                .isEqualTo(Arrays.asList("s", 7L, new BigDecimal("2.5"), true, null, "AQID", List.of(4L, 5L), "SQS"));
    }

    /** A handler's own payload class. */
    public static final class Order {
        public String getNote() {
            return "<b>hi</b>";
        }

        public boolean isRush() {
            return true;
        }

        public Order getSelf() {
            return this;
        }

        public String getBroken() {
            throw new IllegalStateException("getter fails");
        }

        public String note(String ignored) {
            return ignored;
        }
    }

    @Test
    void custom_pojos_are_read_through_getters_skipping_cycles_and_failing_getters() {
        assertThat(EventTrees.fromObject(new Order())).isEqualTo(Map.of("note", "<b>hi</b>", "rush", true));
    }

    @Test
    void cyclic_and_deep_containers_are_cut_instead_of_overflowing() {
        Map<String, Object> cyclic = new LinkedHashMap<>();
        cyclic.put("name", "x");
        cyclic.put("self", cyclic);
        List<Object> deep = new ArrayList<>();
        List<Object> cursor = deep;
        for (int i = 0; i < 10_000; i++) {
            List<Object> next = new ArrayList<>();
            cursor.add(next);
            cursor = next;
        }

        Map<String, Object> cut = new LinkedHashMap<>();
        cut.put("name", "x");
        cut.put("self", null);
        assertThat(EventTrees.fromObject(cyclic)).isEqualTo(cut);
        Object tree = EventTrees.fromObject(deep);
        int depth = 0;
        while (tree instanceof List<?> l && !l.isEmpty()) {
            tree = l.get(0);
            depth++;
        }
        assertThat(depth).isEqualTo(EventTrees.MAX_DEPTH);
    }

    private static void assertSameExtraction(Object pojo, Map<String, Object> json) {
        Map<String, Object> tree = tree(pojo);
        EventAdapter jsonAdapter = EventAdapters.forEvent(json);

        assertThat(EventAdapters.forEvent(tree)).isSameAs(jsonAdapter);
        List<Extracted> expected = RecordingSink.extract(jsonAdapter, json);
        assertThat(expected).isNotEmpty();
        assertThat(RecordingSink.extract(jsonAdapter, tree)).containsExactlyInAnyOrderElementsOf(expected);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> tree(Object pojo) {
        Object tree = EventTrees.fromObject(pojo);
        assertThat(tree).isInstanceOf(Map.class);
        return (Map<String, Object>) tree;
    }
}
