/**
 * A minimal JSON writer with no dependencies, so that writing telemetry and responses loads no JSON library at
 * cold start.
 */
package dev.vigil.core.json;
