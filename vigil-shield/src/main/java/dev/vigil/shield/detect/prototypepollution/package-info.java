/**
 * Prototype pollution: {@code __proto__} and {@code constructor.prototype} used as keys or path segments in JSON
 * bodies, query parameter names and dotted/bracketed paths.
 */
package dev.vigil.shield.detect.prototypepollution;
