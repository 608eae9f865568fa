package dev.vigil.posture.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SecretDetectorTest {

    private static SecretKind kind(List<SecretMatch> m) {
        return m.isEmpty() ? null : m.get(0).kind();
    }

    @Test
    void knownTokenShapes() {
        assertThat(kind(TokenShapes.find("AKIAIOSFODNN7EXAMPLE"))).isEqualTo(SecretKind.AWS_ACCESS_KEY_ID);
        assertThat(kind(TokenShapes.find("x ASIAY34FZKBOKMUTVV7A y"))).isEqualTo(SecretKind.AWS_ACCESS_KEY_ID);
        assertThat(TokenShapes.find("AROAEXAMPLEID1234567:*")).isEmpty(); // a role id, not a key
        assertThat(kind(TokenShapes.find("ghp_" + "a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8")))
                .isEqualTo(SecretKind.GITHUB_TOKEN);
        assertThat(kind(TokenShapes.find("github_pat_11ABCDEFG0123456789_abcdefghijklmnop")))
                .isEqualTo(SecretKind.GITHUB_TOKEN);
        assertThat(kind(TokenShapes.find("xoxb-123456789012-abcdefghij"))).isEqualTo(SecretKind.SLACK_TOKEN);
        assertThat(kind(TokenShapes.find("sk_live_" + "4eC39HqLyjWDarjtT1zdp7dc")))
                .isEqualTo(SecretKind.STRIPE_KEY);
        assertThat(TokenShapes.find("sk_test_4eC39HqLyjWDarjtT1zdp7dc")).isEmpty();
        assertThat(kind(TokenShapes.find("-----BEGIN RSA PRIVATE KEY-----\nMIIE...")))
                .isEqualTo(SecretKind.PRIVATE_KEY);
        assertThat(TokenShapes.find("-----BEGIN CERTIFICATE-----")).isEmpty();
        assertThat(kind(TokenShapes.find("AIza" + "SyD-abcdefghijklmnopqrstuvwxyz01234")))
                .isEqualTo(SecretKind.GOOGLE_API_KEY);
        assertThat(kind(TokenShapes.find("npm_" + "abcdefghijklmnopqrstuvwxyz0123456789")))
                .isEqualTo(SecretKind.NPM_TOKEN);
        assertThat(kind(TokenShapes.find("http://bob:sekret@example.invalid/x")))
                .isEqualTo(SecretKind.URL_CREDENTIALS);
        assertThat(TokenShapes.find("postgres://app:${DB_PASSWORD}@db:5432/app"))
                .isEmpty();
        assertThat(kind(TokenShapes.find("https://hooks.slack.com/services/T0000/B0000/XXXXXXXXXXXXXXXX")))
                .isEqualTo(SecretKind.SLACK_WEBHOOK);
    }

    @Test
    void jwtNeedsAJsonHeader() {
        String jwt =
                "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U";
        assertThat(kind(TokenShapes.find(jwt))).isEqualTo(SecretKind.JWT);
        assertThat(TokenShapes.find("eyJzdXBlcmxvbmdzdHJpbmc.abc.def")).isEmpty();
    }

    @Test
    void environmentValues() {
        assertThat(kind(SecretDetector.inEnvironment("DB_PASSWORD", "hunter2"))).isEqualTo(SecretKind.NAMED_SECRET);
        assertThat(SecretDetector.inEnvironment("DB_PASSWORD", "${ssm:/db/pw}")).isEmpty();
        assertThat(SecretDetector.inEnvironment("DB_PASSWORD_PARAM", "/prod/db/password"))
                .isEmpty();
        assertThat(SecretDetector.inEnvironment("APP_PRIVATE_KEY_SECRET_NAME", "my-secret"))
                .isEmpty();
        assertThat(SecretDetector.inEnvironment("TOKEN_TTL", "3600")).isEmpty();
        assertThat(SecretDetector.inEnvironment("TAGS", "git.commit.sha:55e7e7703f17c41f276caf8f1a1b744d674259f8"))
                .isEmpty();
        assertThat(SecretDetector.inEnvironment("LAMBDA", "handler.handlerverylongcustomhandlernameforservi"))
                .isEmpty();
        assertThat(kind(SecretDetector.inEnvironment("FOO", "Zr8Qv2LmX9pTk4WbN7cYh3Jd6Ge1Sa5Uf0")))
                .isEqualTo(SecretKind.HIGH_ENTROPY);
        assertThat(SecretDetector.inEnvironment("TABLE", "orders-table-prod")).isEmpty();
        assertThat(SecretDetector.inEnvironment("SECRET_ARN", "arn:aws:secretsmanager:us-east-1:1:secret:x"))
                .isEmpty();
    }

    @Test
    void awsCredentials() {
        assertThat(kind(SecretDetector.awsCredentials("foo", "1234567890123456789012345678901234567890$")))
                .isEqualTo(SecretKind.AWS_SECRET_ACCESS_KEY);
        assertThat(kind(SecretDetector.awsCredentials(
                        "AWS_SECRET_ACCESS_KEY", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")))
                .isEqualTo(SecretKind.AWS_SECRET_ACCESS_KEY);
        assertThat(SecretDetector.awsCredentials("COMMIT", "55e7e7703f17c41f276caf8f1a1b744d674259f8"))
                .isEmpty();
        assertThat(SecretDetector.awsCredentials("foo", "test")).isEmpty();
    }

    @Test
    void secretNames() {
        assertThat(SecretNames.isSecretName("MasterUserPassword")).isTrue();
        assertThat(SecretNames.isSecretName("API_KEY")).isTrue();
        assertThat(SecretNames.isSecretName("apiKey")).isTrue();
        assertThat(SecretNames.isSecretName("TokenKey")).isTrue();
        assertThat(SecretNames.isSecretName("EncryptionKey")).isFalse();
        assertThat(SecretNames.isSecretName("KeyName")).isFalse();
        assertThat(SecretNames.isSecretName("PasswordLength")).isFalse();
        assertThat(SecretNames.isSecretName("AccessTokenValidity")).isFalse();
        assertThat(SecretNames.words("APIKeyId")).containsExactly("api", "key", "id");
    }

    @Test
    void masksNeverShowTheSecret() {
        assertThat(Mask.mask(SecretKind.AWS_ACCESS_KEY_ID, "AKIAIOSFODNN7EXAMPLE"))
                .isEqualTo("AKIA…(20 chars)");
        assertThat(Mask.mask("hunter2")).isEqualTo("…(7 chars)");
        SecretMatch m = SecretDetector.inEnvironment("DB_PASSWORD", "hunter2").get(0);
        assertThat(m.describe()).doesNotContain("hunter");
    }
}
