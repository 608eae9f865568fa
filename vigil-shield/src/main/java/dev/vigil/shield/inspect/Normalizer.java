package dev.vigil.shield.inspect;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Computes, once per extracted value, the distinct decoded forms that every detector then sees.
 *
 * <p>Decodings run as one fixed pipeline, each stage applied to the output of the previous one; every stage that
 * changes the text contributes a variant, named by the stages applied so far joined with {@code +}:
 *
 * <ol>
 *   <li>{@code url}: {@code %XX} as UTF-8 and IIS-style {@code %uXXXX}; invalid escapes stay literal. {@code +} is not
 *       turned into a space, since whether it means one depends on a source this class does not know (form and query
 *       decoding belongs to the extractor).
 *   <li>{@code url2}: a second URL decoding of the {@code url} result (double encoding, e.g. {@code %253C}); it
 *       replaces {@code url} in the names of later stages.
 *   <li>{@code overlong}: overlong UTF-8 encodings of ASCII ({@code %c0%ae}, {@code %e0%80%af}, or such bytes held as
 *       chars U+0080..U+00FF).
 *   <li>{@code html}: HTML numeric and named character references.
 *   <li>{@code unicode}: backslash escapes (<code>&#92;xXX</code>, <code>&#92;uXXXX</code>, <code>&#92;u{...}</code>,
 *       <code>&#92;UXXXXXXXX</code>, three-digit octal).
 *   <li>{@code nul} and {@code nul-trunc}: the result with NUL characters removed, and cut at the first NUL (as a C
 *       consumer would read it); both start from the same text.
 * </ol>
 *
 * <p>So there are at most {@value #MAX_VARIANTS} variants, the raw value always first. Every stage shortens the text it
 * changes, so variants are distinct by construction (the one possible coincidence, {@code nul} and {@code nul-trunc}
 * when the NULs are all at the end, is removed). Each stage is a single linear pass.
 *
 * <p>Only the first {@code maxLength} characters (default {@value #DEFAULT_MAX_LENGTH}) of a value are decoded: the raw
 * variant is the whole value, decoded variants cover that prefix only. A value without any of the trigger characters
 * {@code % & \} NUL or an overlong lead byte (U+00C0, U+00C1, U+00E0, U+00F0, U+00F8, U+00FC) in that prefix is found
 * by a quick scan (vectorised {@code String.indexOf}) and costs one {@link Variant} in a one-element list.
 */
public final class Normalizer {

    /** How many leading characters of a value are decoded by default. */
    public static final int DEFAULT_MAX_LENGTH = 64 * 1024;

    /** The most variants a value can have, raw included. */
    public static final int MAX_VARIANTS = 8;

    /** Trigger characters below 64, as a bit set: NUL, {@code %} and {@code &}. */
    private static final long LOW_TRIGGERS = 1L | 1L << '%' | 1L << '&';

    private Normalizer() {}

    /**
     * The variants of a value, decoding at most its first {@value #DEFAULT_MAX_LENGTH} characters.
     *
     * @param raw the value as extracted
     * @return the raw value first, then each distinct decoded form; immutable
     */
    public static List<Variant> variants(String raw) {
        return variants(raw, DEFAULT_MAX_LENGTH);
    }

    /**
     * The variants of a value, decoding at most its first {@code maxLength} characters.
     *
     * @param raw the value as extracted
     * @param maxLength how many leading characters to decode; positive
     * @return the raw value first, then each distinct decoded form (of the prefix only, for longer values); immutable
     */
    public static List<Variant> variants(String raw, int maxLength) {
        Objects.requireNonNull(raw, "raw");
        if (maxLength <= 0) {
            throw new IllegalArgumentException("maxLength must be positive: " + maxLength);
        }
        int limit = Math.min(raw.length(), maxLength);
        if (!hasTrigger(raw, limit)) {
            return List.of(new Variant(raw, ""));
        }
        String text = limit == raw.length() ? raw : raw.substring(0, limit);
        String url = PercentDecoding.decode(text);
        String url2 = url == text ? url : PercentDecoding.decode(url);
        String overlong = OverlongDecoding.decode(url2);
        String html = HtmlEntities.decode(overlong);
        String unicode = BackslashEscapes.decode(html);
        int nulAt = unicode.indexOf('\0');
        if (unicode == text && nulAt < 0) {
            return List.of(new Variant(raw, ""));
        }

        Variant[] out = new Variant[MAX_VARIANTS];
        out[0] = new Variant(raw, "");
        int count = 1;
        String names = "";
        if (url != text) {
            names = "url";
            count = add(out, count, url, names);
        }
        if (url2 != url) {
            names = "url2";
            count = add(out, count, url2, names);
        }
        if (overlong != url2) {
            names = join(names, "overlong");
            count = add(out, count, overlong, names);
        }
        if (html != overlong) {
            names = join(names, "html");
            count = add(out, count, html, names);
        }
        if (unicode != html) {
            names = join(names, "unicode");
            count = add(out, count, unicode, names);
        }
        if (nulAt >= 0) {
            count = add(out, count, removeNuls(unicode, nulAt), join(names, "nul"));
            count = add(out, count, unicode.substring(0, nulAt), join(names, "nul-trunc"));
        }
        return List.of(Arrays.copyOf(out, count));
    }

    /** Below this length one pass over the characters beats ten vectorised {@code indexOf} calls. */
    private static final int SHORT = 128;

    private static boolean hasTrigger(String s, int limit) {
        if (limit == s.length() && limit >= SHORT) {
            // String.indexOf is vectorised: ten of them beat one char-by-char loop by about three times
            return s.indexOf('%') >= 0
                    || s.indexOf('&') >= 0
                    || s.indexOf('\\') >= 0
                    || s.indexOf('\0') >= 0
                    || s.indexOf(0xC0) >= 0
                    || s.indexOf(0xC1) >= 0
                    || s.indexOf(0xE0) >= 0
                    || s.indexOf(0xF0) >= 0
                    || s.indexOf(0xF8) >= 0
                    || s.indexOf(0xFC) >= 0;
        }
        for (int i = 0; i < limit; i++) {
            char c = s.charAt(i);
            if (c < 64) {
                if ((LOW_TRIGGERS >>> c & 1L) != 0) {
                    return true;
                }
            } else if (c == '\\' || (c >= 0xC0 && OverlongDecoding.isLead(c))) {
                return true;
            }
        }
        return false;
    }

    private static int add(Variant[] out, int count, String text, String decoding) {
        for (int k = 0; k < count; k++) {
            if (out[k].text().equals(text)) {
                return count;
            }
        }
        out[count] = new Variant(text, decoding);
        return count + 1;
    }

    private static String join(String names, String name) {
        return names.isEmpty() ? name : names + '+' + name;
    }

    private static String removeNuls(String s, int first) {
        StringBuilder out = new StringBuilder(s.length() - 1).append(s, 0, first);
        for (int i = first + 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\0') {
                out.append(c);
            }
        }
        return out.toString();
    }
}
