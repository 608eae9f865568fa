package dev.vigil.shield.policy;

/** What to do about files a previous invocation left in {@code /tmp}. */
public enum TmpResidueMode {
    OFF,
    REPORT,
    WIPE
}
