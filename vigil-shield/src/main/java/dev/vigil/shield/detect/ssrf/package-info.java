/**
 * Server-side request forgery detection: a lenient URL authority parser ({@link
 * dev.vigil.shield.detect.ssrf.UrlScanner}), a host classifier for IP literals in every notation and internal names
 * ({@link dev.vigil.shield.detect.ssrf.HostClassifier}, {@link dev.vigil.shield.detect.ssrf.IpLiterals}), and the
 * detector ({@link dev.vigil.shield.detect.ssrf.SsrfDetector}).
 */
package dev.vigil.shield.detect.ssrf;
