package dev.vigil.detect.rule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TimespanTest {

    @ParameterizedTest
    @CsvSource({
        "30s, 30000",
        "15m, 900000",
        "2h, 7200000",
        "1d, 86400000",
        "1w, 604800000",
        "1M, 2630016000",
        "1y, 31557600000"
    })
    void units(String text, long millis) {
        assertThat(Timespan.parseMillis(text)).isEqualTo(millis);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "m", "15", "15x", "0m", "-5m", "1.5h", "15 m", "15mm", "9999999999999m", "1H"})
    void rejects(String text) {
        assertThatThrownBy(() -> Timespan.parseMillis(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("invalid timespan '" + text
                        + "' (expected a positive whole number followed by s, m, h, d, w, M or y, e.g. 15m)");
    }
}
