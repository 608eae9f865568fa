/**
 * XML external entity detection: a lenient scanner over DOCTYPE and ENTITY declarations, XInclude and XSLT ({@link
 * dev.vigil.shield.detect.xxe.DtdScanner}), a UTF-7 decoder ({@link dev.vigil.shield.detect.xxe.Utf7}), and the detector
 * ({@link dev.vigil.shield.detect.xxe.XxeDetector}).
 */
package dev.vigil.shield.detect.xxe;
