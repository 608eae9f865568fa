package dev.vigil.detect;

/**
 * A rule that cannot be loaded: unknown modifier, bad regex or CIDR, undefined identifier, wrong shape. The message
 * names the problem in words a rule author understands; the loader adds the file and line.
 */
public class InvalidRuleException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** A problem described by {@code message}. */
    public InvalidRuleException(String message) {
        super(message);
    }

    /** A problem described by {@code message}, caused by {@code cause}. */
    public InvalidRuleException(String message, Throwable cause) {
        super(message, cause);
    }
}
