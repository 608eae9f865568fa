/**
 * Event authenticity for HTTP-triggered functions: webhook HMAC signatures (GitHub, Stripe, Slack, generic) and
 * JWT bearer tokens.
 *
 * <p>Build one {@link dev.vigil.shield.auth.Authenticator} per policy entry with
 * {@link dev.vigil.shield.auth.Authenticators#create}, then check requests with
 * {@link dev.vigil.shield.auth.AuthenticityGate}. The JWT verifier (and the Nimbus JOSE library it uses) is loaded only
 * when a {@code jwt} entry is configured, so webhook-only functions pay nothing for it at cold start.
 */
package dev.vigil.shield.auth;
