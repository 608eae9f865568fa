/**
 * {@code vigil serve}: the always-on collector. Ingest endpoints write to a durable append-only event log
 * ({@code log}); the detection pipeline consumes it and stores alerts, functions and findings ({@code store}); the
 * REST API and dashboard read the store.
 */
package dev.vigil.server;
