/** Sigma correlations: sliding windows per group, bounded state behind {@link dev.vigil.detect.correlation.CorrelationStore}. */
package dev.vigil.detect.correlation;
