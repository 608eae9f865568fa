package dev.vigil.posture.usage;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PrintableTest {

    @Test
    void escapesTerminalControlAndBidiCharacters() {
        assertThat(Printable.safe("arn:aws:s3:::b/\u001b[31mred\u202e"))
                .isEqualTo("arn:aws:s3:::b/\\x1b[31mred\\u202e");
        assertThat(Printable.safe("a\\b\nc")).isEqualTo("a\\\\b\\x0ac");
        assertThat(Printable.safe("plain")).isEqualTo("plain");
        assertThat(Printable.safe("x".repeat(600))).hasSize(513).endsWith("…");
        assertThat(Printable.safe("\ud800")).isEqualTo("\\ud800");
    }
}
