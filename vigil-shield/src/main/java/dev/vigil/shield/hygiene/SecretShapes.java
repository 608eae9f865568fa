package dev.vigil.shield.hygiene;

/**
 * Hand-written matchers for credential shapes, shared by the environment and response scanners.
 *
 * <p>Each {@code ...At} method tries a match starting exactly at {@code i} and returns the end index of the match
 * (exclusive) or {@code -1}. Matches never extend past {@code limit}. Matchers that scan a run of characters only
 * start where the previous character cannot belong to that run, so a caller that tries every position still does
 * linear work.
 */
final class SecretShapes {

    /** How far a PEM label ({@code RSA}, {@code OPENSSH}, {@code ENCRYPTED} ...) may run before we give up. */
    private static final int MAX_PEM_LABEL = 60;

    private static final String BEGIN = "-----BEGIN ";
    private static final String END = "-----END ";
    private static final String DASHES = "-----";
    private static final String PRIVATE_KEY = "PRIVATE KEY";
    private static final String PRIVATE_KEY_BLOCK = "PRIVATE KEY BLOCK";

    private SecretShapes() {}

    static boolean isUpper(char c) {
        return c >= 'A' && c <= 'Z';
    }

    static boolean isLower(char c) {
        return c >= 'a' && c <= 'z';
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static boolean isAlnum(char c) {
        return isUpper(c) || isLower(c) || isDigit(c);
    }

    static boolean isBase64(char c) {
        return isAlnum(c) || c == '+' || c == '/';
    }

    static boolean isBase64Url(char c) {
        return isAlnum(c) || c == '-' || c == '_';
    }

    private static boolean isBase32Upper(char c) {
        return isUpper(c) || (c >= '2' && c <= '7');
    }

    private static boolean prevIs(CharSequence s, int i, CharClass cls) {
        return i > 0 && cls.test(s.charAt(i - 1));
    }

    private static boolean nextIs(CharSequence s, int end, CharClass cls) {
        return end < s.length() && cls.test(s.charAt(end));
    }

    /** A character class, without boxing; an enum rather than lambdas, which cost cold-start time to bootstrap. */
    enum CharClass {
        ALNUM,
        WORD,
        WORD_DASH,
        BASE64URL,
        BASE64,
        BASE64_OR_PAD,
        BASE64URL_OR_DOT,
        UNDERSCORE;

        boolean test(char c) {
            switch (this) {
                case ALNUM:
                    return isAlnum(c);
                case WORD:
                    return isAlnum(c) || c == '_';
                case WORD_DASH:
                    return isAlnum(c) || c == '_' || c == '-';
                case BASE64URL:
                    return isBase64Url(c);
                case BASE64:
                    return isBase64(c);
                case BASE64_OR_PAD:
                    return isBase64(c) || c == '=';
                case BASE64URL_OR_DOT:
                    return isBase64Url(c) || c == '.';
                default:
                    return c == '_';
            }
        }
    }

    private static final CharClass ALNUM = CharClass.ALNUM;
    private static final CharClass WORD = CharClass.WORD;
    private static final CharClass WORD_DASH = CharClass.WORD_DASH;
    private static final CharClass BASE64URL = CharClass.BASE64URL;
    private static final CharClass BASE64 = CharClass.BASE64;

    /** The end of a run of {@code cls} characters starting at {@code from}, at most {@code limit}. */
    static int runEnd(CharSequence s, int from, int limit, CharClass cls) {
        int j = from;
        while (j < limit && cls.test(s.charAt(j))) {
            j++;
        }
        return j;
    }

    /** {@code AKIA}/{@code ASIA} and 16 characters of {@code [A-Z2-7]}, not inside a longer alphanumeric word. */
    static int awsAccessKeyIdAt(CharSequence s, int i, int limit) {
        if (i + 20 > limit
                || s.charAt(i) != 'A'
                || (s.charAt(i + 1) != 'K' && s.charAt(i + 1) != 'S')
                || s.charAt(i + 2) != 'I'
                || s.charAt(i + 3) != 'A'
                || prevIs(s, i, ALNUM)) {
            return -1;
        }
        for (int k = i + 4; k < i + 20; k++) {
            if (!isBase32Upper(s.charAt(k))) {
                return -1;
            }
        }
        return nextIs(s, i + 20, ALNUM) ? -1 : i + 20;
    }

    /**
     * A run of exactly 40 base64 characters starting at {@code i} (a whole run, not part of a longer one) that mixes
     * upper case, lower case and a digit or {@code +}/{@code /}, as AWS secret access keys do; a 40-character hex
     * digest does not qualify.
     */
    static int awsSecretRunAt(CharSequence s, int i, int limit) {
        if (i + 40 > limit || prevIs(s, i, BASE64)) {
            return -1;
        }
        boolean upper = false;
        boolean lower = false;
        boolean other = false;
        for (int k = i; k < i + 40; k++) {
            char c = s.charAt(k);
            if (isUpper(c)) {
                upper = true;
            } else if (isLower(c)) {
                lower = true;
            } else if (isDigit(c) || c == '+' || c == '/') {
                other = true;
            } else {
                return -1;
            }
        }
        if (nextIs(s, i + 40, CharClass.BASE64_OR_PAD)) {
            return -1;
        }
        return upper && lower && other ? i + 40 : -1;
    }

    /**
     * The first {@link #awsSecretRunAt} match that starts in {@code [from, to)}, or -1. Skips whole runs, so the work
     * is linear in {@code to - from} plus one run.
     */
    static int findAwsSecretRun(CharSequence s, int from, int to, int limit) {
        int j = from;
        while (j < to && j < limit) {
            if (isBase64(s.charAt(j)) && !prevIs(s, j, BASE64)) {
                int end = awsSecretRunAt(s, j, limit);
                if (end > 0) {
                    return j;
                }
                j = runEnd(s, j, Math.min(limit, j + 41), BASE64);
            } else {
                j++;
            }
        }
        return -1;
    }

    /** A PEM private-key header {@code -----BEGIN <label>PRIVATE KEY[ BLOCK]-----}; returns the header's end. */
    static int privateKeyHeaderAt(String s, int i, int limit) {
        if (s.charAt(i) != '-' || !s.regionMatches(i, BEGIN, 0, BEGIN.length())) {
            return -1;
        }
        return pemLabelEnd(s, i + BEGIN.length(), limit);
    }

    /** A PEM private-key footer {@code -----END <label>PRIVATE KEY[ BLOCK]-----}; returns the footer's end. */
    static int privateKeyFooterAt(String s, int i, int limit) {
        if (!s.regionMatches(i, END, 0, END.length())) {
            return -1;
        }
        return pemLabelEnd(s, i + END.length(), limit);
    }

    private static int pemLabelEnd(String s, int from, int limit) {
        int j = from;
        int max = Math.min(limit, from + MAX_PEM_LABEL);
        while (j < max) {
            char c = s.charAt(j);
            if (!isUpper(c) && !isDigit(c) && c != ' ') {
                break;
            }
            j++;
        }
        if (j + DASHES.length() > limit || !s.regionMatches(j, DASHES, 0, DASHES.length())) {
            return -1;
        }
        boolean privateKey = endsWithAt(s, from, j, PRIVATE_KEY) || endsWithAt(s, from, j, PRIVATE_KEY_BLOCK);
        return privateKey ? j + DASHES.length() : -1;
    }

    private static boolean endsWithAt(String s, int from, int end, String suffix) {
        int start = end - suffix.length();
        return start >= from && s.regionMatches(start, suffix, 0, suffix.length());
    }

    /**
     * A GitHub token: {@code gh[posur]_} and at least 30 alphanumerics, or {@code github_pat_} and at least 30 word
     * characters.
     */
    static int githubTokenAt(String s, int i, int limit) {
        if (s.charAt(i) != 'g' || prevIs(s, i, WORD)) {
            return -1;
        }
        if (s.startsWith("github_pat_", i)) {
            int end = runEnd(s, i + 11, limit, WORD);
            return end - (i + 11) >= 30 ? end : -1;
        }
        if (i + 4 > limit || s.charAt(i + 1) != 'h' || s.charAt(i + 3) != '_') {
            return -1;
        }
        char t = s.charAt(i + 2);
        if (t != 'p' && t != 'o' && t != 's' && t != 'u' && t != 'r') {
            return -1;
        }
        int end = runEnd(s, i + 4, limit, ALNUM);
        return end - (i + 4) >= 30 && !nextIs(s, end, CharClass.UNDERSCORE) ? end : -1;
    }

    /** A Slack token: {@code xox[abposr]-} and at least 10 characters of {@code [A-Za-z0-9-]} including a digit. */
    static int slackTokenAt(String s, int i, int limit) {
        if (i + 5 > limit || s.charAt(i) != 'x' || !s.startsWith("xox", i) || prevIs(s, i, WORD_DASH)) {
            return -1;
        }
        char t = s.charAt(i + 3);
        if ("abposr".indexOf(t) < 0 || s.charAt(i + 4) != '-') {
            return -1;
        }
        boolean digit = false;
        int j = i + 5;
        while (j < limit) {
            char c = s.charAt(j);
            if (isDigit(c)) {
                digit = true;
            } else if (!isAlnum(c) && c != '-') {
                break;
            }
            j++;
        }
        return digit && j - (i + 5) >= 10 ? j : -1;
    }

    /** A live Stripe key: {@code sk_live_}/{@code rk_live_} and at least 16 alphanumerics. */
    static int stripeKeyAt(String s, int i, int limit) {
        char c = s.charAt(i);
        if ((c != 's' && c != 'r') || !s.startsWith("k_live_", i + 1) || prevIs(s, i, WORD)) {
            return -1;
        }
        int end = runEnd(s, i + 8, limit, ALNUM);
        return end - (i + 8) >= 16 ? end : -1;
    }

    /** A Google API key: {@code AIza} and exactly 35 characters of {@code [A-Za-z0-9_-]}. */
    static int googleApiKeyAt(String s, int i, int limit) {
        if (i + 39 > limit || s.charAt(i) != 'A' || !s.startsWith("AIza", i) || prevIs(s, i, WORD_DASH)) {
            return -1;
        }
        for (int k = i + 4; k < i + 39; k++) {
            if (!isBase64Url(s.charAt(k))) {
                return -1;
            }
        }
        return nextIs(s, i + 39, BASE64URL) ? -1 : i + 39;
    }

    /**
     * A JWT: a base64url header of at least 10 characters starting {@code eyJ}, a payload of at least 10 starting
     * {@code ey} (a JSON object), and a signature of at least 16, separated by dots.
     */
    static int jwtAt(String s, int i, int limit) {
        if (s.charAt(i) != 'e' || !s.startsWith("eyJ", i) || prevIs(s, i, CharClass.BASE64URL_OR_DOT)) {
            return -1;
        }
        int headerEnd = runEnd(s, i, limit, BASE64URL);
        if (headerEnd - i < 10 || headerEnd >= limit || s.charAt(headerEnd) != '.') {
            return -1;
        }
        int payload = headerEnd + 1;
        if (!s.startsWith("ey", payload)) {
            return -1;
        }
        int payloadEnd = runEnd(s, payload, limit, BASE64URL);
        if (payloadEnd - payload < 10 || payloadEnd >= limit || s.charAt(payloadEnd) != '.') {
            return -1;
        }
        int signature = payloadEnd + 1;
        int end = runEnd(s, signature, limit, BASE64URL);
        return end - signature >= 16 ? end : -1;
    }

    /** Whether {@code s[0, limit)} holds a URL with a non-placeholder password in its user info. */
    static boolean hasPasswordInUrl(String s, int limit) {
        int i = s.indexOf("://");
        while (i >= 0 && i + 3 <= limit) {
            if (passwordInUrlAt(s, i, limit)) {
                return true;
            }
            i = s.indexOf("://", i + 3);
        }
        return false;
    }

    /** With {@code i} at the {@code ://} of a URL: whether its authority is {@code [user]:password@host}. */
    private static boolean passwordInUrlAt(String s, int i, int limit) {
        int schemeStart = i;
        while (schemeStart > 0 && i - schemeStart < 32) {
            char c = s.charAt(schemeStart - 1);
            if (isAlnum(c) || c == '+' || c == '.' || c == '-') {
                schemeStart--;
            } else {
                break;
            }
        }
        if (schemeStart == i || !(isUpper(s.charAt(schemeStart)) || isLower(s.charAt(schemeStart)))) {
            return false;
        }
        int from = i + 3;
        int max = Math.min(limit, from + 1024);
        int at = -1;
        int end = from;
        while (end < max) {
            char c = s.charAt(end);
            if (c == '/' || c == '?' || c == '#' || c == '"' || c == '\'' || c <= ' ') {
                break;
            }
            if (c == '@') {
                at = end;
            }
            end++;
        }
        if (at < 0 || at + 1 >= end) {
            return false;
        }
        int colon = from;
        while (colon < at && s.charAt(colon) != ':') {
            colon++;
        }
        int passStart = colon + 1;
        if (passStart >= at) {
            return false;
        }
        return !isPlaceholder(s, passStart, at);
    }

    /** {@code ${VAR}}, {@code {{...}}}, {@code $VAR}, {@code <password>} or a run of {@code *}/{@code x}. */
    private static boolean isPlaceholder(String s, int from, int to) {
        char first = s.charAt(from);
        if (first == '$' || s.startsWith("{{", from) || s.startsWith("%7B%7B", from) || first == '<') {
            return true;
        }
        for (int k = from; k < to; k++) {
            char c = s.charAt(k);
            if (c != '*' && c != 'x' && c != 'X') {
                return false;
            }
        }
        return true;
    }
}
