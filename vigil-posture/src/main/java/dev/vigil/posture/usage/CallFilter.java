package dev.vigil.posture.usage;

import dev.vigil.posture.usage.activity.ApiCall;
import java.util.Locale;

/**
 * Which calls belong to the principal a policy is suggested for: a role (its assumed-role sessions) or a Lambda
 * function (sessions Lambda opened for it, which carry the function name as session name, and Shield telemetry of
 * that function).
 */
public final class CallFilter {

    private final String roleName;
    private final String roleAccount;
    private final String roleArn;
    private final String function;

    private CallFilter(String roleName, String roleAccount, String roleArn, String function) {
        this.roleName = roleName;
        this.roleAccount = roleAccount;
        this.roleArn = roleArn;
        this.function = function;
    }

    /**
     * Calls made with sessions of this role: {@code arn:aws:iam::ACCT:role/[path/]NAME}, or a bare role name (any
     * account).
     *
     * @throws IllegalArgumentException for something that is neither
     */
    public static CallFilter role(String arnOrName) {
        String s = arnOrName.trim();
        if (s.startsWith("arn:")) {
            String[] parts = s.split(":", 6);
            if (parts.length != 6 || !parts[2].equals("iam") || !parts[5].startsWith("role/")) {
                throw new IllegalArgumentException("not a role ARN (arn:aws:iam::ACCOUNT:role/NAME): " + s);
            }
            String path = parts[5].substring(5);
            String name = path.substring(path.lastIndexOf('/') + 1);
            if (name.isEmpty()) {
                throw new IllegalArgumentException("role ARN without a name: " + s);
            }
            return new CallFilter(name, parts[4].isEmpty() ? null : parts[4], s, null);
        }
        if (s.isEmpty() || s.contains("/") || s.contains(":")) {
            throw new IllegalArgumentException("not a role name or ARN: " + s);
        }
        return new CallFilter(s, null, null, null);
    }

    /** Calls of this function: its name or its ARN ({@code arn:aws:lambda:…:function:NAME[:qualifier]}). */
    public static CallFilter function(String nameOrArn) {
        String s = nameOrArn.trim();
        int i = s.indexOf(":function:");
        if (i >= 0) {
            s = s.substring(i + ":function:".length());
            int q = s.indexOf(':');
            if (q >= 0) {
                s = s.substring(0, q);
            }
        }
        if (s.isEmpty() || s.contains("/") || s.contains(":")) {
            throw new IllegalArgumentException("not a function name or ARN: " + nameOrArn);
        }
        return new CallFilter(null, null, null, s);
    }

    /** True when the call was made by the selected role or function. */
    public boolean matches(ApiCall c) {
        if (function != null) {
            return function.equals(c.functionName()) || (c.functionName() == null && function.equals(c.sessionName()));
        }
        if (roleArn != null && c.roleArn() != null) {
            return roleArn.equalsIgnoreCase(c.roleArn());
        }
        if (c.roleName() == null || !roleName.equalsIgnoreCase(c.roleName())) {
            return false;
        }
        return roleAccount == null || c.account() == null || roleAccount.equals(accountOf(c));
    }

    private static String accountOf(ApiCall c) {
        if (c.principalArn() != null) {
            String[] parts = c.principalArn().split(":", 6);
            if (parts.length == 6 && !parts[4].isEmpty()) {
                return parts[4];
            }
        }
        return c.account();
    }

    /** For messages: {@code role NAME} or {@code function NAME}. */
    public String describe() {
        return function != null ? "function " + function : "role " + (roleArn != null ? roleArn : roleName);
    }

    @Override
    public String toString() {
        return describe().toLowerCase(Locale.ROOT);
    }
}
