/**
 * The Sigma condition language ({@code selection and not 1 of filter_*}): a tokenizer, a recursive-descent parser
 * into a small syntax tree, and a compiler that turns the tree into an {@link dev.vigil.detect.match.EventPredicate}
 * over a rule's search identifiers.
 */
package dev.vigil.detect.condition;
