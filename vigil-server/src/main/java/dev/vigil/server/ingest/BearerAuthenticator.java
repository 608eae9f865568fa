package dev.vigil.server.ingest;

import dev.vigil.server.store.Role;
import dev.vigil.server.store.TokenInfo;
import dev.vigil.server.store.TokenStore;
import java.util.Locale;
import java.util.Optional;

/**
 * Checks the {@code Authorization: Bearer} header of an ingest request against the {@link TokenStore}: only the
 * token's hash is looked up, and neither the header nor the token is ever logged or echoed.
 */
public final class BearerAuthenticator {
    private final TokenStore tokens;

    /** An authenticator over {@code tokens}. */
    public BearerAuthenticator(TokenStore tokens) {
        this.tokens = tokens;
    }

    /**
     * The token allowed to ingest.
     *
     * @throws IngestException 401 when the header is missing or the token unknown, revoked or expired; 403 when the
     *     token's role may not ingest (only {@code ingest} and {@code admin} may)
     */
    public TokenInfo authenticateIngest(String authorization) {
        Optional<TokenInfo> token = Optional.empty();
        if (authorization != null && authorization.length() > 7) {
            String scheme = authorization.substring(0, 7).toLowerCase(Locale.ROOT);
            if (scheme.equals("bearer ")) {
                token = tokens.authenticate(authorization.substring(7).trim());
            }
        }
        if (token.isEmpty()) {
            throw new IngestException(401, "a valid bearer token is required");
        }
        Role role = token.get().role();
        if (role != Role.INGEST && role != Role.ADMIN) {
            throw new IngestException(403, "this token's role (" + role.id() + ") may not ingest events");
        }
        return token.get();
    }
}
