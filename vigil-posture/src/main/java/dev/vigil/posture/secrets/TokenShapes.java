package dev.vigil.posture.secrets;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;

/**
 * Known token shapes: strings whose form alone says they are credentials (an AWS access key id, a GitHub token, a
 * private key block …). Patterns are fixed (never built from input) and run with RE2, in time linear in the value.
 */
public final class TokenShapes {
    private TokenShapes() {}

    /** A pattern, and literal strings one of which every match contains (checked first: most values have none). */
    private record Shape(SecretKind kind, Pattern pattern, boolean boundedAfter, List<String> hints) {
        boolean hinted(String value) {
            for (String h : hints) {
                if (value.contains(h)) {
                    return true;
                }
            }
            return false;
        }
    }

    private static Shape shape(SecretKind kind, String regex, boolean boundedAfter, String... hints) {
        return new Shape(kind, Pattern.compile(regex), boundedAfter, List.of(hints));
    }

    private static final List<Shape> SHAPES = List.of(
            // Only the prefixes of access keys: AIDA/AROA/… are principal ids, which policies quote and are no secret.
            shape(
                    SecretKind.AWS_ACCESS_KEY_ID,
                    "(?:AKIA|ASIA|ABIA|ACCA|A3T[A-Z0-9])[A-Z0-9]{16}",
                    true,
                    "AKIA",
                    "ASIA",
                    "ABIA",
                    "ACCA",
                    "A3T"),
            shape(
                    SecretKind.GITHUB_TOKEN,
                    "gh[pousr]_[A-Za-z0-9]{36,255}",
                    true,
                    "ghp_",
                    "gho_",
                    "ghs_",
                    "ghu_",
                    "ghr_"),
            shape(SecretKind.GITHUB_TOKEN, "github_pat_[A-Za-z0-9_]{22,255}", true, "github_pat_"),
            shape(SecretKind.GITLAB_TOKEN, "glpat-[A-Za-z0-9_-]{20,}", true, "glpat-"),
            shape(SecretKind.SLACK_TOKEN, "xox[baprs]-[A-Za-z0-9-]{10,}", true, "xox"),
            shape(
                    SecretKind.SLACK_WEBHOOK,
                    "https://hooks\\.slack\\.com/(?:services|workflows)/[A-Za-z0-9_/]{20,}",
                    false,
                    "hooks.slack.com"),
            shape(
                    SecretKind.TEAMS_WEBHOOK,
                    "https://[A-Za-z0-9_.-]*webhook\\.office\\.com/webhookb2/[A-Za-z0-9@/_.-]{30,}",
                    false,
                    "webhook.office.com"),
            shape(
                    SecretKind.TEAMS_WEBHOOK,
                    "https://outlook\\.office(?:365)?\\.com/webhook/[A-Za-z0-9@/_.-]{30,}",
                    false,
                    "outlook.office"),
            shape(SecretKind.STRIPE_KEY, "(?:sk|rk)_live_[0-9A-Za-z]{20,}", true, "_live_"),
            shape(SecretKind.PRIVATE_KEY, "-----BEGIN[ A-Z0-9]{0,20}PRIVATE KEY(?: BLOCK)?-----", false, "PRIVATE KEY"),
            shape(SecretKind.PUTTY_KEY, "PuTTY-User-Key-File-[0-9]+:", false, "PuTTY-User-Key-File-"),
            shape(SecretKind.GOOGLE_API_KEY, "AIza[0-9A-Za-z_-]{35}", true, "AIza"),
            shape(SecretKind.GOOGLE_OAUTH_TOKEN, "ya29\\.[0-9A-Za-z_-]{20,}", true, "ya29."),
            shape(SecretKind.TWILIO_API_KEY, "SK[0-9a-fA-F]{32}", true, "SK"),
            shape(SecretKind.SENDGRID_API_KEY, "SG\\.[A-Za-z0-9_-]{22}\\.[A-Za-z0-9_-]{43}", true, "SG."),
            shape(SecretKind.MAILGUN_API_KEY, "key-[0-9a-zA-Z]{32}", true, "key-"),
            shape(SecretKind.MAILCHIMP_API_KEY, "[0-9a-f]{32}-us[0-9]{1,2}", true, "-us"),
            shape(SecretKind.NPM_TOKEN, "npm_[A-Za-z0-9]{36}", true, "npm_"),
            shape(SecretKind.PYPI_TOKEN, "pypi-AgEIcHlwaS5vcmc[A-Za-z0-9_-]{50,}", true, "pypi-"),
            shape(SecretKind.SQUARE_TOKEN, "sq0(?:atp|csp)-[0-9A-Za-z_-]{22,43}", true, "sq0"),
            shape(SecretKind.ANTHROPIC_API_KEY, "sk-ant-(?:api|admin)[0-9]{2}-[A-Za-z0-9_-]{80,}", true, "sk-ant-"),
            shape(
                    SecretKind.OPENAI_API_KEY,
                    "sk-(?:proj-)?[A-Za-z0-9_-]{20,}T3BlbkFJ[A-Za-z0-9_-]{20,}",
                    true,
                    "T3BlbkFJ"),
            shape(SecretKind.OPENAI_API_KEY, "sk-proj-[A-Za-z0-9_-]{40,}", true, "sk-proj-"),
            shape(SecretKind.SHOPIFY_TOKEN, "shp(?:at|ca|pa|ss)_[a-fA-F0-9]{32}", true, "shp"),
            shape(SecretKind.DOCKER_HUB_TOKEN, "dckr_pat_[A-Za-z0-9_-]{27,}", true, "dckr_pat_"));

    private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{2,}\\.[A-Za-z0-9_-]*");
    private static final Pattern URL_CREDENTIALS = Pattern.compile(
            "[A-Za-z][A-Za-z0-9+.-]{1,15}://([^/\\s:@\"'{}$<>]{1,128}):([^/\\s@\"']{1,256})@[A-Za-z0-9.-]+");

    /** Every known token shape in {@code value}, in order, without overlaps (the earliest, then longest, wins). */
    public static List<SecretMatch> find(String value) {
        List<SecretMatch> all = new ArrayList<>();
        if (value == null || value.length() < 8) {
            return all;
        }
        for (Shape s : SHAPES) {
            if (!s.hinted(value)) {
                continue;
            }
            Matcher m = s.pattern.matcher(value);
            while (m.find()) {
                if (boundedBefore(value, m.start()) && (!s.boundedAfter || boundedAfter(value, m.end()))) {
                    all.add(SecretMatch.of(s.kind, value, m.start(), m.end()));
                }
            }
        }
        Matcher j = JWT.matcher(value);
        while (value.contains("eyJ") && j.find()) {
            if (boundedBefore(value, j.start())
                    && jsonHeader(value.substring(j.start(), value.indexOf('.', j.start())))) {
                all.add(SecretMatch.of(SecretKind.JWT, value, j.start(), j.end()));
            }
        }
        Matcher u = URL_CREDENTIALS.matcher(value);
        while (value.contains("://") && value.indexOf('@') > 0 && u.find()) {
            if (!Placeholders.isPlaceholderPassword(u.group(2))) {
                all.add(SecretMatch.of(SecretKind.URL_CREDENTIALS, value, u.start(), u.end()));
            }
        }
        return withoutOverlaps(all);
    }

    static List<SecretMatch> withoutOverlaps(List<SecretMatch> all) {
        all.sort(Comparator.comparingInt(SecretMatch::start).thenComparing(m -> -(m.end() - m.start())));
        List<SecretMatch> out = new ArrayList<>();
        int end = -1;
        for (SecretMatch m : all) {
            if (m.start() >= end) {
                out.add(m);
                end = m.end();
            }
        }
        return out;
    }

    private static boolean boundedBefore(String v, int start) {
        return start == 0 || !Character.isLetterOrDigit(v.charAt(start - 1));
    }

    private static boolean boundedAfter(String v, int end) {
        return end == v.length() || !Character.isLetterOrDigit(v.charAt(end));
    }

    /** True when the base64url text decodes to a JSON object with a JWT header field. */
    private static boolean jsonHeader(String part) {
        try {
            String json = new String(
                            Base64.getUrlDecoder()
                                    .decode(part.length() % 4 == 1 ? part.substring(0, part.length() - 1) : part),
                            StandardCharsets.UTF_8)
                    .trim();
            return json.startsWith("{") && (json.contains("\"alg\"") || json.contains("\"typ\""));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * The first run of at least 40 characters of the base64 alphabet that could be an AWS secret access key: it has
     * a digit, and is neither a hexadecimal digest (a commit id, a hash), a plain word nor a path; null when none.
     */
    public static SecretMatch awsSecretKey(String value) {
        if (value == null) {
            return null;
        }
        int n = value.length();
        int i = 0;
        while (i < n) {
            if (!base64(value.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            while (i < n && base64(value.charAt(i))) {
                i++;
            }
            if (i - start >= 40 && keyLike(value, start, i)) {
                return SecretMatch.of(SecretKind.AWS_SECRET_ACCESS_KEY, value, start, i);
            }
        }
        return null;
    }

    private static boolean base64(char c) {
        return (c >= 'A' && c <= 'Z')
                || (c >= 'a' && c <= 'z')
                || (c >= '0' && c <= '9')
                || c == '/'
                || c == '+'
                || c == '=';
    }

    private static boolean keyLike(String v, int start, int end) {
        boolean digit = false;
        boolean hexLetter = false;
        boolean nonHex = false;
        int slashes = 0;
        for (int i = start; i < end; i++) {
            char c = v.charAt(i);
            if (c >= '0' && c <= '9') {
                digit = true;
            } else if ((c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')) {
                hexLetter = true;
            } else if (c == '/') {
                slashes++;
                nonHex = true;
            } else {
                nonHex = true;
            }
        }
        boolean digest = hexLetter && !nonHex;
        return digit && !digest && slashes < 3;
    }
}
