/**
 * {@code vigil hunt}: the parallel pipeline that runs Sigma rules over log files, and its output formats.
 *
 * <p>Every call into the detection module's loaders, readers and parser goes through {@link
 * dev.vigil.cli.hunt.DetectAdapter}.
 */
package dev.vigil.cli.hunt;
