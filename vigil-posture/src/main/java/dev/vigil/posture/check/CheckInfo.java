package dev.vigil.posture.check;

import dev.vigil.core.Severity;
import java.util.List;
import java.util.Locale;

/**
 * What a check is: its stable id, the catalogue slug it implements, how bad a failure is, and what to tell people.
 *
 * @param id stable id, e.g. {@code VGL-LAMBDA-001}; never changes once released
 * @param name the catalogue slug (e.g. {@code lambda-url-auth-none}); the SARIF rule name
 * @param severity default severity
 * @param category catalogue area
 * @param title one line, e.g. "Function URL allows unauthenticated access"
 * @param rationale why it matters, one or two sentences
 * @param remediation what to change, one or two sentences
 * @param doc documentation path with anchor, relative to the repository root, e.g.
 *     {@code docs/posture/lambda.md#vgl-lambda-001}
 * @param equivalents the same check in other tools, e.g. {@code Checkov CKV_AWS_258}, {@code Prowler
 *     awslambda_function_url_public}, {@code Security Hub Lambda.1}
 */
public record CheckInfo(
        String id,
        String name,
        Severity severity,
        Category category,
        String title,
        String rationale,
        String remediation,
        String doc,
        List<String> equivalents) {

    public CheckInfo {
        equivalents = List.copyOf(equivalents);
    }

    /**
     * Metadata documented in {@code docFile} (e.g. {@code docs/posture/iam.md}) under a heading named after the id;
     * the anchor is the id in lower case.
     */
    public static CheckInfo documented(
            String docFile,
            String id,
            String name,
            Severity severity,
            Category category,
            String title,
            String rationale,
            String remediation,
            List<String> equivalents) {
        return new CheckInfo(
                id,
                name,
                severity,
                category,
                title,
                rationale,
                remediation,
                docFile + "#" + id.toLowerCase(Locale.ROOT),
                equivalents);
    }
}
