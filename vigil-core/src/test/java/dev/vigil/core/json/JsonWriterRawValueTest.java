package dev.vigil.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class JsonWriterRawValueTest {

    @Test
    void raw_values_take_a_value_slot_with_commas_around_them() {
        JsonWriter w = new JsonWriter();
        w.beginObject().field("a", 1).name("b").rawValue("{\"x\":[1,2]}").field("c", "d");
        w.name("e")
                .beginArray()
                .rawValue("true")
                .rawValue("\"s\"")
                .value(3)
                .endArray()
                .endObject();
        assertThat(w.toString()).isEqualTo("{\"a\":1,\"b\":{\"x\":[1,2]},\"c\":\"d\",\"e\":[true,\"s\",3]}");
    }

    @Test
    void raw_value_where_a_name_is_due_is_refused() {
        JsonWriter w = new JsonWriter().beginObject();
        assertThatThrownBy(() -> w.rawValue("1")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void raw_members_join_the_current_object_with_commas() {
        JsonWriter w = new JsonWriter();
        w.beginObject()
                .rawMembers("\"a\":1,\"b\":2")
                .field("c", 3)
                .rawMembers("\"d\":4")
                .endObject();
        assertThat(w.toString()).isEqualTo("{\"a\":1,\"b\":2,\"c\":3,\"d\":4}");
        JsonWriter first =
                new JsonWriter().beginObject().rawMembers("\"x\":true").endObject();
        assertThat(first.toString()).isEqualTo("{\"x\":true}");
    }

    @Test
    void raw_members_outside_an_object_or_after_a_name_are_refused() {
        assertThatThrownBy(() -> new JsonWriter().rawMembers("\"a\":1")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new JsonWriter().beginArray().rawMembers("\"a\":1"))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new JsonWriter().beginObject().name("n").rawMembers("\"a\":1"))
                .isInstanceOf(IllegalStateException.class);
    }
}
