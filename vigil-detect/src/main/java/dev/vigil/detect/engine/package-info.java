/** The engine: routes events by log source, looks up candidate rules in an index, and reports matches. */
package dev.vigil.detect.engine;
