package dev.vigil.shield.policy;

/**
 * A policy that cannot be used: unreadable, not YAML, or not valid against the {@code vigil.yaml} schema. The message
 * says where and what, e.g. {@code vigil.yaml:12: authenticity[1].type: unknown type 'gitlab' (expected one of
 * github, stripe, slack, hmac, jwt)}. Messages name keys, lines and environment variables, never secret values.
 */
public final class PolicyException extends RuntimeException {

    private final String source;
    private final int line;
    private final String key;
    private final String detail;

    PolicyException(String source, int line, String key, String detail) {
        this(source, line, key, detail, null);
    }

    PolicyException(String source, int line, String key, String detail, Throwable cause) {
        super(format(source, line, key, detail), cause);
        this.source = source;
        this.line = Math.max(0, line);
        this.key = key == null ? "" : key;
        this.detail = detail;
    }

    /** Where the policy came from: a file path, {@code classpath:vigil.yaml}, or {@code environment}. */
    public String source() {
        return source;
    }

    /** The 1-based line the problem is on, or 0 when it has no line (I/O, size, environment variables). */
    public int line() {
        return line;
    }

    /**
     * The dotted path of the offending key, e.g. {@code categories.sqli} or {@code authenticity[1].secret_env}; the
     * environment variable's name for environment overrides; empty when the problem concerns the whole file.
     */
    public String key() {
        return key;
    }

    /** The problem alone, without source, line and key. */
    public String detail() {
        return detail;
    }

    private static String format(String source, int line, String key, String detail) {
        StringBuilder sb = new StringBuilder(source);
        if (line > 0) {
            sb.append(':').append(line);
        }
        sb.append(": ");
        if (key != null && !key.isEmpty()) {
            sb.append(key).append(": ");
        }
        return sb.append(detail).toString();
    }
}
