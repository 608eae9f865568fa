package dev.vigil.shield.hygiene;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds AWS credentials and private keys in response text, in one linear pass.
 *
 * <ul>
 *   <li>{@code aws_access_key_id}: the {@code AKIA}/{@code ASIA} shape anywhere.
 *   <li>{@code aws_secret_access_key}: exactly 40 base64 characters after a name like {@code aws_secret_access_key}
 *       / {@code SecretAccessKey} (case and {@code _}/{@code -} separators ignored), or a mixed-case 40-character
 *       base64 run shortly after an access key id.
 *   <li>{@code aws_session_token}: at least {@value #MIN_SESSION_TOKEN} base64 characters after
 *       {@code AWS_SESSION_TOKEN} / {@code SessionToken}.
 *   <li>{@code private_key}: a PEM private key from its header to its footer (or, without a footer, to the end of
 *       the base64 body).
 * </ul>
 */
final class CredentialFinder {

    private static final java.util.Comparator<Leak> BY_START = new java.util.Comparator<Leak>() {
        @Override
        public int compare(Leak a, Leak b) {
            return Integer.compare(a.start(), b.start());
        }
    };

    static final int MIN_SESSION_TOKEN = 64;

    /** How far after a key's name (quotes, colons, equals signs, spaces) its value may start. */
    private static final int MAX_SEPARATOR = 12;

    /** How far after an access key id a secret access key is looked for. */
    private static final int SECRET_WINDOW = 128;

    /** How far a PEM body may run. */
    private static final int MAX_PEM = 64 * 1024;

    private static final String PEM_END = "-----END ";

    private final String text;
    private final int limit;
    private final List<Leak> found = new ArrayList<>();
    private int lastSecretStart = -1;
    private int pemEndSearchedFrom = -1;
    private int pemEndAt = -1;

    private CredentialFinder(String text, int limit) {
        this.text = text;
        this.limit = limit;
    }

    /** The credentials in {@code text[0, limit)}, ordered by start. */
    static List<Leak> find(String text, int limit) {
        CredentialFinder finder = new CredentialFinder(text, limit);
        finder.run();
        finder.found.sort(BY_START);
        return finder.found;
    }

    private void run() {
        for (int i = 0; i < limit; i++) {
            char c = text.charAt(i);
            int end = -1;
            if (c == 'A') {
                end = SecretShapes.awsAccessKeyIdAt(text, i, limit);
                if (end > 0) {
                    found.add(new Leak(LeakKinds.AWS_ACCESS_KEY_ID, i, end));
                    int secret = SecretShapes.findAwsSecretRun(text, end, end + SECRET_WINDOW, limit);
                    if (secret >= 0) {
                        addSecret(secret);
                    }
                }
            } else if (c == 's' || c == 'S') {
                end = secretAccessKeyAt(i);
                if (end < 0) {
                    end = sessionTokenAt(i);
                }
            } else if (c == '-') {
                end = privateKeyAt(i);
            }
            if (end > 0) {
                i = end - 1;
            }
        }
    }

    private void addSecret(int start) {
        if (start != lastSecretStart) {
            lastSecretStart = start;
            found.add(new Leak(LeakKinds.AWS_SECRET_ACCESS_KEY, start, start + 40));
        }
    }

    /** {@code secret[_-]?access[_-]?key}, separators, then exactly 40 base64 characters. */
    private int secretAccessKeyAt(int i) {
        int j = wordsAt(i, "secret", "access", "key");
        if (j < 0) {
            return -1;
        }
        int value = skipSeparators(j);
        int end = SecretShapes.runEnd(text, value, Math.min(limit, value + 41), SecretShapes.CharClass.BASE64);
        if (end - value != 40 || (end < text.length() && text.charAt(end) == '=')) {
            return j;
        }
        addSecret(value);
        return end;
    }

    /** {@code session[_-]?token}, separators, then at least {@link #MIN_SESSION_TOKEN} base64 characters. */
    private int sessionTokenAt(int i) {
        int j = wordsAt(i, "session", "token", null);
        if (j < 0) {
            return -1;
        }
        int value = skipSeparators(j);
        int end = SecretShapes.runEnd(text, value, limit, SecretShapes.CharClass.BASE64_OR_PAD);
        if (end - value < MIN_SESSION_TOKEN) {
            return j;
        }
        found.add(new Leak(LeakKinds.AWS_SESSION_TOKEN, value, end));
        return end;
    }

    /** Matches the words case-insensitively, each optionally separated by {@code _} or {@code -}; returns the end. */
    private int wordsAt(int i, String first, String second, String third) {
        int j = wordAt(i, first);
        if (j < 0) {
            return -1;
        }
        j = wordAt(optionalSeparator(j), second);
        if (j < 0 || third == null) {
            return j;
        }
        return wordAt(optionalSeparator(j), third);
    }

    private int wordAt(int i, String word) {
        return i + word.length() <= limit && text.regionMatches(true, i, word, 0, word.length())
                ? i + word.length()
                : -1;
    }

    private int optionalSeparator(int j) {
        return j < limit && (text.charAt(j) == '_' || text.charAt(j) == '-') ? j + 1 : j;
    }

    private int skipSeparators(int j) {
        int max = Math.min(limit, j + MAX_SEPARATOR);
        while (j < max) {
            char c = text.charAt(j);
            if (c == '"' || c == '\'' || c == ':' || c == '=' || c == ' ' || c == '\t' || c == '\\') {
                j++;
            } else {
                break;
            }
        }
        return j;
    }

    /** A PEM private key from header to matching footer, or to the end of its base64 body. */
    private int privateKeyAt(int i) {
        int header = SecretShapes.privateKeyHeaderAt(text, i, limit);
        if (header < 0) {
            return -1;
        }
        int footer = nextPemEnd(header);
        int end = -1;
        if (footer >= 0 && footer - i <= MAX_PEM) {
            end = SecretShapes.privateKeyFooterAt(text, footer, limit);
        }
        if (end < 0) {
            end = header;
            int max = Math.min(limit, header + MAX_PEM);
            while (end < max) {
                char c = text.charAt(end);
                if (SecretShapes.isBase64(c)
                        || c == '='
                        || c == '\\'
                        || c == ' '
                        || c == '\t'
                        || c == '\r'
                        || c == '\n') {
                    end++;
                } else {
                    break;
                }
            }
        }
        found.add(new Leak(LeakKinds.PRIVATE_KEY, i, end));
        return end;
    }

    /** The next {@code -----END } at or after {@code from}, remembered so that repeated searches stay linear. */
    private int nextPemEnd(int from) {
        if (pemEndSearchedFrom >= 0 && pemEndSearchedFrom <= from && (pemEndAt < 0 || pemEndAt >= from)) {
            return pemEndAt;
        }
        pemEndSearchedFrom = from;
        int at = text.indexOf(PEM_END, from);
        pemEndAt = at >= 0 && at < limit ? at : -1;
        return pemEndAt;
    }
}
