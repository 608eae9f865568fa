package dev.vigil.posture.check.lambda;

/** Reads parts of literal ARNs. */
final class Arns {
    private Arns() {}

    /**
     * The 12-digit account of an ARN of {@code service} ({@code arn:PARTITION:SERVICE:REGION:ACCOUNT:…}), or null when
     * the text is not such an ARN or the account is not literal digits.
     */
    static String account(String arn, String service) {
        String[] parts = arn.trim().split(":", 6);
        if (parts.length < 6 || !parts[0].equals("arn") || !parts[2].equals(service)) {
            return null;
        }
        String account = parts[4];
        if (account.length() != 12) {
            return null;
        }
        for (int i = 0; i < account.length(); i++) {
            if (!Character.isDigit(account.charAt(i))) {
                return null;
            }
        }
        return account;
    }
}
