package dev.vigil.detect.match;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.detect.Randomized;
import java.util.List;
import org.junit.jupiter.api.Test;

class MultiContainsTest {

    record Case(List<String> needles, String text) {}

    @Test
    void agrees_with_string_contains() {
        Randomized.check(
                2000,
                r -> new Case(
                        Randomized.list(r, 6, 12, n -> Randomized.string(n, "abc-", 1, 4)),
                        Randomized.string(r, "abcé-x", 30)),
                in -> {
                    MultiContains multi = MultiContains.of(in.needles());
                    assertThat(multi).isNotNull();
                    assertThat(multi.search(in.text()))
                            .isEqualTo(in.needles().stream().anyMatch(in.text()::contains));
                });
    }

    @Test
    void only_for_enough_short_ascii_needles() {
        assertThat(MultiContains.of(List.of("a", "b", "c", "d", "e"))).isNull();
        assertThat(MultiContains.of(List.of("a", "b", "c", "d", "e", "é"))).isNull();
        assertThat(MultiContains.of(List.of("a", "b", "c", "d", "e", ""))).isNull();
        assertThat(MultiContains.of(List.of("a", "b", "c", "d", "e", "x".repeat(9000))))
                .isNull();
    }

    @Test
    void used_for_long_contains_lists_mixed_with_other_values() {
        List<Object> values =
                List.of("mimikatz", "rubeus", "seatbelt", "sharphound", "bloodhound", "lazagne", "é", "q*z");
        EventPredicate p = DetectionItems.field("cmd|contains", values, MatchOptions.DEFAULTS);
        assertThat(p.test(DetectionItemsTest.EVENT)).isFalse();
        assertThat(p.test(event("run SharpHound.exe"))).isTrue();
        assertThat(p.test(event("Café"))).isTrue();
        assertThat(p.test(event("aqxz"))).isTrue();
        assertThat(p.test(event("nothing here"))).isFalse();
        assertThat(p.toString()).contains("cmd|contains");
        EventPredicate mixed = DetectionItems.field(
                "cmd", List.of("*aa*", "*bb*", "*cc*", "*dd*", "*ee*", "*ff*", "X", "y"), MatchOptions.DEFAULTS);
        assertThat(mixed.test(event("x"))).isTrue();
        assertThat(mixed.test(event("zzFFzz"))).isTrue();
        assertThat(mixed.test(event("xy"))).isFalse();
    }

    private static dev.vigil.detect.event.Event event(String cmd) {
        return dev.vigil.detect.event.JsonTreeEvent.parse(
                "{\"cmd\":\"" + cmd + "\"}", dev.vigil.detect.event.LogSource.UNKNOWN);
    }
}
