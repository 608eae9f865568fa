/**
 * The store: alerts, the functions inventory, posture findings, retention-bounded raw events, users, tokens and rule
 * states, in SQLite or PostgreSQL behind one set of Flyway migrations ({@code db/migration}). {@link
 * dev.vigil.server.store.Database} opens and migrates; one small repository class per concern reads and writes.
 */
package dev.vigil.server.store;
