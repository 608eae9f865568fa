package dev.vigil.shield.aws.events;

import static dev.vigil.shield.aws.events.Extracted.of;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.shield.inspect.Source;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MessageAdaptersTest {

    @Test
    void sqs_reports_each_body_walked_as_json_with_its_record_index_and_attribute_strings() {
        Map<String, Object> event = Fixtures.event("sqs/batch.json");

        List<Extracted> values = RecordingSink.extract(SqsAdapter.INSTANCE, event);

        assertThat(values)
                .contains(
                        of("Records[0].body", "Test message.", Source.MESSAGE, 0),
                        of("Records[1].body.$.customer.email", "x@example.com", Source.MESSAGE, 1),
                        of("Records[1].body.$.customer.address", "1 Main St'; DROP TABLE t;--", Source.MESSAGE, 1),
                        of("Records[1].body.$.lines[1].sku", "S2", Source.MESSAGE, 1),
                        of("Records[1].body.$.lines[1].gift.message", "${jndi:ldap://x}", Source.MESSAGE, 1),
                        of("Records[1].messageAttributes.tenant", "acme", Source.ATTRIBUTE, 1),
                        of("Records[1].messageAttributes.labels[0]", "red", Source.ATTRIBUTE, 1),
                        of("Records[1].messageAttributes.labels[1]", "<b>blue</b>", Source.ATTRIBUTE, 1),
                        of("Records[2].body.$.Subject", "order", Source.MESSAGE, 2),
                        // an SNS envelope inside the body: its Message is JSON again and is opened too
                        of(
                                "Records[2].body.$.Message.$.comment",
                                "<iframe src=javascript:alert(1)>",
                                Source.MESSAGE,
                                2));
        assertThat(values)
                .filteredOn(v -> v.location().equals("Records[1].body"))
                .hasSize(1);
        assertThat(values).allSatisfy(v -> assertThat(v.location()).startsWith("Records[" + v.recordIndex() + "]."));
        assertThat(values)
                .extracting(Extracted::value)
                .doesNotContain(
                        "arn:aws:sqs:us-east-2:123456789012:my-queue",
                        "AQEBwJnKyrHigUMZj6rYigCgxlaS3SLy0a...",
                        "e4e68fb7bd0e697a0ae8f1bb342846b3",
                        "059f36b4-87a3-44ab-83d2-661975830a7d",
                        "AIDAIENQZJOLO23YVJ4VO");
    }

    @Test
    void sns_reports_message_walked_as_json_subject_and_attribute_values_outside_any_batch() {
        Map<String, Object> event = Fixtures.event("sns/notification.json");
        @SuppressWarnings("unchecked")
        String message = (String)
                ((Map<String, Object>) ((Map<String, Object>) ((List<Object>) event.get("Records")).get(0)).get("Sns"))
                        .get("Message");

        List<Extracted> values = RecordingSink.extract(SnsAdapter.INSTANCE, event);

        assertThat(values)
                .containsExactlyInAnyOrder(
                        of("Records[0].Sns.Message", message, Source.MESSAGE),
                        of("Records[0].Sns.Message.$.event", "signup", Source.MESSAGE),
                        of(
                                "Records[0].Sns.Message.$.profile.displayName",
                                "<img src=x onerror=alert(1)>",
                                Source.MESSAGE),
                        of("Records[0].Sns.Subject", "TestInvoke; rm -rf /", Source.MESSAGE),
                        of("Records[0].Sns.MessageAttributes.Test", "TestString", Source.ATTRIBUTE),
                        of("Records[0].Sns.MessageAttributes.TestBinary", "TestBinary", Source.ATTRIBUTE),
                        of("Records[0].Sns.MessageAttributes.Path", "../../../etc/shadow", Source.ATTRIBUTE));
    }

    @Test
    void s3_reports_object_keys_url_decoded_with_plus_as_space() {
        List<Extracted> values = RecordingSink.extract(S3Adapter.INSTANCE, Fixtures.event("s3/put.json"));

        assertThat(values)
                .containsExactly(
                        of("Records[0].s3.object.key", "uploads/my file<script>.txt", Source.KEY),
                        of("Records[1].s3.object.key", "reports/2023/06/résumé final.pdf", Source.KEY));
    }

    @Test
    void eventbridge_reports_detail_type_and_walks_detail_including_prototype_keys() {
        List<Extracted> values =
                RecordingSink.extract(EventBridgeAdapter.INSTANCE, Fixtures.event("eventbridge/custom.json"));

        assertThat(values)
                .containsExactlyInAnyOrder(
                        of("detail-type", "OrderPlaced", Source.ATTRIBUTE),
                        of("detail.$.orderId", "o-99", Source.ATTRIBUTE),
                        of("detail.$.customer.name", "Robert'); DROP TABLE Students;--", Source.ATTRIBUTE),
                        of("detail.$.items[0].sku", "K1", Source.ATTRIBUTE),
                        of("detail.$.items[1].sku", "{{constructor.constructor('x')()}}", Source.ATTRIBUTE),
                        of("detail.$.constructor", "constructor", Source.ATTRIBUTE),
                        of("detail.$.constructor.prototype", "prototype", Source.ATTRIBUTE),
                        of("detail.$.constructor.prototype.polluted", "yes", Source.ATTRIBUTE));
    }

    @Test
    void eventbridge_scheduled_event_has_only_its_detail_type() {
        assertThat(RecordingSink.extract(EventBridgeAdapter.INSTANCE, Fixtures.event("eventbridge/scheduled.json")))
                .containsExactly(of("detail-type", "Scheduled Event", Source.ATTRIBUTE));
    }

    @Test
    void kinesis_decodes_base64_data_reporting_text_as_is_and_walking_json() {
        Map<String, Object> event = Fixtures.event("kinesis/batch.json");

        List<Extracted> values = RecordingSink.extract(KinesisAdapter.INSTANCE, event);

        assertThat(values)
                .containsExactlyInAnyOrder(
                        of("Records[0].kinesis.data", "Hello, this is a test.", Source.MESSAGE, 0),
                        of("Records[0].kinesis.partitionKey", "1", Source.KEY, 0),
                        of(
                                "Records[1].kinesis.data",
                                "{\"device\": \"d1\", \"reading\": {\"label\": \"<script>x</script>\"}, \"$where\": \"1==1\"}",
                                Source.MESSAGE,
                                1),
                        of("Records[1].kinesis.data.$.device", "d1", Source.MESSAGE, 1),
                        of("Records[1].kinesis.data.$.reading.label", "<script>x</script>", Source.MESSAGE, 1),
                        of("Records[1].kinesis.data.$.$where", "$where", Source.MESSAGE, 1),
                        of("Records[1].kinesis.data.$.$where", "1==1", Source.MESSAGE, 1),
                        of("Records[1].kinesis.partitionKey", "user-42", Source.KEY, 1));
    }

    @Test
    void dynamodb_decodes_images_and_keys_from_dynamodb_json() {
        List<Extracted> values =
                RecordingSink.extract(DynamoDbStreamsAdapter.INSTANCE, Fixtures.event("dynamodb/stream.json"));

        assertThat(values)
                .containsExactlyInAnyOrder(
                        of("Records[0].dynamodb.Keys.Owner", "admin' --", Source.KEY, 0),
                        of("Records[0].dynamodb.NewImage.Owner", "admin' --", Source.MESSAGE, 0),
                        of("Records[0].dynamodb.NewImage.note", "New item! <b>hi</b>", Source.MESSAGE, 0),
                        of("Records[1].dynamodb.NewImage.note", "This item has changed", Source.MESSAGE, 1),
                        of("Records[1].dynamodb.NewImage.address.city", "Springfield", Source.MESSAGE, 1),
                        of("Records[1].dynamodb.NewImage.address.street", "<svg/onload=alert(1)>", Source.MESSAGE, 1),
                        of("Records[1].dynamodb.NewImage.tags[0]", "first", Source.MESSAGE, 1),
                        of("Records[1].dynamodb.NewImage.tags[1].label", "nested ${jndi:x}", Source.MESSAGE, 1),
                        of("Records[1].dynamodb.NewImage.colors[0]", "red", Source.MESSAGE, 1),
                        of("Records[1].dynamodb.NewImage.colors[1]", "green", Source.MESSAGE, 1),
                        of("Records[1].dynamodb.NewImage.blob", "binary text payload", Source.MESSAGE, 1),
                        of(
                                "Records[1].dynamodb.NewImage.settings",
                                "{\"theme\": \"dark\", \"$gt\": \"\"}",
                                Source.MESSAGE,
                                1),
                        of("Records[1].dynamodb.NewImage.settings.$.theme", "dark", Source.MESSAGE, 1),
                        of("Records[1].dynamodb.NewImage.settings.$.$gt", "$gt", Source.MESSAGE, 1),
                        of("Records[1].dynamodb.OldImage.note", "New item!", Source.MESSAGE, 1),
                        of("Records[1].dynamodb.OldImage.address.city", "Shelbyville", Source.MESSAGE, 1));
    }

    @Test
    void generic_walks_every_string_leaf_and_unusual_key_from_the_root() {
        List<Extracted> values =
                RecordingSink.extract(GenericJsonAdapter.INSTANCE, Fixtures.event("generic/direct-invoke.json"));

        assertThat(values)
                .containsExactlyInAnyOrder(
                        of("action", "resize", Source.OTHER),
                        of("input.bucket", "b", Source.OTHER),
                        of("input.path", "../../secret", Source.OTHER),
                        of("input.opts.$where", "$where", Source.OTHER),
                        of("input.opts.$where", "1", Source.OTHER),
                        of("input.opts.a.b", "a.b", Source.OTHER),
                        of("input.opts.a.b", "dotted", Source.OTHER),
                        of("list[0]", "x", Source.OTHER),
                        of("list[4].deep[0]", "y", Source.OTHER));
    }

    @Test
    void generic_opens_json_text_inside_strings_once() {
        Map<String, Object> event = Map.of("payload", "{\"inner\": \"{\\\"deeper\\\": \\\"z\\\"}\"}");

        List<Extracted> values = RecordingSink.extract(GenericJsonAdapter.INSTANCE, event);

        assertThat(values)
                .extracting(Extracted::location)
                .containsExactly("payload", "payload.$.inner")
                .doesNotContain("payload.$.inner.$.deeper");
    }
}
