package dev.vigil.server.store;

/** Tenant names shared by the repositories. */
public final class Tenants {
    /** The tenant of data ingested without one. */
    public static final String DEFAULT = "default";

    private Tenants() {}
}
