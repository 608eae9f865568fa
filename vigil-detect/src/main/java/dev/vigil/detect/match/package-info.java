/**
 * Compiled matchers: a Sigma detection item ({@code field|modifiers: values}) or keyword search becomes an {@link
 * dev.vigil.detect.match.EventPredicate}, and {@link dev.vigil.detect.match.Predicates} combines them.
 */
package dev.vigil.detect.match;
