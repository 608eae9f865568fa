package dev.vigil.server.store;

/** The databases every repository test runs against. */
enum Backend {
    SQLITE,
    POSTGRESQL
}
