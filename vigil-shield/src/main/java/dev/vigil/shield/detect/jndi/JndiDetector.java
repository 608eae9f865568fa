package dev.vigil.shield.detect.jndi;

import dev.vigil.core.Severity;
import dev.vigil.shield.detect.AsciiText;
import dev.vigil.shield.detect.Detection;
import dev.vigil.shield.detect.DetectionSink;
import dev.vigil.shield.detect.Detector;
import dev.vigil.shield.inspect.InspectedValue;
import dev.vigil.shield.inspect.Variant;
import java.util.List;

/**
 * Log4Shell-style lookup injection: {@code ${jndi:ldap://...}} however it is obfuscated, lookups built from fragments,
 * and lookups that read environment or system data. Each variant holding a lookup opener is resolved by {@link
 * LookupEvaluator} and the resolved text judged. See {@code docs/detectors/jndi.md}.
 *
 * <p>Prefilter: a variant without {@code $} (or {@code %24}) is skipped after one {@link String#indexOf(int)}; one
 * with {@code $} but no opener ({@code ${}, or {@code $} followed by an encoded brace) after a short scan.
 */
public final class JndiDetector implements Detector {

    /** JNDI lookup, plain or obfuscated. */
    public static final String JNDI = "VGL-JNDI-001";
    /** Obfuscated lookup construction without a visible JNDI lookup. */
    public static final String OBFUSCATED = "VGL-JNDI-002";
    /** Lookup reading environment, system or runtime data. */
    public static final String LEAK = "VGL-JNDI-003";

    /** Characters evaluated per window around a lookup opener. */
    static final int WINDOW = 4096;

    /** Windows evaluated per variant. */
    static final int MAX_WINDOWS = 4;

    @Override
    public String id() {
        return "jndi";
    }

    @Override
    public String category() {
        return "jndi";
    }

    @Override
    public void inspect(InspectedValue value, DetectionSink sink) {
        List<Variant> variants = value.variants();
        int bestRule = 0;
        Variant where = null;
        int whereStart = 0;
        for (int k = 0; k < variants.size(); k++) {
            Variant v = variants.get(k);
            String t = v.text();
            int opener = firstOpener(t, 0, false);
            if (opener < 0 && !v.isRaw() && decodedAfterUrl(v.decoding())) {
                // "%24" survives only where a later decoding (unicode escapes, entities) produced the '%'
                opener = firstOpener(t, 0, true);
            }
            if (opener < 0) {
                continue;
            }
            String canon = canonical(t);
            int from = canon == t ? opener : firstOpener(canon, 0, true);
            for (int w = 0; w < MAX_WINDOWS && from >= 0; w++) {
                int start = Math.max(0, from - 64);
                int end = Math.min(canon.length(), from + WINDOW);
                int rule = judge(canon, start, end);
                if (rule > bestRule) {
                    bestRule = rule;
                    where = v;
                    whereStart = Math.min(from, t.length());
                }
                if (bestRule == 3 || end >= canon.length()) {
                    break;
                }
                from = firstOpener(canon, end, true);
            }
            if (bestRule == 3) {
                break;
            }
        }
        if (where == null) {
            return;
        }
        int end = where.text().length();
        switch (bestRule) {
            case 3:
                sink.report(new Detection(JNDI, "Log4j JNDI lookup", Severity.CRITICAL, where, whereStart, end));
                break;
            case 2:
                sink.report(
                        new Detection(OBFUSCATED, "Obfuscated Log4j lookup", Severity.HIGH, where, whereStart, end));
                break;
            default:
                sink.report(new Detection(
                        LEAK,
                        "Log4j lookup reading environment or system data",
                        Severity.MEDIUM,
                        where,
                        whereStart,
                        end));
                break;
        }
    }

    /** Whether a decoding that runs after URL decoding (entities, backslash escapes) produced this variant. */
    private static boolean decodedAfterUrl(String decoding) {
        return decoding.endsWith("html")
                || decoding.endsWith("unicode")
                || decoding.indexOf("unicode+") >= 0
                || decoding.indexOf("html+") >= 0;
    }

    /** 3 JNDI, 2 obfuscated, 1 leak, 0 nothing. */
    private static int judge(String s, int from, int to) {
        LookupEvaluator eval = new LookupEvaluator();
        String out = eval.evaluate(s, from, to);
        if (eval.jndi || AsciiText.containsIgnoreCase(out, "jndi:")) {
            return 3;
        }
        if (eval.obfuscated) {
            return 2;
        }
        return eval.leak ? 1 : 0;
    }

    /**
     * Where the first lookup opener at or after {@code from} starts: {@code ${}, {@code %24} standing for {@code $},
     * (looked for only when {@code percentDollar}) or {@code $} followed by an entity or escape for {@code {}; -1 when
     * there is none.
     */
    static int firstOpener(String t, int from, boolean percentDollar) {
        int n = t.length();
        int i = t.indexOf('$', from);
        while (i >= 0 && i + 1 < n) {
            char c = t.charAt(i + 1);
            if (c == '{' || ((c == '&' || c == '%' || c == '\\') && braceAt(t, i + 1) > 0)) {
                return i;
            }
            i = t.indexOf('$', i + 1);
        }
        if (!percentDollar) {
            return -1;
        }
        int p = t.indexOf("%24", from);
        while (p >= 0 && p + 3 < n) {
            if (t.charAt(p + 3) == '{' || braceAt(t, p + 3) > 0) {
                return p;
            }
            p = t.indexOf("%24", p + 3);
        }
        return -1;
    }

    /**
     * The length of an encoded {@code {} at {@code i} ({@code %7b}, {@code &lbrace}, {@code &lcub}, {@code &#123;},
     * {@code &#x7b;}, with or without {@code ;}, any case), 0 when there is none.
     */
    private static int braceAt(String t, int i) {
        int n = t.length();
        if (i >= n) {
            return 0;
        }
        char c = t.charAt(i);
        if (c == '%' && AsciiText.regionMatchesLower(t, i, "%7b")) {
            return 3;
        }
        if (c == '&') {
            int len = 0;
            if (AsciiText.regionMatchesLower(t, i, "&lbrace")) {
                len = 7;
            } else if (AsciiText.regionMatchesLower(t, i, "&lcub")) {
                len = 5;
            } else {
                len = numericRef(t, i, 123);
            }
            if (len > 0 && i + len < n && t.charAt(i + len) == ';') {
                len++;
            }
            return len;
        }
        return 0;
    }

    /** The length (without {@code ;}) of a numeric character reference for {@code code} at {@code i}, else 0. */
    private static int numericRef(String t, int i, int code) {
        int n = t.length();
        if (i + 2 >= n || t.charAt(i + 1) != '#') {
            return 0;
        }
        int k = i + 2;
        boolean hex = k < n && (t.charAt(k) == 'x' || t.charAt(k) == 'X');
        if (hex) {
            k++;
        }
        int start = k;
        long value = 0;
        while (k < n && k - start < 64) {
            char c = t.charAt(k);
            int d = c >= '0' && c <= '9'
                    ? c - '0'
                    : hex && c >= 'a' && c <= 'f' ? c - 'a' + 10 : hex && c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
            if (d < 0) {
                break;
            }
            value = value * (hex ? 16 : 10) + d;
            if (value > 0x10FFFF) {
                return 0;
            }
            k++;
        }
        return k > start && value == code ? k - i : 0;
    }

    /**
     * {@code t} with the openers the shared decoders leave alone rewritten: {@code %24} before a brace as {@code $},
     * encoded braces after {@code $} as {@code {}, {@code &rbrace}/{@code &rcub} as {@code }}. {@code t} itself when
     * there is nothing to rewrite.
     */
    static String canonical(String t) {
        int n = t.length();
        if (t.indexOf('&') < 0 && t.indexOf('%') < 0) {
            return t;
        }
        StringBuilder out = null;
        for (int i = 0; i < n; i++) {
            char c = t.charAt(i);
            int skip = 0;
            char put = c;
            if (c == '%' && AsciiText.regionMatchesLower(t, i, "%24")) {
                put = '$';
                skip = 3;
            } else if (c == '%' || c == '&') {
                skip = braceAt(t, i);
                put = '{';
                if (skip == 0 && c == '&') {
                    if (AsciiText.regionMatchesLower(t, i, "&rbrace")) {
                        skip = 7;
                    } else if (AsciiText.regionMatchesLower(t, i, "&rcub")) {
                        skip = 5;
                    }
                    if (skip > 0 && i + skip < n && t.charAt(i + skip) == ';') {
                        skip++;
                    }
                    put = '}';
                }
            }
            if (skip > 0) {
                if (out == null) {
                    out = new StringBuilder(n).append(t, 0, i);
                }
                out.append(put);
                i += skip - 1;
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? t : out.toString();
    }
}
