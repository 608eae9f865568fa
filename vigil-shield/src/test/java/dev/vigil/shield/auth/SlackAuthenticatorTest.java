package dev.vigil.shield.auth;

import static dev.vigil.shield.auth.AuthFixtures.NOW;
import static dev.vigil.shield.auth.AuthFixtures.config;
import static dev.vigil.shield.auth.AuthFixtures.env;
import static dev.vigil.shield.auth.AuthFixtures.hex;
import static dev.vigil.shield.auth.AuthFixtures.hmac;
import static dev.vigil.shield.auth.AuthFixtures.request;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SlackAuthenticatorTest {

    private static final String SECRET = "8b1c0ffee5a1ac4d9e2f7a6b3c5d4e1f";
    private static final String BODY = "token=abc&team_id=T1&command=%2Fdeploy&text=prod";

    private final Authenticator slack = Authenticators.create(
            config("slack", List.of("/slack/*"), "secret_env", "SLACK_SIGNING_SECRET"),
            env("SLACK_SIGNING_SECRET", SECRET));

    private static String signature(String secret, long ts, String body) {
        return "v0=" + hex(hmac("HmacSHA256", secret, "v0:" + ts + ":" + body));
    }

    private AuthResult verify(String ts, String sig, String body, long now) {
        return slack.verify(
                request("/slack/commands", body, "X-Slack-Request-Timestamp", ts, "X-Slack-Signature", sig), now);
    }

    @Test
    void valid_signature_passes() {
        assertThat(verify(String.valueOf(NOW), signature(SECRET, NOW, BODY), BODY, NOW)
                        .isOk())
                .isTrue();
    }

    @Test
    void documented_example_from_slack_verifies() {
        // Slack's published example ("Verifying requests from Slack"), at the time it was signed.
        Authenticator docs = Authenticators.create(
                config("slack", List.of(), "secret_env", "S"), env("S", "8f742231b10e8888abcd99yyyzzz85a5"));
        byte[] body = AuthFixtures.resource("slack-slash-command.body");
        var request = request(
                "/",
                body,
                "x-slack-request-timestamp",
                "1531420618",
                "x-slack-signature",
                "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503");

        assertThat(docs.verify(request, 1531420618L + 30).isOk()).isTrue();
        assertThat(docs.verify(request, NOW).code()).isEqualTo(AuthResult.EXPIRED);
    }

    @Test
    void tampered_body_is_bad_signature() {
        assertThat(verify(String.valueOf(NOW), signature(SECRET, NOW, BODY), BODY.replace("prod", "dev"), NOW)
                        .code())
                .isEqualTo(AuthResult.BAD_SIGNATURE);
    }

    @Test
    void tampered_timestamp_is_bad_signature() {
        assertThat(verify(String.valueOf(NOW + 1), signature(SECRET, NOW, BODY), BODY, NOW)
                        .code())
                .isEqualTo(AuthResult.BAD_SIGNATURE);
    }

    @Test
    void wrong_secret_is_bad_signature() {
        AuthResult result = verify(String.valueOf(NOW), signature("other", NOW, BODY), BODY, NOW);

        assertThat(result.code()).isEqualTo(AuthResult.BAD_SIGNATURE);
        assertThat(result.reason())
                .doesNotContain(SECRET)
                .doesNotContain(signature(SECRET, NOW, BODY).substring(3));
    }

    @Test
    void missing_headers_are_missing_signature() {
        assertThat(slack.verify(request("/slack/x", BODY), NOW).code()).isEqualTo(AuthResult.MISSING_SIGNATURE);
        assertThat(slack.verify(request("/slack/x", BODY, "x-slack-signature", signature(SECRET, NOW, BODY)), NOW)
                        .code())
                .isEqualTo(AuthResult.MISSING_SIGNATURE);
        assertThat(slack.verify(request("/slack/x", BODY, "x-slack-request-timestamp", String.valueOf(NOW)), NOW)
                        .code())
                .isEqualTo(AuthResult.MISSING_SIGNATURE);
    }

    @Test
    void malformed_headers_are_malformed_signature() {
        String good = signature(SECRET, NOW, BODY);
        String now = String.valueOf(NOW);

        assertThat(verify("yesterday", good, BODY, NOW).code()).isEqualTo(AuthResult.MALFORMED_SIGNATURE);
        assertThat(verify(now + ".5", good, BODY, NOW).code()).isEqualTo(AuthResult.MALFORMED_SIGNATURE);
        assertThat(verify(now, "v1=" + good.substring(3), BODY, NOW).code()).isEqualTo(AuthResult.MALFORMED_SIGNATURE);
        assertThat(verify(now, good.substring(3), BODY, NOW).code()).isEqualTo(AuthResult.MALFORMED_SIGNATURE);
        assertThat(verify(now, good + "0", BODY, NOW).code()).isEqualTo(AuthResult.MALFORMED_SIGNATURE);
        assertThat(verify(now, "v0=" + "g".repeat(64), BODY, NOW).code()).isEqualTo(AuthResult.MALFORMED_SIGNATURE);
    }

    @Test
    void old_timestamp_is_expired() {
        long signedAt = NOW - 301;

        assertThat(verify(String.valueOf(signedAt), signature(SECRET, signedAt, BODY), BODY, NOW)
                        .code())
                .isEqualTo(AuthResult.EXPIRED);
    }

    @Test
    void future_timestamp_is_expired() {
        long signedAt = NOW + 301;
        AuthResult result = verify(String.valueOf(signedAt), signature(SECRET, signedAt, BODY), BODY, NOW);

        assertThat(result.code()).isEqualTo(AuthResult.EXPIRED);
        assertThat(result.reason()).contains("future");
    }

    @Test
    void path_outside_the_globs_is_not_applied() {
        assertThat(slack.appliesTo(request("/slack/events", BODY))).isTrue();
        assertThat(slack.appliesTo(request("/slackish", BODY))).isFalse();
    }
}
