package dev.vigil.detect.event;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.detect.Randomized;
import org.junit.jupiter.api.Test;

class TextTest {

    /** The definition: each UTF-16 unit folded on its own. */
    private static String reference(String s) {
        char[] out = s.toCharArray();
        for (int i = 0; i < out.length; i++) {
            out[i] = Character.toLowerCase(out[i]);
        }
        return new String(out);
    }

    @Test
    void lowerFoldsEachUnitAndKeepsTheLength() {
        Randomized.check(
                2000,
                r -> Randomized.stringInRanges(r, 40, (char) 0, (char) 0x3FF, (char) 0x1E00, (char) 0x1FFF),
                s -> assertThat(Text.lower(s)).isEqualTo(reference(s)).hasSameSizeAs(s));
    }

    @Test
    void specialCasesStayOneUnitEach() {
        assertThat(Text.lower("İSTANBUL")).isEqualTo(reference("İSTANBUL")).hasSize(8);
        assertThat(Text.lower("ΟΔΟΣ")).isEqualTo("οδοσ");
        assertThat(Text.lower("ÀÉÎ")).isEqualTo("àéî");
        String unchanged = "already lower";
        assertThat(Text.lower(unchanged)).isSameAs(unchanged);
    }

    @Test
    void numbersAreWholeDecimalNumbersOnly() {
        assertThat(Text.number("42")).isEqualTo(42.0);
        assertThat(Text.number("-1.5e3")).isEqualTo(-1500.0);
        assertThat(Text.number("0x10")).isNaN();
        assertThat(Text.number("NaN")).isNaN();
        assertThat(Text.number("12a")).isNaN();
        assertThat(Text.number("")).isNaN();
    }
}
