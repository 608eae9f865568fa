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
}
