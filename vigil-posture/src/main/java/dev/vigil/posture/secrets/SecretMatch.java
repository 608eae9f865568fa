package dev.vigil.posture.secrets;

/**
 * A secret found in a value: its kind and where in the value it sits. It carries no copy of the secret, only a
 * masked rendering safe to print.
 *
 * @param kind what it is
 * @param start offset of the secret in the value
 * @param end offset after it
 * @param masked a rendering that never shows the secret, e.g. {@code AKIA…(20 chars)}
 */
public record SecretMatch(SecretKind kind, int start, int end, String masked) {

    /** A match over {@code value[start, end)}, masked. */
    static SecretMatch of(SecretKind kind, String value, int start, int end) {
        return new SecretMatch(kind, start, end, Mask.mask(kind, value.substring(start, end)));
    }

    /** "GitHub token ghp_…(40 chars)". */
    public String describe() {
        return kind.label() + " " + masked;
    }
}
