package dev.vigil.cli;

/** Placeholder replaced by the real command. */
public final class VigilCommand {
    public static void main(String[] args) {}
}
