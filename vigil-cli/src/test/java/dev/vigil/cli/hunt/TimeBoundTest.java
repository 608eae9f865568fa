package dev.vigil.cli.hunt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class TimeBoundTest {
    private static long at(String iso) {
        return Instant.parse(iso).toEpochMilli();
    }

    @Test
    void a_date_is_its_whole_utc_day() {
        assertThat(TimeBound.from("2023-07-10")).isEqualTo(at("2023-07-10T00:00:00Z"));
        assertThat(TimeBound.toExclusive("2023-07-10")).isEqualTo(at("2023-07-11T00:00:00Z"));
    }

    @Test
    void an_instant_is_inclusive_at_both_ends() {
        assertThat(TimeBound.from("2023-07-10T12:00:00Z")).isEqualTo(at("2023-07-10T12:00:00Z"));
        assertThat(TimeBound.toExclusive("2023-07-10T12:00:00Z")).isEqualTo(at("2023-07-10T12:00:00Z") + 1);
    }

    @Test
    void offsets_are_honoured_and_no_offset_means_utc() {
        assertThat(TimeBound.from("2023-07-10T14:00:00+02:00")).isEqualTo(at("2023-07-10T12:00:00Z"));
        assertThat(TimeBound.from("2023-07-10T12:00:00")).isEqualTo(at("2023-07-10T12:00:00Z"));
    }

    @Test
    void anything_else_is_refused_with_an_example() {
        assertThatThrownBy(() -> TimeBound.from("yesterday"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2023-07-10T12:00:00Z");
    }
}
