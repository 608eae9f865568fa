package dev.vigil.posture.check.lambda;

import dev.vigil.posture.model.LambdaPermission;
import dev.vigil.posture.model.Value;
import java.util.Locale;

/** How to read an {@code AWS::Lambda::Permission}. */
final class Permissions {
    private Permissions() {}

    /**
     * True when the permission is granted to everyone: a literal principal {@code *} (or any principal with a
     * wildcard, such as an ARN with a wildcard account), or a function-URL permission with {@code AuthType NONE}.
     */
    static boolean isPublic(LambdaPermission p) {
        return hasWildcardPrincipal(p) || Exposure.isNone(p.functionUrlAuthType());
    }

    static boolean hasWildcardPrincipal(LambdaPermission p) {
        Value principal = p.principal();
        return principal != null && principal.literal() && principal.text().contains("*");
    }

    /**
     * True when a condition narrows who may call: {@code SourceArn}, {@code SourceAccount} or {@code PrincipalOrgID}.
     * A function-URL permission with {@code AuthType NONE} is public whatever else it says.
     */
    static boolean isRestricted(LambdaPermission p) {
        if (Exposure.isNone(p.functionUrlAuthType())) {
            return false;
        }
        return p.sourceArn() != null || p.sourceAccount() != null || p.principalOrgId() != null;
    }

    /** True for an AWS service principal such as {@code s3.amazonaws.com}. */
    static boolean isServicePrincipal(LambdaPermission p) {
        Value principal = p.principal();
        return principal != null
                && principal.literal()
                && principal.text().trim().toLowerCase(Locale.ROOT).endsWith(".amazonaws.com");
    }
}
