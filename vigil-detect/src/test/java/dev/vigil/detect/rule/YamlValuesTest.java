package dev.vigil.detect.rule;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.nodes.Node;

/** YAML 1.2 core typing survives the conversion to plain Java values. */
class YamlValuesTest {

    private static Object value(String yaml) {
        YamlDocuments.Result r = YamlDocuments.read("v: " + yaml + "\n");
        assertThat(r.error()).isNull();
        Node doc = r.documents().get(0);
        return new YamlValues().toJava(YamlMap.require(doc, "doc", 1).get("v"));
    }

    @Test
    void quoted_numbers_stay_strings_and_plain_numbers_are_numbers() {
        assertThat(value("'50126'")).isEqualTo("50126");
        assertThat(value("\"50126\"")).isEqualTo("50126");
        assertThat(value("50126")).isEqualTo(50126);
        assertThat(value("-7")).isEqualTo(-7);
        assertThat(value("4294967296")).isEqualTo(4294967296L);
        assertThat(value("0x1F")).isEqualTo(31);
        assertThat(value("0o17")).isEqualTo(15);
        assertThat(value("1.5")).isEqualTo(1.5);
        assertThat(value("1e3")).isEqualTo(1000.0);
        assertThat(value("99999999999999999999")).isEqualTo(1e20);
    }

    @Test
    void nulls_and_booleans() {
        assertThat(value("null")).isNull();
        assertThat(value("~")).isNull();
        assertThat(value("")).isNull();
        assertThat(value("'null'")).isEqualTo("null");
        assertThat(value("true")).isEqualTo(true);
        assertThat(value("False")).isEqualTo(false);
        assertThat(value("'true'")).isEqualTo("true");
        // YAML 1.1 booleans are plain strings in 1.2.
        assertThat(value("yes")).isEqualTo("yes");
        assertThat(value("2023-12-09")).isEqualTo("2023-12-09");
    }

    @Test
    void lists_and_maps_keep_their_order() {
        assertThat(value("[b, 1, ~, 'x']")).isEqualTo(Arrays.asList("b", 1, null, "x"));
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("z", 1);
        expected.put("a", List.of("q"));
        assertThat(value("{z: 1, a: [q]}")).isEqualTo(expected);
    }
}
