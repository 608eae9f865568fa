/**
 * Sigma correlations: sliding windows on event time per (correlation, group), reset when they fire, with bounded
 * state behind {@link dev.vigil.detect.correlation.CorrelationStore}. Entry point: {@link
 * dev.vigil.detect.correlation.CorrelationEngine}.
 */
package dev.vigil.detect.correlation;
