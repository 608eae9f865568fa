package dev.vigil.detect.event;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.detect.Randomized;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class EventTimeTest {

    @Test
    void cloudTrailTimesAgreeWithTheJdk() {
        Randomized.check(2000, r -> Randomized.between(r, 0L, 4_102_444_799L), epochSecond -> {
            String text = Instant.ofEpochSecond(epochSecond).toString();
            assertThat(EventTime.parse(text)).isEqualTo(epochSecond * 1000);
        });
    }

    @Test
    void otherFormsAndNonsense() {
        assertThat(EventTime.parse("2023-07-10T12:02:56.123Z")).isEqualTo(1688990576123L);
        assertThat(EventTime.parse("2023-07-10T14:02:56+02:00")).isEqualTo(1688990576000L);
        assertThat(EventTime.parse("2023-07-10T12:02:56")).isEqualTo(1688990576000L);
        assertThat(EventTime.parse("1688990576")).isEqualTo(1688990576000L);
        assertThat(EventTime.parse("1688990576123")).isEqualTo(1688990576123L);
        assertThat(EventTime.parse("2023-02-30T00:00:00Z")).isEqualTo(EventTime.UNKNOWN);
        assertThat(EventTime.parse("2023-13-01T00:00:00Z")).isEqualTo(EventTime.UNKNOWN);
        assertThat(EventTime.parse("2023-0x-01T00:00:00Z")).isEqualTo(EventTime.UNKNOWN);
        assertThat(EventTime.parse("yesterday")).isEqualTo(EventTime.UNKNOWN);
    }

    @Test
    void theFirstFieldWithATimeWins() {
        Event e = JsonTreeEvent.parse(
                "{\"time\":\"not a time\",\"@timestamp\":\"2020-09-14T01:00:04Z\"}", LogSource.UNKNOWN);
        assertThat(EventTime.defaults().of(e))
                .isEqualTo(Instant.parse("2020-09-14T01:00:04Z").toEpochMilli());
        assertThat(EventTime.defaults().of(JsonTreeEvent.parse("{}", LogSource.UNKNOWN)))
                .isEqualTo(EventTime.UNKNOWN);
    }
}
