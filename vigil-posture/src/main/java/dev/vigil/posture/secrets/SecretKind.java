package dev.vigil.posture.secrets;

/** What kind of secret a value holds. The label names it in findings; the value itself is never shown. */
public enum SecretKind {
    AWS_ACCESS_KEY_ID("AWS access key id", true),
    AWS_SECRET_ACCESS_KEY("AWS secret access key", true),
    GITHUB_TOKEN("GitHub token", false),
    GITLAB_TOKEN("GitLab token", false),
    SLACK_TOKEN("Slack token", false),
    SLACK_WEBHOOK("Slack webhook URL", false),
    TEAMS_WEBHOOK("Microsoft Teams webhook URL", false),
    STRIPE_KEY("Stripe live key", false),
    PRIVATE_KEY("private key", false),
    JWT("JSON Web Token", false),
    GOOGLE_API_KEY("Google API key", false),
    GOOGLE_OAUTH_TOKEN("Google OAuth access token", false),
    TWILIO_API_KEY("Twilio API key", false),
    SENDGRID_API_KEY("SendGrid API key", false),
    MAILGUN_API_KEY("Mailgun API key", false),
    MAILCHIMP_API_KEY("Mailchimp API key", false),
    NPM_TOKEN("npm token", false),
    PYPI_TOKEN("PyPI token", false),
    SQUARE_TOKEN("Square token", false),
    OPENAI_API_KEY("OpenAI API key", false),
    ANTHROPIC_API_KEY("Anthropic API key", false),
    SHOPIFY_TOKEN("Shopify token", false),
    DOCKER_HUB_TOKEN("Docker Hub token", false),
    PUTTY_KEY("PuTTY private key", false),
    URL_CREDENTIALS("URL with a password", false),
    NAMED_SECRET("literal value of a secret-named setting", false),
    HIGH_ENTROPY("random-looking string", false);

    private final String label;
    private final boolean aws;

    SecretKind(String label, boolean aws) {
        this.label = label;
        this.aws = aws;
    }

    /** A name for people, e.g. {@code GitHub token}. */
    public String label() {
        return label;
    }

    /** True for AWS credentials (access key ids and secret access keys). */
    public boolean aws() {
        return aws;
    }
}
