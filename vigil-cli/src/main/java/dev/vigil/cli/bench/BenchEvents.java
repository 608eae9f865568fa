package dev.vigil.cli.bench;

import dev.vigil.cli.demo.DemoEvents;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The standard benchmark events: a ~2 KB API Gateway HTTP API event and an SQS batch of 10. */
public final class BenchEvents {

    private BenchEvents() {}

    /** An API Gateway v2 event of about 2 KB with a JSON order body, headers and a query string. */
    public static byte[] apiGatewayV2TwoKb() {
        StringBuilder items = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            if (i > 0) {
                items.append(',');
            }
            items.append("{\"sku\":\"SKU-")
                    .append(1000 + i)
                    .append("\",\"qty\":")
                    .append(i + 1)
                    .append(",\"note\":\"gift wrap, leave at the door\"}");
        }
        String body = "{\"order\":{\"customer\":\"c-82731\",\"currency\":\"EUR\",\"items\":[" + items
                + "],\"shipping\":{\"street\":\"12 Rue de la Paix\",\"city\":\"Paris\",\"zip\":\"75002\"}}}";
        return DemoEvents.http(
                "POST",
                "/orders",
                "source=web&campaign=autumn-sale&ref=newsletter",
                Map.of(
                        "content-type", "application/json",
                        "accept-language", "en-GB,en;q=0.9,fr;q=0.8",
                        "x-request-id", "7f9c2ba4-e88f-4c2b-b1f5-4b9a1c0e6d3a",
                        "cookie", "session=eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjMifQ.c2lnbmF0dXJl; theme=dark"),
                body);
    }

    /** An SQS event with 10 order messages. */
    public static byte[] sqsBatchOfTen() {
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            bodies.add("{\"orderId\":" + (5000 + i) + ",\"status\":\"paid\",\"customer\":\"c-" + (100 + i)
                    + "\",\"note\":\"deliver after 5pm\"}");
        }
        return DemoEvents.sqs(bodies);
    }
}
