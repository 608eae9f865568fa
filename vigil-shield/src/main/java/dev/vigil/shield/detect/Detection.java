package dev.vigil.shield.detect;

import dev.vigil.core.Severity;
import dev.vigil.shield.inspect.Variant;

/**
 * One thing a detector found in a value.
 *
 * @param ruleId the stable rule id, e.g. {@code VGL-SQLI-001}
 * @param title one line saying what was found
 * @param severity how bad it is
 * @param variant the variant of the value it was found in (its text and the decodings that produced it)
 * @param start start of the match within {@code variant.text()}
 * @param end end of the match (exclusive)
 */
public record Detection(String ruleId, String title, Severity severity, Variant variant, int start, int end) {}
