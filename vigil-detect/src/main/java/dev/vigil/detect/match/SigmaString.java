package dev.vigil.detect.match;

import dev.vigil.detect.InvalidRuleException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * A Sigma string value after escape processing: literal text and wildcards ({@code *} = any run, {@code ?} = one
 * UTF-16 unit), plus the value transformations the modifiers apply before matching.
 *
 * <p>Escaping: {@code \*}, {@code \?} and {@code \\} stand for the literal character; a backslash before any other
 * character (or at the end) is itself literal, so {@code C:\Windows} needs no doubling. With {@code expand}, {@code
 * \%} is a literal percent sign and {@code %name%} a placeholder.
 *
 * <p>A value is either text or, after {@code wide}/{@code utf16*}, a byte string whose characters are the bytes
 * U+0000–U+00FF; {@code base64} encodes bytes as they are and text as UTF-8.
 */
final class SigmaString {
    /** Most variants one value may expand into ({@code windash}, {@code expand}). */
    static final int MAX_VARIANTS = 4096;

    /** A wildcard part. */
    enum Wild {
        MANY,
        ONE
    }

    /** A placeholder part, before expansion. */
    record Placeholder(String name) {}

    /** Non-empty literal Strings, {@link Wild}s and (before expansion) {@link Placeholder}s; adjacent literals merged. */
    private final List<Object> parts;

    private final boolean bytes;

    private SigmaString(List<Object> parts, boolean bytes) {
        this.parts = parts;
        this.bytes = bytes;
    }

    /** A plain literal without wildcards. */
    static SigmaString literal(String text) {
        Builder b = new Builder();
        b.text(text);
        return b.build(false);
    }

    /** Parses {@code raw} with the escape rules; placeholders are only recognised when {@code expand}. */
    static SigmaString parse(String raw, boolean expand) {
        Builder b = new Builder();
        int n = raw.length();
        int i = 0;
        while (i < n) {
            char c = raw.charAt(i);
            if (c == '\\') {
                char next = i + 1 < n ? raw.charAt(i + 1) : 0;
                if (next == '*' || next == '?' || next == '\\' || (expand && next == '%')) {
                    b.text(String.valueOf(next));
                    i += 2;
                } else {
                    b.text("\\");
                    i++;
                }
            } else if (c == '*') {
                b.wild(Wild.MANY);
                i++;
            } else if (c == '?') {
                b.wild(Wild.ONE);
                i++;
            } else if (c == '%' && expand && placeholderEnd(raw, i) > 0) {
                int end = placeholderEnd(raw, i);
                b.parts.add(new Placeholder(raw.substring(i + 1, end)));
                i = end + 1;
            } else {
                b.text(String.valueOf(c));
                i++;
            }
        }
        return b.build(false);
    }

    /** Index of the closing {@code %} of a placeholder starting at {@code start}, or -1. */
    private static int placeholderEnd(String raw, int start) {
        int i = start + 1;
        while (i < raw.length() && isWordChar(raw.charAt(i))) {
            i++;
        }
        return i > start + 1 && i < raw.length() && raw.charAt(i) == '%' ? i : -1;
    }

    static boolean isWordChar(char c) {
        return (c >= 'a' && c <= 'z')
                || (c >= 'A' && c <= 'Z')
                || (c >= '0' && c <= '9')
                || c == '_'
                || (c >= 0x80 && Character.isLetterOrDigit(c));
    }

    boolean hasWildcards() {
        for (Object p : parts) {
            if (p instanceof Wild) {
                return true;
            }
        }
        return false;
    }

    boolean hasPlaceholders() {
        for (Object p : parts) {
            if (p instanceof Placeholder) {
                return true;
            }
        }
        return false;
    }

    List<Object> parts() {
        return parts;
    }

    /** Replaces each placeholder by each of its configured values (parsed as Sigma strings): all combinations. */
    List<SigmaString> expand(Map<String, List<String>> placeholders) {
        List<Builder> out = new ArrayList<>();
        out.add(new Builder());
        for (Object p : parts) {
            if (p instanceof Placeholder ph) {
                List<String> values = placeholders.get(ph.name());
                if (values == null || values.isEmpty()) {
                    throw new InvalidRuleException("needs a value for placeholder %" + ph.name() + "%");
                }
                if ((long) out.size() * values.size() > MAX_VARIANTS) {
                    throw new InvalidRuleException(
                            "expand: placeholder %" + ph.name() + "% makes more than " + MAX_VARIANTS + " variants");
                }
                List<Builder> next = new ArrayList<>();
                for (Builder b : out) {
                    for (String v : values) {
                        if (v == null) {
                            throw new InvalidRuleException("placeholder %" + ph.name() + "% has a null value");
                        }
                        Builder copy = b.copy();
                        copy.append(parse(v, false).parts);
                        next.add(copy);
                    }
                }
                out = next;
            } else {
                for (Builder b : out) {
                    b.add(p);
                }
            }
        }
        return out.stream().map(b -> b.build(bytes)).toList();
    }

    /** Adds {@code *} at the start and/or end unless one is already there. */
    SigmaString withWildcards(boolean atStart, boolean atEnd) {
        Builder b = new Builder();
        if (atStart) {
            b.wild(Wild.MANY);
        }
        b.append(parts);
        if (atEnd) {
            b.wild(Wild.MANY);
        }
        return b.build(bytes);
    }

    /** Re-encodes the literal text as UTF-16 bytes (wildcards kept); {@code bom} prepends FF FE. */
    SigmaString utf16(boolean bigEndian, boolean bom, String modifier) {
        if (bytes) {
            throw new InvalidRuleException(modifier + ": the value is already re-encoded");
        }
        Builder b = new Builder();
        if (bom) {
            b.text("\u00ff\u00fe");
        }
        for (Object p : parts) {
            if (p instanceof String s) {
                byte[] encoded = s.getBytes(bigEndian ? StandardCharsets.UTF_16BE : StandardCharsets.UTF_16LE);
                b.text(new String(encoded, StandardCharsets.ISO_8859_1));
            } else {
                b.add(p);
            }
        }
        return b.build(true);
    }

    private byte[] literalBytes(String modifier) {
        if (hasWildcards()) {
            throw new InvalidRuleException(modifier + " cannot encode the wildcard in '" + this + "'");
        }
        String text = parts.isEmpty() ? "" : (String) parts.get(0);
        return text.getBytes(bytes ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
    }

    /** The standard Base64 encoding (with padding) of the value. */
    SigmaString base64() {
        return literal(Base64.getEncoder().encodeToString(literalBytes("base64")));
    }

    /**
     * The three Base64 fragments that appear wherever the value sits inside a longer Base64 blob: for offsets 0, 1, 2
     * encode that many leading spaces plus the value, drop the characters the spaces produced and the characters
     * that depend on what follows.
     */
    List<SigmaString> base64offset() {
        byte[] value = literalBytes("base64offset");
        int[] cutStart = {0, 2, 3};
        int[] cutEnd = {0, 3, 2};
        List<SigmaString> out = new ArrayList<>(3);
        for (int i = 0; i < 3; i++) {
            byte[] padded = new byte[value.length + i];
            for (int j = 0; j < i; j++) {
                padded[j] = ' ';
            }
            System.arraycopy(value, 0, padded, i, value.length);
            String enc = Base64.getEncoder().encodeToString(padded);
            int end = enc.length() - cutEnd[(value.length + i) % 3];
            out.add(literal(end > cutStart[i] ? enc.substring(cutStart[i], end) : ""));
        }
        return out;
    }

    /** The dash characters {@code windash} substitutes for a word-initial {@code -} or {@code /}. */
    static final String DASHES = "-/\u2013\u2014\u2015";

    /** Every combination of dash characters at each word-initial {@code -} or {@code /}. */
    List<SigmaString> windash() {
        List<int[]> positions = new ArrayList<>(); // {part index, char index}
        for (int pi = 0; pi < parts.size(); pi++) {
            if (parts.get(pi) instanceof String s) {
                for (int ci = 0; ci < s.length(); ci++) {
                    char c = s.charAt(ci);
                    boolean afterNonWord = ci == 0 || !isWordChar(s.charAt(ci - 1));
                    boolean beforeWord = ci + 1 < s.length() && isWordChar(s.charAt(ci + 1));
                    if ((c == '-' || c == '/') && afterNonWord && beforeWord) {
                        positions.add(new int[] {pi, ci});
                    }
                }
            }
        }
        long count = 1;
        for (int k = 0; k < positions.size(); k++) {
            count *= DASHES.length();
            if (count > MAX_VARIANTS) {
                throw new InvalidRuleException("windash: '" + this + "' makes more than " + MAX_VARIANTS + " variants");
            }
        }
        List<SigmaString> out = new ArrayList<>((int) count);
        for (int v = 0; v < count; v++) {
            List<Object> copy = new ArrayList<>(parts);
            int rest = v;
            for (int[] pos : positions) {
                char dash = DASHES.charAt(rest % DASHES.length());
                rest /= DASHES.length();
                String s = (String) copy.get(pos[0]);
                copy.set(pos[0], s.substring(0, pos[1]) + dash + s.substring(pos[1] + 1));
            }
            out.add(new SigmaString(List.copyOf(copy), bytes));
        }
        return out;
    }

    /** The value written back with escapes, as a rule author would write it. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (Object p : parts) {
            if (p == Wild.MANY) {
                sb.append('*');
            } else if (p == Wild.ONE) {
                sb.append('?');
            } else if (p instanceof Placeholder ph) {
                sb.append('%').append(ph.name()).append('%');
            } else {
                String s = (String) p;
                for (int i = 0; i < s.length(); i++) {
                    char c = s.charAt(i);
                    if (c == '*' || c == '?' || c == '\\') {
                        sb.append('\\');
                    }
                    sb.append(c);
                }
            }
        }
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SigmaString other && other.parts.equals(parts) && other.bytes == bytes;
    }

    @Override
    public int hashCode() {
        return parts.hashCode();
    }

    /** Collects parts, merging adjacent literals and runs of {@code *}. */
    private static final class Builder {
        final List<Object> parts = new ArrayList<>();

        void text(String s) {
            if (s.isEmpty()) {
                return;
            }
            int last = parts.size() - 1;
            if (last >= 0 && parts.get(last) instanceof String prev) {
                parts.set(last, prev + s);
            } else {
                parts.add(s);
            }
        }

        void wild(Wild w) {
            if (w == Wild.MANY && !parts.isEmpty() && parts.get(parts.size() - 1) == Wild.MANY) {
                return;
            }
            parts.add(w);
        }

        void add(Object p) {
            if (p instanceof String s) {
                text(s);
            } else if (p instanceof Wild w) {
                wild(w);
            } else {
                parts.add(p);
            }
        }

        void append(List<Object> more) {
            for (Object p : more) {
                add(p);
            }
        }

        Builder copy() {
            Builder b = new Builder();
            b.parts.addAll(parts);
            return b;
        }

        SigmaString build(boolean bytes) {
            return new SigmaString(List.copyOf(parts), bytes);
        }
    }
}
