package dev.vigil.shield.inspect;

/**
 * One form of an extracted value: the raw text, or the text after one or more decodings.
 *
 * @param text the text
 * @param decoding the decodings applied, joined with {@code +} in the order applied (e.g. {@code url+html}); empty for
 *     the raw value
 */
public record Variant(String text, String decoding) {

    /** Whether this is the value as extracted, with no decoding applied. */
    public boolean isRaw() {
        return decoding.isEmpty();
    }
}
