package dev.vigil.shield.policy;

/**
 * Hygiene checks.
 *
 * @param envSecrets scan environment variables for plaintext secrets at cold start
 * @param tmpResidue what to do about {@code /tmp} files left by a previous invocation
 * @param responseLeaks scan responses for stack traces and credentials (sanitised in block mode)
 */
public record HygieneConfig(boolean envSecrets, TmpResidueMode tmpResidue, boolean responseLeaks) {

    /** The defaults: every check on, residue reported but not wiped. */
    public static HygieneConfig defaults() {
        return new HygieneConfig(true, TmpResidueMode.REPORT, true);
    }
}
