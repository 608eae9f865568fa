package dev.vigil.core.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The function-dependent blocks are rendered once per function; alternating functions must not mix them up. */
class TelemetryJsonFunctionBlocksTest {

    private static final FunctionInfo A = new FunctionInfo(
            "orders-api",
            "$LATEST",
            "arn:aws:lambda:eu-west-1:111122223333:function:orders-api",
            "eu-west-1",
            "111122223333",
            "java17",
            512);
    private static final FunctionInfo B = FunctionInfo.named("billing<job>");

    private static VigilError error(FunctionInfo fn, String requestId) {
        return new VigilError(1L, fn, requestId, "code", "shield", "message", 1);
    }

    @Test
    void each_event_carries_its_own_function_and_cloud() {
        TelemetryJson json = new TelemetryJson("Vigil \"Shield\"");
        String a1 = json.toJson(error(A, "r1"));
        String b = json.toJson(error(B, null));
        String a2 = json.toJson(error(
                new FunctionInfo(A.name(), A.version(), A.arn(), A.region(), A.account(), A.runtime(), A.memoryMb()),
                "r2"));

        assertThat(a1)
                .contains("\"function\":{\"name\":\"orders-api\",\"version\":\"$LATEST\","
                        + "\"arn\":\"arn:aws:lambda:eu-west-1:111122223333:function:orders-api\",\"runtime\":\"java17\","
                        + "\"memory_mb\":512},\"request_id\":\"r1\"");
        assertThat(a1)
                .contains("\"cloud\":{\"provider\":\"AWS\",\"region\":\"eu-west-1\","
                        + "\"account\":{\"uid\":\"111122223333\"}}");
        assertThat(a1).contains("\"product\":{\"name\":\"Vigil \\\"Shield\\\"\",\"vendor_name\":\"Vigil\"");
        assertThat(b).contains("\"function\":{\"name\":\"billing\\u003cjob\\u003e\"}");
        assertThat(b).doesNotContain("\"cloud\"").doesNotContain("request_id");
        assertThat(a2)
                .contains("\"name\":\"orders-api\"")
                .contains("\"request_id\":\"r2\"")
                .contains("\"cloud\"");
    }

    @Test
    void uids_are_32_hex_digits_and_differ() {
        String first = TelemetryJson.newUid();
        String second = TelemetryJson.newUid();
        assertThat(first).matches("[0-9a-f]{32}");
        assertThat(second).matches("[0-9a-f]{32}").isNotEqualTo(first);
        assertThat(first.substring(0, 16)).isEqualTo(second.substring(0, 16));
    }
}
