package dev.vigil.detect.match;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.re2j.Pattern;
import dev.vigil.detect.event.Event;
import dev.vigil.detect.event.JsonTreeEvent;
import dev.vigil.detect.event.LogSource;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The memo of regex results must never change an answer, whatever the values and their hash collisions. */
class RegexMemoTest {

    @Test
    void memoisedAnswersEqualFreshSearches() {
        EventPredicate item = DetectionItems.field("f|re", "(?i)(kali|parrot)[0-9]", MatchOptions.DEFAULTS);
        Pattern reference = Pattern.compile("(?i)(kali|parrot)[0-9]");
        Random random = new Random(7);
        String[] words = {"kali", "KALI", "parrot", "ubuntu", "x", ""};
        for (int i = 0; i < 20_000; i++) {
            // few distinct values (so the memo is hit) mixed with many (so slots are overwritten)
            String value = words[random.nextInt(words.length)]
                    + (random.nextBoolean() ? random.nextInt(10) : "")
                    + (random.nextInt(4) == 0 ? "-" + random.nextInt(5000) : "");
            Event e = JsonTreeEvent.parse("{\"f\":\"" + value + "\"}", LogSource.UNKNOWN);
            assertThat(item.test(e))
                    .as(value)
                    .isEqualTo(reference.matcher(value).find());
        }
    }

    @Test
    void longValuesAreSearchedWithoutTheMemo() {
        EventPredicate item = DetectionItems.field("f|re", "needle$", MatchOptions.DEFAULTS);
        String hay = "x".repeat(ValueTests.Regex.MEMO_MAX_LENGTH + 10);
        assertThat(item.test(JsonTreeEvent.parse("{\"f\":\"" + hay + "needle\"}", LogSource.UNKNOWN)))
                .isTrue();
        assertThat(item.test(JsonTreeEvent.parse("{\"f\":\"" + hay + "needles\"}", LogSource.UNKNOWN)))
                .isFalse();
    }
}
