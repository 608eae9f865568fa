package dev.vigil.shield;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InspectorRecentNamesTest {

    private static final String[] LOCATIONS = {
        "path",
        "headers.x-request-id",
        "body",
        "body.$",
        "body.$[0]",
        "body.$.order.items[0].sku",
        "body.$.order.items[0].note",
        "body.$.order.items[1].sku",
        "body.$.order.items[1].note",
        "body.$.order.tags[2][3]",
        "query.note",
        "Records[3].body.$.note",
        "Records[3]",
        "",
        "[1]",
        "a.b]",
        ".",
        "x.$.$",
        "cookies.note",
        "body.$.order.items[2].sku",
        "body.$.order.items[2].notes",
        "body.$.order.items[2].not",
    };

    @Test
    void names_equal_name_of_in_any_order_and_repetition() {
        Inspector.RecentNames names = new Inspector.RecentNames();
        for (int round = 0; round < 3; round++) {
            for (String location : LOCATIONS) {
                assertThat(names.of(location)).as(location).isEqualTo(Inspector.nameOf(location));
            }
        }
        assertThat(names.of("body.$.order.items[0].note")).isEqualTo("note");
        assertThat(names.of("Records[1].messageAttributes.note[0]")).isEqualTo("note");
        assertThat(names.of("body.$")).isEmpty();
    }
}
