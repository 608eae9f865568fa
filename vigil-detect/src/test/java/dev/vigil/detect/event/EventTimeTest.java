package dev.vigil.detect.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class EventTimeTest {

    @Property(tries = 2000)
    void cloudTrailTimesAgreeWithTheJdk(@ForAll @LongRange(min = 0, max = 4_102_444_799L) long epochSecond) {
        String text = Instant.ofEpochSecond(epochSecond).toString();
        assertThat(EventTime.parse(text)).isEqualTo(epochSecond * 1000);
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
