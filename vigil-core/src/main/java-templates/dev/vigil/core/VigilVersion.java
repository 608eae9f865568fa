package dev.vigil.core;

/** Vigil's version, fixed at build time (a constant: reading a resource would cost the Shield's cold start). */
public final class VigilVersion {

    /** The version of this build, e.g. {@code 0.1.0}. */
    public static final String VERSION = "${project.version}";

    private VigilVersion() {}
}
