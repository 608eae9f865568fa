/**
 * Log4Shell-style lookup injection detection: a bounded evaluator of Log4j's lookup grammar ({@link
 * dev.vigil.shield.detect.jndi.LookupEvaluator}) and the detector that judges its result ({@link
 * dev.vigil.shield.detect.jndi.JndiDetector}).
 */
package dev.vigil.shield.detect.jndi;
