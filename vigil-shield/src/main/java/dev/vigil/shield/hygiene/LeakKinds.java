package dev.vigil.shield.hygiene;

/** The stable kind names the hygiene checks report. */
public final class LeakKinds {

    /** An AWS access key id ({@code AKIA}/{@code ASIA} followed by 16 base32 characters). */
    public static final String AWS_ACCESS_KEY_ID = "aws_access_key_id";
    /** A 40-character AWS secret access key. */
    public static final String AWS_SECRET_ACCESS_KEY = "aws_secret_access_key";
    /** An AWS session token (a long base64 value after {@code AWS_SESSION_TOKEN} or {@code SessionToken}). */
    public static final String AWS_SESSION_TOKEN = "aws_session_token";
    /** A PEM private key ({@code -----BEGIN ... PRIVATE KEY-----}). */
    public static final String PRIVATE_KEY = "private_key";
    /** A GitHub token ({@code ghp_}, {@code gho_}, {@code ghs_}, {@code ghu_}, {@code ghr_}, {@code github_pat_}). */
    public static final String GITHUB_TOKEN = "github_token";
    /** A Slack token ({@code xoxa-}, {@code xoxb-}, {@code xoxp-}, {@code xoxo-}, {@code xoxs-}, {@code xoxr-}). */
    public static final String SLACK_TOKEN = "slack_token";
    /** A live Stripe secret or restricted key ({@code sk_live_}, {@code rk_live_}). */
    public static final String STRIPE_KEY = "stripe_key";
    /** A Google API key ({@code AIza} followed by 35 characters). */
    public static final String GOOGLE_API_KEY = "google_api_key";
    /** A JSON Web Token (three base64url segments, the first two starting {@code eyJ}/{@code ey}). */
    public static final String JWT = "jwt";
    /** A URL with a password in its user info ({@code scheme://user:pass@host}). */
    public static final String PASSWORD_IN_URL = "password_in_url";
    /** A high-entropy value under a secret-like variable name. */
    public static final String HIGH_ENTROPY_SECRET = "high_entropy_secret";
    /** A Java, Python or Node.js stack trace. */
    public static final String STACK_TRACE = "stack_trace";

    private LeakKinds() {}
}
