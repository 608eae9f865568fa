package dev.vigil.core.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.vigil.core.Severity;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class TelemetryJsonTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final FunctionInfo FN = new FunctionInfo(
            "orders-api",
            "$LATEST",
            "arn:aws:lambda:eu-west-1:123456789012:function:orders-api",
            "eu-west-1",
            "123456789012",
            "java17",
            512);
    private static Schema schema;
    private final TelemetryJson json = new TelemetryJson("Vigil Shield");

    @BeforeAll
    static void loadSchema() throws Exception {
        try (InputStream in = TelemetryJson.class.getResourceAsStream("/dev/vigil/core/telemetry.schema.json")) {
            schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                    .getSchema(in);
        }
    }

    static Stream<TelemetryEvent> everyKind() {
        return Stream.of(
                new InvocationSummary(
                        1_700_000_000_000L,
                        FN,
                        "req-1",
                        Trigger.API_GATEWAY_HTTP,
                        12_345,
                        42,
                        true,
                        Outcome.BLOCKED,
                        1,
                        1,
                        "POST",
                        "/orders",
                        403),
                new InvocationSummary(
                        1_700_000_000_000L,
                        FunctionInfo.named("consumer"),
                        "req-2",
                        Trigger.SQS,
                        900,
                        31,
                        false,
                        Outcome.PARTIAL,
                        2,
                        10,
                        null,
                        null,
                        0),
                new SecurityFinding(
                        1_700_000_000_001L,
                        FN,
                        "req-1",
                        Trigger.SQS,
                        "sqli",
                        "sqli",
                        "VGL-SQLI-001",
                        "SQL injection",
                        Severity.HIGH,
                        "Records[3].body.$.order.note",
                        Evidence.of("1' OR '1'='1\u0000\n"),
                        "url",
                        Action.DROPPED,
                        3),
                new PolicyViolation(
                        1_700_000_000_002L,
                        FN,
                        null,
                        "hygiene.env",
                        "VGL-HYG-001",
                        "Environment variable DB_PASSWORD holds a plaintext secret",
                        Severity.HIGH,
                        Action.MONITORED,
                        Map.of("variable", "DB_PASSWORD", "kind", "high_entropy_secret")),
                new VigilError(
                        1_700_000_000_003L,
                        FN,
                        "req-1",
                        "budget_exceeded",
                        "detector:xss",
                        "inspection stopped after 5000 us budget",
                        1));
    }

    @ParameterizedTest
    @MethodSource("everyKind")
    void every_kind_validates_against_the_schema(TelemetryEvent event) {
        String line = json.toJson(event);
        List<Error> errors = schema.validate(line, InputFormat.JSON);
        assertThat(errors).as(line).isEmpty();
        assertThat(line).doesNotContain("\n");
    }

    @Test
    void schema_rejects_a_finding_without_rule_id() throws Exception {
        SecurityFinding f = (SecurityFinding) everyKind().skip(2).findFirst().orElseThrow();
        JsonNode node = MAPPER.readTree(json.toJson(f));
        ((com.fasterxml.jackson.databind.node.ObjectNode) node.get("vigil")).remove("rule_id");
        assertThat(schema.validate(node)).isNotEmpty();
    }

    @Test
    void schema_rejects_an_unknown_kind() throws Exception {
        JsonNode node = MAPPER.readTree(json.toJson(everyKind().findFirst().orElseThrow()));
        ((com.fasterxml.jackson.databind.node.ObjectNode) node.get("vigil")).put("kind", "gossip");
        assertThat(schema.validate(node)).isNotEmpty();
    }

    @Test
    void finding_maps_to_ocsf_detection_finding() throws Exception {
        SecurityFinding f = (SecurityFinding) everyKind().skip(2).findFirst().orElseThrow();
        JsonNode n = MAPPER.readTree(json.toJson(f));
        assertThat(n.get("class_uid").asInt()).isEqualTo(2004);
        assertThat(n.get("type_uid").asLong()).isEqualTo(200401);
        assertThat(n.get("severity_id").asInt()).isEqualTo(4);
        assertThat(n.get("action").asText()).isEqualTo("Denied");
        assertThat(n.at("/finding_info/analytic/uid").asText()).isEqualTo("VGL-SQLI-001");
        assertThat(n.at("/evidences/0/data/location").asText()).isEqualTo("Records[3].body.$.order.note");
        assertThat(n.at("/cloud/region").asText()).isEqualTo("eu-west-1");
        assertThat(n.at("/vigil/record_index").asInt()).isEqualTo(3);
        assertThat(n.at("/vigil/evidence").asText()).isEqualTo("1' OR '1'='1\\x00\\x0a");
    }

    @Test
    void http_invocations_are_http_activity_and_others_base_events() throws Exception {
        List<TelemetryEvent> events = everyKind().toList();
        JsonNode http = MAPPER.readTree(json.toJson(events.get(0)));
        JsonNode sqs = MAPPER.readTree(json.toJson(events.get(1)));
        assertThat(http.get("class_uid").asInt()).isEqualTo(4002);
        assertThat(http.at("/http_request/http_method").asText()).isEqualTo("POST");
        assertThat(http.at("/http_response/code").asInt()).isEqualTo(403);
        assertThat(http.get("duration").asLong()).isEqualTo(12);
        assertThat(sqs.get("class_uid").asInt()).isZero();
        assertThat(sqs.has("http_request")).isFalse();
        assertThat(sqs.at("/vigil/records").asInt()).isEqualTo(10);
    }

    @Test
    void client_address_is_ocsf_src_endpoint_on_findings_violations_and_invocations() throws Exception {
        List<TelemetryEvent> withIp = List.of(
                new SecurityFinding(
                        1L,
                        FN,
                        "req-1",
                        Trigger.API_GATEWAY_HTTP,
                        "sqli",
                        "sqli",
                        "VGL-SQLI-001",
                        "SQL injection",
                        Severity.HIGH,
                        "query.id",
                        "' OR 1=1",
                        "",
                        Action.BLOCKED,
                        -1,
                        "203.0.113.7"),
                new PolicyViolation(
                        2L,
                        FN,
                        "req-1",
                        "authenticity",
                        "VGL-AUTH-001",
                        "Event failed authenticity check",
                        Severity.HIGH,
                        Action.BLOCKED,
                        Map.of("code", "bad_signature"),
                        "2001:db8::7"),
                new InvocationSummary(
                        3L,
                        FN,
                        "req-1",
                        Trigger.ALB,
                        10,
                        1,
                        false,
                        Outcome.BLOCKED,
                        1,
                        1,
                        "GET",
                        "/",
                        403,
                        "198.51.100.4"));
        List<String> expected = List.of("203.0.113.7", "2001:db8::7", "198.51.100.4");
        for (int i = 0; i < withIp.size(); i++) {
            String line = json.toJson(withIp.get(i));
            assertThat(schema.validate(line, InputFormat.JSON)).as(line).isEmpty();
            assertThat(MAPPER.readTree(line).at("/src_endpoint/ip").asText()).isEqualTo(expected.get(i));
        }
        everyKind().forEach(e -> assertThat(json.toJson(e)).doesNotContain("src_endpoint"));
    }

    @Test
    void schema_rejects_a_source_address_that_is_not_an_ip_literal() throws Exception {
        JsonNode node = MAPPER.readTree(json.toJson(everyKind().findFirst().orElseThrow()));
        ((com.fasterxml.jackson.databind.node.ObjectNode) node)
                .putObject("src_endpoint")
                .put("ip", "evil.example.com");
        assertThat(schema.validate(node)).isNotEmpty();
    }

    @Test
    void hostile_strings_stay_inside_their_json_string() throws Exception {
        String hostile = "\"},\"class_uid\":0,\"x\":{\"y\":\"\u2028\u0007</script>";
        VigilError e = new VigilError(1L, FunctionInfo.named(hostile), hostile, "code", hostile, hostile, 1);
        JsonNode n = MAPPER.readTree(json.toJson(e));
        assertThat(n.get("class_uid").asInt()).isZero();
        assertThat(n.at("/vigil/function/name").asText()).isEqualTo(hostile);
        assertThat(n.get("message").asText()).isEqualTo(hostile);
    }

    @Test
    void event_ids_are_unique() throws Exception {
        TelemetryEvent e = everyKind().findFirst().orElseThrow();
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (int i = 0; i < 1000; i++) {
            ids.add(MAPPER.readTree(json.toJson(e)).at("/metadata/uid").asText());
        }
        assertThat(ids).hasSize(1000);
    }
}
