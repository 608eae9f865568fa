package dev.vigil.server.store;

/**
 * A token just issued. The plain text exists only here: show it once, it cannot be recovered.
 *
 * @param plainText the bearer token
 * @param info what was stored
 */
public record IssuedToken(String plainText, TokenInfo info) {
    @Override
    public String toString() {
        return "IssuedToken[" + info + "]";
    }
}
