package dev.vigil.shield.auth;

import dev.vigil.shield.inspect.HttpRequestView;

/**
 * Verifies an HMAC of the raw body carried in one header, optionally after a fixed prefix. Serves the {@code github}
 * type ({@code X-Hub-Signature-256: sha256=<hex>}) and the generic {@code hmac} type.
 */
final class HeaderHmacAuthenticator extends ScopedAuthenticator {

    private final HmacKey key;
    private final String header;
    private final String prefix;
    private final boolean base64;

    /**
     * @param header the signature header, lower case
     * @param prefix a prefix stripped from the header value (matched ignoring case), or empty
     * @param base64 whether the signature is base64 rather than hex
     */
    HeaderHmacAuthenticator(
            String name, String type, PathScope scope, HmacKey key, String header, String prefix, boolean base64) {
        super(name, type, scope);
        this.key = key;
        this.header = header;
        this.prefix = prefix;
        this.base64 = base64;
    }

    @Override
    public AuthResult verify(HttpRequestView request, long nowEpochSeconds) {
        String value = Requests.header(request, header);
        if (value == null) {
            return AuthResult.failure(AuthResult.MISSING_SIGNATURE, "signature header " + header + " is missing");
        }
        if (value.length() > SignatureCodec.MAX_SIGNATURE_HEADER) {
            return AuthResult.failure(AuthResult.MALFORMED_SIGNATURE, "signature header is too long");
        }
        if (!value.regionMatches(true, 0, prefix, 0, prefix.length())) {
            return AuthResult.failure(
                    AuthResult.MALFORMED_SIGNATURE, "signature header lacks the expected '" + prefix + "' prefix");
        }
        byte[] provided = base64
                ? SignatureCodec.base64(value.substring(prefix.length()))
                : SignatureCodec.hex(value, prefix.length(), value.length());
        if (provided == null || provided.length != key.length()) {
            return AuthResult.failure(
                    AuthResult.MALFORMED_SIGNATURE,
                    "signature is not " + key.length() + " bytes of " + (base64 ? "base64" : "hex"));
        }
        if (!key.matchesBody(Requests.body(request), provided)) {
            return AuthResult.failure(AuthResult.BAD_SIGNATURE, "signature does not match the body");
        }
        return AuthResult.ok();
    }
}
