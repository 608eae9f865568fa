/** JMH benchmarks for Vigil; each class documents what it measures and the command that runs it. */
package dev.vigil.benchmarks;
