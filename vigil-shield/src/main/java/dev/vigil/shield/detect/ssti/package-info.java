/**
 * Server-side template and expression-language injection detector: finds template delimiters, lexes the expression
 * inside and judges it (code execution or reflection, engine internals, statements, evaluation probes).
 */
package dev.vigil.shield.detect.ssti;
