package dev.vigil.posture.check.iam;

import dev.vigil.posture.model.Statement;
import dev.vigil.posture.model.Value;
import java.util.Locale;

/** Reading trust policies (a role's AssumeRolePolicyDocument). */
final class TrustPolicies {
    private TrustPolicies() {}

    /** True when the statement lets principals assume the role: an action {@code sts:AssumeRole*}, {@code sts:*} or {@code *}. */
    static boolean assumes(Statement s) {
        if (s.actions().isEmpty()) {
            return !s.notActions().isEmpty();
        }
        for (Value v : s.actions()) {
            if (!v.literal()) {
                return true;
            }
            String a = v.text().trim().toLowerCase(Locale.ROOT);
            if (a.equals("*") || a.startsWith("sts:")) {
                return true;
            }
        }
        return false;
    }

    /** True when the AWS principal is a whole account: a bare account id or the account's {@code :root}. */
    static boolean wholeAccount(Value v) {
        if (!v.literal()) {
            return false;
        }
        String t = v.text().trim();
        return t.matches("\\d{12}") || (t.startsWith("arn:") && t.endsWith(":root"));
    }

    /**
     * The account an AWS principal names: the 12-digit id of {@code 123456789012} or
     * {@code arn:aws:iam::123456789012:root|user/…|role/…}; {@code *} when it names every account ({@code *},
     * {@code arn:aws:iam::*:root}, or an ARN with no account such as {@code arn:aws:iam::root}); null when it is a
     * deploy-time value or not an account principal.
     */
    static String account(Value v) {
        if (!v.literal()) {
            return null;
        }
        String t = v.text().trim();
        if (t.equals("*")) {
            return "*";
        }
        if (t.matches("\\d{12}")) {
            return t;
        }
        if (!t.startsWith("arn:")) {
            return null;
        }
        String[] parts = t.split(":", -1);
        if (parts.length < 5 || !parts[2].equals("iam")) {
            return null;
        }
        if (parts.length == 5) {
            // arn:aws:iam::root has no account field at all.
            return "*";
        }
        String account = parts[4];
        if (account.isEmpty() || account.contains("*")) {
            return "*";
        }
        return account.matches("\\d{12}") ? account : null;
    }
}
