package dev.vigil.cli.hunt;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/**
 * Jackson set up for hunt output: besides the control characters JSON itself escapes, DEL, C1 controls, line
 * separators and bidi controls are written as {@code &#92;uXXXX}, so a {@code jq}-printed value cannot attack a terminal
 * either.
 */
public final class JsonText {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    static {
        MAPPER.getFactory().setCharacterEscapes(new SafeEscapes());
        MAPPER.getFactory().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    }

    private JsonText() {}

    /** The configured mapper (for trees and generators). */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** The configured factory. */
    public static JsonFactory factory() {
        return MAPPER.getFactory();
    }

    /** {@code value} as one line of compact JSON. */
    public static String write(Object value) {
        try {
            StringWriter w = new StringWriter();
            MAPPER.writeValue(w, value);
            return w.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final class SafeEscapes extends CharacterEscapes {
        private static final long serialVersionUID = 1L;
        private final int[] ascii;

        SafeEscapes() {
            ascii = standardAsciiEscapesForJSON();
            ascii[0x7F] = ESCAPE_CUSTOM;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            if (Escape.isUnsafe(ch)) {
                return new SerializedString(String.format("\\u%04x", ch));
            }
            return null;
        }
    }
}
