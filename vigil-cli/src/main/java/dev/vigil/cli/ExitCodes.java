package dev.vigil.cli;

/** The exit codes of every {@code vigil} command. */
public final class ExitCodes {
    /** Success, nothing at or above the failure threshold. */
    public static final int OK = 0;
    /** Findings at or above {@code --fail-on}, or a failed check (e.g. an invalid policy). */
    public static final int FINDINGS = 1;
    /** Wrong usage (picocli's value). */
    public static final int USAGE = 2;
    /** An I/O or internal error. */
    public static final int INTERNAL = 3;

    private ExitCodes() {}
}
