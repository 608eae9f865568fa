package dev.vigil.shield.auth;

import dev.vigil.shield.inspect.HttpRequestView;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import javax.crypto.Mac;

/**
 * Verifies Slack requests: {@code X-Slack-Signature: v0=<hex>} is HMAC-SHA256 over {@code v0:<ts>:<body>} with
 * {@code <ts>} from {@code X-Slack-Request-Timestamp}. The signature is checked before the timestamp, so
 * {@code expired} always means an authentic but stale request.
 */
final class SlackAuthenticator extends ScopedAuthenticator {

    static final String SIGNATURE_HEADER = "x-slack-signature";
    static final String TIMESTAMP_HEADER = "x-slack-request-timestamp";
    private static final String VERSION = "v0";

    private final HmacKey key;
    private final long toleranceSeconds;

    SlackAuthenticator(String name, PathScope scope, HmacKey key, long toleranceSeconds) {
        super(name, "slack", scope);
        this.key = key;
        this.toleranceSeconds = toleranceSeconds;
    }

    @Override
    public AuthResult verify(HttpRequestView request, long nowEpochSeconds) {
        String signature = Requests.header(request, SIGNATURE_HEADER);
        if (signature == null) {
            return AuthResult.failure(AuthResult.MISSING_SIGNATURE, "X-Slack-Signature header is missing");
        }
        String timestamp = Requests.header(request, TIMESTAMP_HEADER);
        if (timestamp == null) {
            return AuthResult.failure(AuthResult.MISSING_SIGNATURE, "X-Slack-Request-Timestamp header is missing");
        }
        if (signature.length() > SignatureCodec.MAX_SIGNATURE_HEADER) {
            return AuthResult.failure(AuthResult.MALFORMED_SIGNATURE, "X-Slack-Signature header is too long");
        }
        long ts = SignatureCodec.timestamp(timestamp);
        if (ts < 0) {
            return AuthResult.failure(
                    AuthResult.MALFORMED_SIGNATURE, "X-Slack-Request-Timestamp is not a Unix timestamp");
        }
        if (!signature.startsWith(VERSION + "=")) {
            return AuthResult.failure(AuthResult.MALFORMED_SIGNATURE, "X-Slack-Signature lacks the v0= prefix");
        }
        byte[] provided = SignatureCodec.hex(signature, VERSION.length() + 1, signature.length());
        if (provided == null || provided.length != key.length()) {
            return AuthResult.failure(AuthResult.MALFORMED_SIGNATURE, "X-Slack-Signature is not 32 bytes of hex");
        }
        Mac mac = key.mac();
        mac.update((VERSION + ":" + timestamp + ":").getBytes(StandardCharsets.US_ASCII));
        mac.update(Requests.body(request));
        if (!MessageDigest.isEqual(mac.doFinal(), provided)) {
            return AuthResult.failure(AuthResult.BAD_SIGNATURE, "signature does not match the request");
        }
        return Windows.check(ts, nowEpochSeconds, toleranceSeconds);
    }
}
