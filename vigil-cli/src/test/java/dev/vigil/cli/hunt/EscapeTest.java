package dev.vigil.cli.hunt;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class EscapeTest {
    private static final String SPECIAL = "=+-@\t\r,\"; a";

    private static String randomText(Random r) {
        StringBuilder sb = new StringBuilder();
        int n = r.nextInt(40);
        for (int i = 0; i < n; i++) {
            switch (r.nextInt(4)) {
                case 0 -> sb.append((char) r.nextInt(0x30)); // controls, punctuation
                case 1 -> sb.append((char) (0x7F + r.nextInt(0x30))); // DEL, C1
                case 2 -> sb.append((char) (0x2020 + r.nextInt(0x50))); // separators, bidi
                default -> sb.append(SPECIAL.charAt(r.nextInt(SPECIAL.length())));
            }
        }
        return sb.toString();
    }

    @Test
    void no_unsafe_character_survives_in_any_text_output() {
        Random r = new Random(7);
        for (int i = 0; i < 5000; i++) {
            String s = randomText(r);
            String e = Escape.text(s);
            assertThat(e.chars().noneMatch(Escape::isUnsafe))
                    .as("escaped %s", e)
                    .isTrue();
            String cell = CsvOutput.cell(s);
            assertThat(cell.chars().noneMatch(Escape::isUnsafe)).isTrue();
            String unquoted = cell.startsWith("\"") ? cell.substring(1) : cell;
            if (!unquoted.isEmpty() && unquoted.length() > 1) {
                assertThat("=+-@".indexOf(unquoted.charAt(0)))
                        .as("cell %s", cell)
                        .isNegative();
            }
            assertThat(JsonText.write(s).chars().noneMatch(Escape::isUnsafe)).isTrue();
        }
    }

    @Test
    void safe_text_is_returned_unchanged_and_escapes_are_readable() {
        String plain = "arn:aws:iam::123:user/ä-✓";
        assertThat(Escape.text(plain)).isSameAs(plain);
        assertThat(Escape.text("a\u001b[31mb")).isEqualTo("a\\u001b[31mb");
        assertThat(Escape.clip("abcdef", 4)).isEqualTo("abc…");
        assertThat(Escape.clipStart("abcdef", 4)).isEqualTo("…def");
    }
}
