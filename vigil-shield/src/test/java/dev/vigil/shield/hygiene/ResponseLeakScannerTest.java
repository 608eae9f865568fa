package dev.vigil.shield.hygiene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.vigil.shield.json.Json;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ResponseLeakScannerTest {

    private static final String REMOVED = ResponseLeakScanner.STACK_TRACE_REPLACEMENT;
    private static final String REDACTED = ResponseLeakScanner.CREDENTIAL_REPLACEMENT;
    private static final Synthetic GEN = new Synthetic(7_340_033L);

    private static final String JAVA_TRACE = String.join(
            "\n",
            "java.lang.IllegalStateException: order 42 not found",
            "\tat com.acme.orders.OrderService.load(OrderService.java:87)",
            "\tat com.acme.orders.Handler.handleRequest(Handler.java:31)",
            "\tat java.base/jdk.internal.reflect.NativeMethodAccessorImpl.invoke0(Native Method)",
            "Caused by: java.sql.SQLException: connection refused",
            "\tat org.postgresql.Driver.connect(Driver.java:285)",
            "\t... 12 more");

    private static final String PYTHON_TRACE = String.join(
            "\n",
            "Traceback (most recent call last):",
            "  File \"/var/task/app.py\", line 10, in handler",
            "    return process(event)",
            "  File \"/var/task/app.py\", line 4, in process",
            "    raise ValueError(\"bad input\")",
            "ValueError: bad input");

    private static final String NODE_TRACE = String.join(
            "\n",
            "TypeError: Cannot read properties of undefined (reading 'id')",
            "    at handler (/var/task/index.js:10:5)",
            "    at async Runtime.handleOnceNonStreaming (file:///var/runtime/index.mjs:1173:29)",
            "    at Object.<anonymous> (/var/task/lib/util.js:3:1)",
            "    at /var/task/lib/other.js:7:12");

    @Test
    void java_trace_in_plain_text_is_removed_as_one_block() {
        String response = "Internal error\n" + JAVA_TRACE + "\nPlease retry";

        LeakScan scan = ResponseLeakScanner.scan(response);

        assertThat(scan.kinds()).containsExactly(LeakKinds.STACK_TRACE);
        assertThat(scan.leaks()).hasSize(1);
        Leak leak = scan.leaks().get(0);
        assertThat(response.substring(leak.start(), leak.end())).isEqualTo(JAVA_TRACE);
        assertThat(scan.sanitized()).isEqualTo("Internal error\n" + REMOVED + "\nPlease retry");
    }

    @Test
    void java_trace_inside_a_json_string_is_removed_and_json_stays_valid() throws Exception {
        String escaped = JAVA_TRACE.replace("\n", "\\n").replace("\t", "\\t");
        String response = "{\"status\":500,\"detail\":\"" + escaped + "\",\"requestId\":\"r-1\"}";

        LeakScan scan = ResponseLeakScanner.scan(response);

        assertThat(scan.kinds()).containsExactly(LeakKinds.STACK_TRACE);
        assertThat(scan.sanitized()).isEqualTo("{\"status\":500,\"detail\":\"" + REMOVED + "\",\"requestId\":\"r-1\"}");
        assertThat(Json.parse(scan.sanitized())).isInstanceOf(Map.class);
    }

    @Test
    void lambda_java_error_with_bare_frames_is_removed() throws Exception {
        String response = "{\"errorMessage\":\"boom\",\"errorType\":\"java.lang.RuntimeException\","
                + "\"stackTrace\":[\"com.acme.Handler.handleRequest(Handler.java:19)\","
                + "\"java.base/jdk.internal.reflect.DirectMethodHandleAccessor.invoke(Unknown Source)\","
                + "\"java.base/java.lang.reflect.Method.invoke(Method.java:580)\"]}";

        LeakScan scan = ResponseLeakScanner.scan(response);

        assertThat(scan.kinds()).containsExactly(LeakKinds.STACK_TRACE);
        assertThat(scan.sanitized())
                .isEqualTo("{\"errorMessage\":\"boom\",\"errorType\":\"java.lang.RuntimeException\","
                        + "\"stackTrace\":[\"" + REMOVED + "\"]}");
        assertThat(Json.parse(scan.sanitized())).isInstanceOf(Map.class);
    }

    @Test
    void exception_in_thread_header_alone_is_a_stack_trace() {
        String response = "Exception in thread \"main\" java.lang.OutOfMemoryError: Java heap space";

        LeakScan scan = ResponseLeakScanner.scan(response);

        assertThat(scan.kinds()).containsExactly(LeakKinds.STACK_TRACE);
        assertThat(scan.sanitized()).isEqualTo(REMOVED);
    }

    @Test
    void exception_in_thread_inside_json_is_found() {
        String response = "{\"log\":\"Exception in thread \\\"worker-1\\\" java.lang.IllegalStateException: x\"}";

        assertThat(ResponseLeakScanner.scan(response).sanitized()).isEqualTo("{\"log\":\"" + REMOVED + "\"}");
    }

    @Test
    void caused_by_line_alone_is_a_stack_trace() {
        String response = "upstream said:\nCaused by: x.y.SomeException: no route\nend";

        LeakScan scan = ResponseLeakScanner.scan(response);

        assertThat(scan.kinds()).containsExactly(LeakKinds.STACK_TRACE);
        assertThat(scan.sanitized()).isEqualTo("upstream said:\n" + REMOVED + "\nend");
    }

    @Test
    void python_traceback_is_removed_including_source_lines_and_the_exception() {
        String response = "error:\n" + PYTHON_TRACE + "\nrequest r-2";

        LeakScan scan = ResponseLeakScanner.scan(response);

        assertThat(scan.kinds()).containsExactly(LeakKinds.STACK_TRACE);
        assertThat(scan.sanitized()).isEqualTo("error:\n" + REMOVED + "\nrequest r-2");
    }

    @Test
    void python_traceback_in_the_middle_of_a_line_is_found() {
        String response = "Internal error. " + PYTHON_TRACE;

        assertThat(ResponseLeakScanner.scan(response).sanitized()).isEqualTo("Internal error. " + REMOVED);
    }

    @Test
    void lambda_python_error_json_is_removed() throws Exception {
        String response = "{\"errorMessage\": \"bad input\", \"errorType\": \"ValueError\", \"requestId\": \"r-3\","
                + " \"stackTrace\": [\"  File \\\"/var/task/lambda_function.py\\\", line 4, in lambda_handler\\n"
                + "    raise ValueError(\\\"bad input\\\")\\n\"]}";

        LeakScan scan = ResponseLeakScanner.scan(response);

        assertThat(scan.kinds()).containsExactly(LeakKinds.STACK_TRACE);
        assertThat(scan.sanitized())
                .doesNotContain("lambda_function.py", "raise")
                .contains(REMOVED);
        assertThat(Json.parse(scan.sanitized())).isInstanceOf(Map.class);
    }

    @Test
    void chained_python_tracebacks_are_one_block() {
        String chained = PYTHON_TRACE
                + "\n\nDuring handling of the above exception, another exception occurred:\n\n"
                + PYTHON_TRACE.replace("ValueError", "KeyError");

        LeakScan scan = ResponseLeakScanner.scan(chained + "\ndone");

        assertThat(scan.leaks()).hasSize(1);
        assertThat(scan.sanitized()).isEqualTo(REMOVED + "\ndone");
    }

    @Test
    void node_trace_is_removed_including_the_error_line() {
        String response = "oops\n" + NODE_TRACE + "\nbye";

        LeakScan scan = ResponseLeakScanner.scan(response);

        assertThat(scan.kinds()).containsExactly(LeakKinds.STACK_TRACE);
        assertThat(scan.sanitized()).isEqualTo("oops\n" + REMOVED + "\nbye");
    }

    @Test
    void lambda_node_error_json_stack_array_is_removed() throws Exception {
        String response = "{\"errorType\":\"TypeError\",\"errorMessage\":\"x is not a function\","
                + "\"stack\":[\"TypeError: x is not a function\","
                + "\"    at Runtime.handler (file:///var/task/index.mjs:3:9)\","
                + "\"    at Runtime.handleOnceNonStreaming (file:///var/runtime/index.mjs:1173:29)\"]}";

        LeakScan scan = ResponseLeakScanner.scan(response);

        assertThat(scan.sanitized())
                .isEqualTo("{\"errorType\":\"TypeError\",\"errorMessage\":\"x is not a function\"," + "\"stack\":[\""
                        + REMOVED + "\"]}");
        assertThat(Json.parse(scan.sanitized())).isInstanceOf(Map.class);
    }

    @Test
    void trace_in_doubly_encoded_json_body_is_found() {
        String inner = "{\"trace\":\"java.lang.RuntimeException: x\\n\\tat com.acme.A.b(A.java:1)\"}";
        String outer = "{\"statusCode\":500,\"body\":" + jsonString(inner) + "}";

        LeakScan scan = ResponseLeakScanner.scan(outer);

        assertThat(scan.kinds()).containsExactly(LeakKinds.STACK_TRACE);
        assertThat(scan.sanitized()).doesNotContain("com.acme.A.b");
    }

    @Test
    void access_key_id_is_redacted() {
        String key = GEN.awsAccessKeyId("AKIA");
        String response = "{\"config\":{\"accessKey\":\"" + key + "\",\"region\":\"eu-west-1\"}}";

        LeakScan scan = ResponseLeakScanner.scan(response);

        assertThat(scan.kinds()).containsExactly(LeakKinds.AWS_ACCESS_KEY_ID);
        assertThat(scan.leaks())
                .containsExactly(
                        new Leak(LeakKinds.AWS_ACCESS_KEY_ID, response.indexOf(key), response.indexOf(key) + 20));
        assertThat(scan.sanitized())
                .isEqualTo("{\"config\":{\"accessKey\":\"" + REDACTED + "\",\"region\":\"eu-west-1\"}}");
    }

    @Test
    void sts_credentials_object_is_fully_redacted() {
        String id = GEN.awsAccessKeyId("ASIA");
        String secret = GEN.awsSecret();
        String token = GEN.sessionToken();
        String response = "{\"Credentials\":{\"AccessKeyId\":\"" + id + "\",\"SecretAccessKey\":\"" + secret
                + "\",\"SessionToken\":\"" + token + "\",\"Expiration\":\"2024-06-11T10:00:00Z\"}}";

        LeakScan scan = ResponseLeakScanner.scan(response);

        assertThat(scan.kinds())
                .containsExactly(
                        LeakKinds.AWS_ACCESS_KEY_ID, LeakKinds.AWS_SECRET_ACCESS_KEY, LeakKinds.AWS_SESSION_TOKEN);
        assertThat(scan.leaks()).hasSize(3);
        assertThat(scan.sanitized())
                .isEqualTo("{\"Credentials\":{\"AccessKeyId\":\"" + REDACTED + "\",\"SecretAccessKey\":\"" + REDACTED
                        + "\",\"SessionToken\":\"" + REDACTED + "\",\"Expiration\":\"2024-06-11T10:00:00Z\"}}");
    }

    @Test
    void environment_dump_is_redacted() {
        String secret = GEN.awsSecret();
        String token = GEN.sessionToken();
        String response = "AWS_REGION=eu-west-1\nAWS_SECRET_ACCESS_KEY=" + secret + "\nAWS_SESSION_TOKEN=" + token
                + "\nHOME=/root";

        LeakScan scan = ResponseLeakScanner.scan(response);

        assertThat(scan.kinds()).containsExactly(LeakKinds.AWS_SECRET_ACCESS_KEY, LeakKinds.AWS_SESSION_TOKEN);
        assertThat(scan.sanitized())
                .isEqualTo("AWS_REGION=eu-west-1\nAWS_SECRET_ACCESS_KEY=" + REDACTED + "\nAWS_SESSION_TOKEN=" + REDACTED
                        + "\nHOME=/root");
    }

    @Test
    void private_key_in_json_is_redacted_header_to_footer() {
        String pem = GEN.privateKeyPem("RSA ", "\\n");
        String response = "{\"key\":\"" + pem + "\",\"ok\":true}";

        LeakScan scan = ResponseLeakScanner.scan(response);

        assertThat(scan.kinds()).containsExactly(LeakKinds.PRIVATE_KEY);
        assertThat(scan.sanitized()).isEqualTo("{\"key\":\"" + REDACTED + "\",\"ok\":true}");
    }

    @Test
    void private_key_without_footer_is_redacted_to_the_end_of_its_body() {
        String pem = GEN.privateKeyPem("EC ", "\n");
        String cut = pem.substring(0, pem.indexOf("-----END"));
        String response = cut + "}";

        LeakScan scan = ResponseLeakScanner.scan(response);

        assertThat(scan.kinds()).containsExactly(LeakKinds.PRIVATE_KEY);
        assertThat(scan.sanitized()).isEqualTo(REDACTED + "}");
    }

    @Test
    void credential_inside_a_stack_trace_is_reported_and_removed_with_the_trace() {
        String key = GEN.awsAccessKeyId("AKIA");
        String response = "java.lang.IllegalStateException: bad key " + key + "\n\tat a.b.C.d(C.java:1)\nafter";

        LeakScan scan = ResponseLeakScanner.scan(response);

        assertThat(scan.kinds()).containsExactlyInAnyOrder(LeakKinds.STACK_TRACE, LeakKinds.AWS_ACCESS_KEY_ID);
        assertThat(scan.sanitized()).isEqualTo(REMOVED + "\nafter");
    }

    @Test
    void scan_result_never_prints_values() {
        String key = GEN.awsAccessKeyId("AKIA");
        String token = GEN.sessionToken();
        LeakScan scan = ResponseLeakScanner.scan("{\"k\":\"" + key + "\",\"SessionToken\":\"" + token + "\"}");

        assertThat(scan.leaks()).hasSize(2);
        assertThat(scan.toString()).doesNotContain(key, token.substring(0, 20)).contains("aws_session_token");
        assertThat(scan.sanitized()).doesNotContain(key, token.substring(0, 20));
    }

    static Stream<Arguments> benign() {
        String png =
                Base64.getEncoder().encodeToString(GEN.of(Synthetic.ALNUM, 3000).getBytes());
        return Stream.of(
                Arguments.of(
                        "prose",
                        "{\"message\":\"We will meet at noon (UTC) at the office. No exception was"
                                + " raised; at most one retry happens at 10:30:00 (local).\"}"),
                Arguments.of(
                        "prose line start",
                        "{\"notes\":[\"at noon (tomorrow)\",\"at 10:30:45\","
                                + "\"at example.com (see docs)\",\"at the moment (see 1:2:3)\"]}"),
                Arguments.of(
                        "exception words",
                        "{\"error\":\"ValidationException\",\"message\":"
                                + "\"Exception: quota exceeded\",\"hint\":\"Caused by: too many requests\"}"),
                Arguments.of("error type alone", "{\"errorType\":\"java.lang.RuntimeException\",\"retry\":false}"),
                Arguments.of(
                        "iso timestamps",
                        "{\"createdAt\":\"2024-06-11T10:15:30.123Z\",\"updatedAt\":"
                                + "\"2024-06-11T10:15:30+02:00\",\"ttl\":\"PT15M\"}"),
                Arguments.of("base64 image", "{\"thumbnail\":\"data:image/png;base64," + png + "\"}"),
                Arguments.of(
                        "uuids",
                        "{\"id\":\"3f2b8c9e-1d4a-4e7b-9c2f-8a6d5e4b3c21\",\"parent\":"
                                + "\"00000000-0000-4000-8000-000000000000\"}"),
                Arguments.of(
                        "hex hashes",
                        "{\"sha1\":\"" + GEN.of("0123456789abcdef", 40) + "\",\"sha256\":\""
                                + GEN.of("0123456789abcdef", 64) + "\",\"etag\":\"" + GEN.of("0123456789ABCDEF", 40)
                                + "\"}"),
                Arguments.of("session token field short", "{\"sessionToken\":\"abc123\",\"SecretAccessKey\":null}"),
                Arguments.of(
                        "akia look-alikes",
                        "{\"sku\":\"AKIAEXAMPLE\",\"word\":\"XAKIA" + GEN.of(Synthetic.BASE32, 16) + "\"}"),
                Arguments.of(
                        "file refs",
                        "{\"file\":\"Handler.java:42\",\"call\":\"compute(x)\",\"path\":" + "\"/var/task/index.js\"}"),
                Arguments.of("html", "<html><body><h1>Order 42</h1><p>Delivered at 10:00 (CET)</p></body></html>"),
                Arguments.of(
                        "certificate",
                        "{\"cert\":\"-----BEGIN CERTIFICATE-----\\nMIIB" + GEN.of(Synthetic.BASE64, 64)
                                + "\\n-----END CERTIFICATE-----\"}"),
                Arguments.of(
                        "markdown",
                        "# Release notes\n\n- fixed crash at startup (issue #12)\n"
                                + "- Error: messages are clearer\n    indented code block\n"),
                Arguments.of("empty", ""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("benign")
    void benign_responses_are_not_flagged(String label, String response) {
        LeakScan scan = ResponseLeakScanner.scan(response);

        assertThat(scan.leaks()).isEmpty();
        assertThat(scan.sanitized()).isSameAs(response);
    }

    @Test
    void null_response_is_empty() {
        LeakScan scan = ResponseLeakScanner.scan(null);

        assertThat(scan.found()).isFalse();
        assertThat(scan.sanitized()).isEmpty();
    }

    @Test
    void only_the_first_megabyte_is_scanned_and_the_tail_is_kept() {
        String key = GEN.awsAccessKeyId("AKIA");
        String early = GEN.awsAccessKeyId("AKIA");
        String response = early + " " + "x".repeat(ResponseLeakScanner.MAX_SCAN_CHARS) + " " + key;

        LeakScan scan = ResponseLeakScanner.scan(response);

        assertThat(scan.truncated()).isTrue();
        assertThat(scan.scannedChars()).isEqualTo(ResponseLeakScanner.MAX_SCAN_CHARS);
        assertThat(scan.leaks()).containsExactly(new Leak(LeakKinds.AWS_ACCESS_KEY_ID, 0, 20));
        assertThat(scan.sanitized()).startsWith(REDACTED + " xxx").endsWith(" " + key);
    }

    static Stream<Arguments> pathological() {
        int n = ResponseLeakScanner.MAX_SCAN_CHARS;
        return Stream.of(
                Arguments.of("quotes", "{" + "\"".repeat(n)),
                Arguments.of("frame prefixes", "{\"a\":\"" + "at a.b(".repeat(n / 7)),
                Arguments.of("escapes", "{\"a\":\"" + "\\n\\t".repeat(n / 4)),
                Arguments.of("pem headers", "-----BEGIN RSA PRIVATE KEY-----!".repeat(n / 32)),
                Arguments.of("traceback prefix", "Traceback (most recent call".repeat(n / 27)),
                Arguments.of("secret names", "secret_access_key=".repeat(n / 18)),
                Arguments.of("session names", "SessionToken:".repeat(n / 13)),
                Arguments.of("akia", "AKIA".repeat(n / 4)),
                Arguments.of("long line", "x".repeat(n)),
                Arguments.of("newlines", "\n".repeat(n)),
                Arguments.of("node parens", "at (".repeat(n / 4)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pathological")
    void pathological_responses_are_scanned_in_linear_time(String label, String response) {
        LeakScan scan = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> ResponseLeakScanner.scan(response));

        assertThat(scan.scannedChars()).isEqualTo(Math.min(response.length(), ResponseLeakScanner.MAX_SCAN_CHARS));
        assertThat(assertTimeoutPreemptively(Duration.ofSeconds(5), scan::sanitized))
                .isNotNull();
    }

    @Test
    void many_private_key_headers_without_footers_are_linear_and_each_redacted() {
        String header = "-----BEGIN RSA PRIVATE KEY-----";
        String response = (header + "!").repeat(1000);

        LeakScan scan = ResponseLeakScanner.scan(response);

        assertThat(scan.leaks()).hasSize(1000);
        assertThat(scan.sanitized()).isEqualTo((REDACTED + "!").repeat(1000));
    }

    @Test
    void leaks_are_ordered_by_start() {
        String response = "{\"a\":\"" + GEN.awsAccessKeyId("AKIA") + "\",\"t\":\"at a.b.C.d(C.java:1)\",\"b\":\""
                + GEN.awsAccessKeyId("ASIA") + "\"}";

        List<Leak> leaks = ResponseLeakScanner.scan(response).leaks();

        assertThat(leaks)
                .extracting(Leak::kind)
                .containsExactly(LeakKinds.AWS_ACCESS_KEY_ID, LeakKinds.STACK_TRACE, LeakKinds.AWS_ACCESS_KEY_ID);
        assertThat(leaks).isSortedAccordingTo((x, y) -> Integer.compare(x.start(), y.start()));
    }

    private static String jsonString(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
