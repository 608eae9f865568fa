package dev.vigil.shield.hygiene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class EnvSecretScannerTest {

    private static final Synthetic GEN = new Synthetic(20240611L);

    static Stream<Arguments> secrets() {
        return Stream.of(
                Arguments.of("BACKUP_UPLOADER", GEN.awsAccessKeyId("AKIA"), LeakKinds.AWS_ACCESS_KEY_ID),
                Arguments.of("LEGACY_CREDS_KEY_ID", GEN.awsAccessKeyId("ASIA"), LeakKinds.AWS_ACCESS_KEY_ID),
                Arguments.of("BACKUP_AWS_SECRET", GEN.awsSecret(), LeakKinds.AWS_SECRET_ACCESS_KEY),
                Arguments.of("UPLOAD_SIGNING_KEY", GEN.awsSecret(), LeakKinds.AWS_SECRET_ACCESS_KEY),
                Arguments.of("SIGNING_MATERIAL", GEN.privateKeyPem("RSA ", "\n"), LeakKinds.PRIVATE_KEY),
                Arguments.of("SSH_MATERIAL", GEN.privateKeyPem("OPENSSH ", "\\n"), LeakKinds.PRIVATE_KEY),
                Arguments.of("PKCS8", GEN.privateKeyPem("", "\n"), LeakKinds.PRIVATE_KEY),
                Arguments.of("CI_VALUE", GEN.githubToken("ghp_"), LeakKinds.GITHUB_TOKEN),
                Arguments.of("APP_INSTALL", GEN.githubToken("ghs_"), LeakKinds.GITHUB_TOKEN),
                Arguments.of("OAUTH_BLOB", GEN.githubToken("gho_"), LeakKinds.GITHUB_TOKEN),
                Arguments.of("USER_TO_SERVER", GEN.githubToken("ghu_"), LeakKinds.GITHUB_TOKEN),
                Arguments.of("FINE_GRAINED", GEN.githubFineGrainedToken(), LeakKinds.GITHUB_TOKEN),
                Arguments.of("CHAT_BOT", GEN.slackToken('b'), LeakKinds.SLACK_TOKEN),
                Arguments.of("CHAT_USER", GEN.slackToken('p'), LeakKinds.SLACK_TOKEN),
                Arguments.of("PAYMENTS", GEN.stripeKey("sk_live_"), LeakKinds.STRIPE_KEY),
                Arguments.of("PAYMENTS_RESTRICTED", GEN.stripeKey("rk_live_"), LeakKinds.STRIPE_KEY),
                Arguments.of("MAPS", GEN.googleApiKey(), LeakKinds.GOOGLE_API_KEY),
                Arguments.of("SERVICE_BEARER", GEN.jwt(), LeakKinds.JWT),
                Arguments.of(
                        "DATABASE_URL",
                        "postgres://app:" + GEN.of(Synthetic.ALNUM, 20) + "@db.internal:5432/app",
                        LeakKinds.PASSWORD_IN_URL),
                Arguments.of(
                        "CACHE",
                        "redis://:" + GEN.of(Synthetic.ALNUM, 16) + "@cache:6379/0",
                        LeakKinds.PASSWORD_IN_URL),
                Arguments.of("DB_PASSWORD", GEN.password(20), LeakKinds.HIGH_ENTROPY_SECRET),
                Arguments.of("API_TOKEN", GEN.of("0123456789abcdef", 32), LeakKinds.HIGH_ENTROPY_SECRET),
                Arguments.of("partner_apikey", GEN.password(24), LeakKinds.HIGH_ENTROPY_SECRET),
                Arguments.of("WEBHOOK_AUTH", GEN.password(16), LeakKinds.HIGH_ENTROPY_SECRET),
                Arguments.of("OAUTH_CLIENT_SECRET", GEN.password(41), LeakKinds.HIGH_ENTROPY_SECRET));
    }

    @ParameterizedTest(name = "{2} in {0}")
    @MethodSource("secrets")
    void scan_finds_each_kind(String name, String value, String kind) {
        List<EnvSecret> found = EnvSecretScanner.scan(Map.of(name, value));

        assertThat(found).contains(new EnvSecret(name, kind));
    }

    @ParameterizedTest(name = "{2} in {0}")
    @MethodSource("secrets")
    void results_never_contain_the_value(String name, String value, String kind) {
        List<EnvSecret> found = EnvSecretScanner.scan(Map.of(name, "prefix " + value + " suffix"));

        assertThat(found).isNotEmpty();
        String printed = found.toString();
        assertThat(printed).doesNotContain(value.substring(0, Math.min(12, value.length())));
        for (EnvSecret secret : found) {
            assertThat(secret.name()).isEqualTo(name);
            assertThat(secret.toString()).doesNotContain(value).contains(name, secret.kind());
        }
    }

    @Test
    void secret_embedded_in_a_longer_value_is_found() {
        String token = GEN.githubToken("ghp_");
        String config = "{\"repo\":\"acme/app\",\"token\":\"" + token + "\",\"branch\":\"main\"}";

        assertThat(EnvSecretScanner.scan(Map.of("DEPLOY_CONFIG", config)))
                .containsExactly(new EnvSecret("DEPLOY_CONFIG", LeakKinds.GITHUB_TOKEN));
    }

    @Test
    void access_key_followed_by_its_secret_reports_both() {
        String pair = GEN.awsAccessKeyId("AKIA") + ":" + GEN.awsSecret();

        assertThat(EnvSecretScanner.scan(Map.of("BACKUP", pair)))
                .containsExactly(
                        new EnvSecret("BACKUP", LeakKinds.AWS_ACCESS_KEY_ID),
                        new EnvSecret("BACKUP", LeakKinds.AWS_SECRET_ACCESS_KEY));
    }

    @Test
    void lambda_injected_credentials_are_expected_and_skipped() {
        Map<String, String> env = new HashMap<>();
        env.put("AWS_ACCESS_KEY_ID", GEN.awsAccessKeyId("ASIA"));
        env.put("AWS_SECRET_ACCESS_KEY", GEN.awsSecret());
        env.put("AWS_SESSION_TOKEN", GEN.sessionToken());
        env.put("AWS_CONTAINER_AUTHORIZATION_TOKEN", GEN.password(44));

        assertThat(EnvSecretScanner.scan(env)).isEmpty();
    }

    @Test
    void the_same_key_under_another_name_is_reported() {
        String key = GEN.awsAccessKeyId("AKIA");

        assertThat(EnvSecretScanner.scan(Map.of("AWS_ACCESS_KEY_ID", key, "MY_AWS_ACCESS_KEY_ID", key)))
                .containsExactly(new EnvSecret("MY_AWS_ACCESS_KEY_ID", LeakKinds.AWS_ACCESS_KEY_ID));
    }

    @Test
    void runtime_variables_are_skipped() {
        Map<String, String> env = new HashMap<>();
        env.put("AWS_LAMBDA_FUNCTION_NAME", "orders-api");
        env.put("AWS_LAMBDA_RUNTIME_API", "127.0.0.1:9001");
        env.put("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/orders-api");
        env.put("_HANDLER", "com.acme.Handler::handleRequest");
        env.put("_X_AMZN_TRACE_ID", "Root=1-65f0c0de-" + GEN.of("0123456789abcdef", 24) + ";Sampled=1");
        env.put("LAMBDA_TASK_ROOT", "/var/task");
        env.put("PATH", "/usr/local/bin:/usr/bin/:/bin:/opt/bin");
        env.put("JAVA_TOOL_OPTIONS", "-XX:+TieredCompilation -XX:TieredStopAtLevel=1");
        env.put("PWD", "/var/task");
        env.put("AWS_REGION", "eu-west-1");

        assertThat(EnvSecretScanner.scan(env)).isEmpty();
    }

    static Stream<Arguments> benign() {
        return Stream.of(
                Arguments.of("API_TOKEN_ARN", "arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/api-AbCdEf"),
                Arguments.of("DB_PASSWORD", "arn:aws:ssm:eu-west-1:123456789012:parameter/prod/db/password"),
                Arguments.of("DB_PASSWORD", "{{resolve:secretsmanager:prod/db:SecretString:password}}"),
                Arguments.of("API_KEY", "${ssm:/myapp/prod/api-key}"),
                Arguments.of("SECRET_REF", "ssm:/myapp/prod/Secret42Value"),
                Arguments.of("SIGNING_SECRET", "/opt/secrets/Signing-Key_2024.pem"),
                Arguments.of("TOKEN_CACHE", "/tmp/token-cache/v2/Entries"),
                Arguments.of("AUTH_ISSUER", "https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbCdEf123"),
                Arguments.of("AUTH_MODE", "cognito-user-pool-with-mfa"),
                Arguments.of("PASSWORD_POLICY", "min-length-twelve-mixed-case"),
                Arguments.of("TOKEN_TTL_SECONDS", "3600"),
                Arguments.of("AUTH_CLIENT_ID", "3f2b8c9e-1d4a-4e7b-9c2f-8a6d5e4b3c21"),
                Arguments.of("SECRET_NAME", "Prod/Orders/Db-Credentials-2024"),
                Arguments.of("GIT_COMMIT", GEN.of("0123456789abcdef", 40)),
                Arguments.of("CACHE_KEY", GEN.of("0123456789abcdef", 40)),
                Arguments.of("SECRET_SALT", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa1"),
                Arguments.of("DATABASE_URL", "postgres://app:${DB_PASSWORD}@db.internal:5432/app"),
                Arguments.of("DATABASE_URL", "postgres://app@db.internal:5432/app"),
                Arguments.of("REDIS_URL", "redis://cache.internal:6379/0"),
                Arguments.of("DOCS", "see https://user:****@example.com for the format"),
                Arguments.of("SLACK_CHANNEL", "xoxb-general"),
                Arguments.of("STRIPE_TEST", "sk_test_" + GEN.of(Synthetic.ALNUM, 24)),
                Arguments.of("KEY_PREFIX", "AKIAEXAMPLE"),
                Arguments.of("KEY_LOWER", "akia" + GEN.of(Synthetic.BASE32, 16).toLowerCase()),
                Arguments.of("ID_IN_WORD", "XAKIA" + GEN.of(Synthetic.BASE32, 16)),
                Arguments.of("GREETING", "eyJhbGciOi is how a JWT header starts"),
                Arguments.of("PUBLIC_CERT", "-----BEGIN CERTIFICATE-----\nMIIB" + GEN.of(Synthetic.BASE64, 60)),
                Arguments.of("AUTH_CERT", "-----BEGIN CERTIFICATE-----\nMIIB" + GEN.of(Synthetic.BASE64, 60)),
                Arguments.of("GITHUB_ORG", "ghp_short"),
                Arguments.of("LOG_LEVEL", "DEBUG"),
                Arguments.of("FEATURE_FLAGS", "{\"newCheckout\":true,\"betaSearch\":false}"));
    }

    @ParameterizedTest(name = "{0}={1}")
    @MethodSource("benign")
    void benign_look_alikes_are_not_flagged(String name, String value) {
        assertThat(EnvSecretScanner.scan(Map.of(name, value))).isEmpty();
    }

    @Test
    void value_is_examined_up_to_the_cap() {
        String filler = "x".repeat(EnvSecretScanner.MAX_VALUE_CHARS);
        String late = filler + " " + GEN.githubToken("ghp_");
        String early = GEN.githubToken("ghp_") + " " + filler;

        assertThat(EnvSecretScanner.scan(Map.of("LATE", late))).isEmpty();
        assertThat(EnvSecretScanner.scan(Map.of("EARLY", early)))
                .containsExactly(new EnvSecret("EARLY", LeakKinds.GITHUB_TOKEN));
    }

    @Test
    void pathological_values_are_scanned_in_linear_time() {
        int n = EnvSecretScanner.MAX_VALUE_CHARS;
        Map<String, String> env = new HashMap<>();
        env.put("A_SECRET", "eyJ".repeat(n / 3));
        env.put("B_SECRET", "xoxb-".repeat(n / 5));
        env.put("C_SECRET", "a://".repeat(n / 4));
        env.put("D_SECRET", "-----BEGIN ".repeat(n / 11));
        env.put("E_SECRET", "ghp_".repeat(n / 4));
        env.put("F_SECRET", "eyJaaaaaaaaaaaa.".repeat(n / 16));
        env.put("G_SECRET", "AKIA".repeat(n / 4));
        env.put("H_SECRET", "\u00e9\u4e2d".repeat(n / 2));

        List<EnvSecret> found = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> EnvSecretScanner.scan(env));

        assertThat(found).extracting(EnvSecret::name).doesNotContain("A_SECRET", "B_SECRET", "E_SECRET");
    }

    @Test
    void odd_inputs_do_not_throw() {
        Map<String, String> env = new HashMap<>();
        env.put("EMPTY", "");
        env.put("NULL_VALUE", null);
        env.put("SHORT_SECRET", "x");
        env.put("TRAILING", "ghp_");
        env.put("URL_EDGE", "://@");
        env.put("PEM_EDGE", "-----BEGIN ");

        assertThat(EnvSecretScanner.scan(env)).isEmpty();
        assertThat(EnvSecretScanner.scan(null)).isEmpty();
    }

    @Test
    void results_are_ordered_by_name() {
        Map<String, String> env = new HashMap<>();
        env.put("ZETA", GEN.githubToken("ghp_"));
        env.put("ALPHA", GEN.googleApiKey());
        env.put("MIDDLE", GEN.stripeKey("sk_live_"));

        assertThat(EnvSecretScanner.scan(env)).extracting(EnvSecret::name).containsExactly("ALPHA", "MIDDLE", "ZETA");
    }

    @Test
    void to_string_escapes_the_name() {
        EnvSecret secret = new EnvSecret("BAD\nNAME", LeakKinds.JWT);

        assertThat(secret.toString()).isEqualTo("EnvSecret[name=BAD\\x0aNAME, kind=jwt]");
    }
}
