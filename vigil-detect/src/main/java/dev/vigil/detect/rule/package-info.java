/** Loading Sigma rule files: the rule model, validation with file and line, references and meta filters. */
package dev.vigil.detect.rule;
