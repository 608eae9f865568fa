package dev.vigil.shield;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.vigil.shield.json.Json;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Runs a stream handler behind a Shield and records what the handler received and what came back. */
final class StreamHarness {
    final RecordingSink sink = new RecordingSink();
    Object handlerSaw;
    int handlerCalls;
    byte[] handlerResponse = "{\"statusCode\":200,\"body\":\"ok\"}".getBytes(StandardCharsets.UTF_8);

    final RequestStreamHandler handler = (in, out, ctx) -> {
        handlerCalls++;
        handlerSaw = Json.parse(in.readAllBytes());
        out.write(handlerResponse);
    };

    Object invoke(Shield shield, Map<String, Object> event) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        shield.wrap(handler).handleRequest(new ByteArrayInputStream(Json.write(event)), out, context("req-1"));
        return out.size() == 0 ? null : Json.parse(out.toByteArray());
    }

    static Context context(String requestId) {
        return new Context() {
            @Override
            public String getAwsRequestId() {
                return requestId;
            }

            @Override
            public String getLogGroupName() {
                return "/aws/lambda/orders";
            }

            @Override
            public String getLogStreamName() {
                return "2026/11/23/[$LATEST]abc";
            }

            @Override
            public String getFunctionName() {
                return "orders";
            }

            @Override
            public String getFunctionVersion() {
                return "$LATEST";
            }

            @Override
            public String getInvokedFunctionArn() {
                return "arn:aws:lambda:eu-west-1:123456789012:function:orders";
            }

            @Override
            public CognitoIdentity getIdentity() {
                return null;
            }

            @Override
            public ClientContext getClientContext() {
                return null;
            }

            @Override
            public int getRemainingTimeInMillis() {
                return 10_000;
            }

            @Override
            public int getMemoryLimitInMB() {
                return 256;
            }

            @Override
            public LambdaLogger getLogger() {
                return null;
            }
        };
    }
}
