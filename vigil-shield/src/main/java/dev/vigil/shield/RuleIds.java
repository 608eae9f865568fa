package dev.vigil.shield;

/** Stable ids of the rules the Shield itself enforces (detectors carry their own). Never change a released id. */
public final class RuleIds {

    /** An HTTP event failed its authenticity check (signature or token). */
    public static final String AUTHENTICITY = "VGL-AUTH-001";

    /** An environment variable holds a plaintext secret. */
    public static final String ENV_SECRET = "VGL-HYG-001";

    /** A previous invocation left files in {@code /tmp}. */
    public static final String TMP_RESIDUE = "VGL-HYG-002";

    /** A response leaked a stack trace or credentials. */
    public static final String RESPONSE_LEAK = "VGL-HYG-003";

    private RuleIds() {}
}
