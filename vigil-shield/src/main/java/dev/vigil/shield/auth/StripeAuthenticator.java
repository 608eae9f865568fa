package dev.vigil.shield.auth;

import dev.vigil.shield.inspect.HttpRequestView;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import javax.crypto.Mac;

/**
 * Verifies Stripe webhooks: {@code Stripe-Signature: t=<ts>,v1=<hex>[,v1=<hex>...][,v0=...]} where each {@code v1} is
 * HMAC-SHA256 over {@code <t>.<body>}. Any matching {@code v1} passes (Stripe sends several while a secret is being
 * rolled); {@code v0} and unknown schemes are ignored. The signature is checked before the timestamp, so
 * {@code expired} always means an authentic but stale (replayed or delayed) request.
 */
final class StripeAuthenticator extends ScopedAuthenticator {

    static final String HEADER = "stripe-signature";

    /** Most {@code v1} entries considered; more make the header malformed. */
    private static final int MAX_SIGNATURES = 8;

    private final HmacKey key;
    private final long toleranceSeconds;

    StripeAuthenticator(String name, PathScope scope, HmacKey key, long toleranceSeconds) {
        super(name, "stripe", scope);
        this.key = key;
        this.toleranceSeconds = toleranceSeconds;
    }

    @Override
    public AuthResult verify(HttpRequestView request, long nowEpochSeconds) {
        String value = Requests.header(request, HEADER);
        if (value == null) {
            return AuthResult.failure(AuthResult.MISSING_SIGNATURE, "Stripe-Signature header is missing");
        }
        if (value.length() > SignatureCodec.MAX_SIGNATURE_HEADER) {
            return AuthResult.failure(AuthResult.MALFORMED_SIGNATURE, "Stripe-Signature header is too long");
        }
        String timestamp = null;
        byte[][] signatures = new byte[MAX_SIGNATURES][];
        int count = 0;
        int start = 0;
        while (start <= value.length()) {
            int comma = value.indexOf(',', start);
            int end = comma < 0 ? value.length() : comma;
            String item = value.substring(start, end).trim();
            start = end + 1;
            int eq = item.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String scheme = item.substring(0, eq);
            String payload = item.substring(eq + 1);
            if (scheme.equals("t")) {
                if (timestamp != null) {
                    return AuthResult.failure(AuthResult.MALFORMED_SIGNATURE, "Stripe-Signature has two timestamps");
                }
                timestamp = payload;
            } else if (scheme.equals("v1")) {
                if (count == MAX_SIGNATURES) {
                    return AuthResult.failure(
                            AuthResult.MALFORMED_SIGNATURE, "Stripe-Signature has too many v1 signatures");
                }
                byte[] decoded = SignatureCodec.hex(payload, 0, payload.length());
                if (decoded != null && decoded.length == key.length()) {
                    signatures[count++] = decoded;
                }
            }
        }
        long ts = SignatureCodec.timestamp(timestamp);
        if (ts < 0) {
            return AuthResult.failure(AuthResult.MALFORMED_SIGNATURE, "Stripe-Signature lacks a valid t= timestamp");
        }
        if (count == 0) {
            return AuthResult.failure(AuthResult.MALFORMED_SIGNATURE, "Stripe-Signature lacks a valid v1 signature");
        }
        Mac mac = key.mac();
        mac.update(timestamp.getBytes(StandardCharsets.US_ASCII));
        mac.update((byte) '.');
        mac.update(Requests.body(request));
        byte[] expected = mac.doFinal();
        boolean matched = false;
        for (int i = 0; i < count; i++) {
            matched |= MessageDigest.isEqual(expected, signatures[i]);
        }
        if (!matched) {
            return AuthResult.failure(AuthResult.BAD_SIGNATURE, "no v1 signature matches the payload");
        }
        return Windows.check(ts, nowEpochSeconds, toleranceSeconds);
    }
}
