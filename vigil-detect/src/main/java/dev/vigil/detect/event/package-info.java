/** Log records as rules see them: field lookup by dotted path, values, log sources and event time. */
package dev.vigil.detect.event;
