/** The HTTP server bootstrap (Javalin on Jetty) shared by ingest, the REST API and the dashboard. */
package dev.vigil.server.http;
