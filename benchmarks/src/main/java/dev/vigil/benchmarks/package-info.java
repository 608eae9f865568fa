/** JMH benchmarks for Vigil. */
package dev.vigil.benchmarks;
