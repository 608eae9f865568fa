package dev.vigil.shield.detect.prototypepollution;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.shield.detect.Detection;
import dev.vigil.shield.inspect.InspectedValue;
import dev.vigil.shield.inspect.Normalizer;
import dev.vigil.shield.inspect.Source;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PrototypePollutionDetectorTest {

    private final PrototypePollutionDetector detector = new PrototypePollutionDetector();

    private List<Detection> run(String value) {
        List<Detection> found = new ArrayList<>();
        detector.inspect(new InspectedValue("query.q", "q", Source.QUERY, -1, Normalizer.variants(value)), found::add);
        return found;
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "__proto__",
                "user[__proto__][isAdmin]=1",
                "__proto__.polluted=yes",
                "{\"a\": 1, \"__proto__\": {\"admin\": true}}",
                "settings%5B__proto__%5D%5Bx%5D=1",
                "x[\"__proto__\"][y]=1",
            })
    void proto_keys_are_found(String value) {
        assertThat(run(value))
                .singleElement()
                .satisfies(d -> assertThat(d.ruleId()).isEqualTo(PrototypePaths.PROTO));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "constructor[prototype][role]=admin",
                "a.constructor.prototype.flag=1",
                "{\"constructor\": {\"prototype\": {\"shell\": \"/bin/sh\"}}}",
                "constructor[\"prototype\"][z]=1",
            })
    void constructor_prototype_paths_are_found(String value) {
        assertThat(run(value))
                .singleElement()
                .satisfies(d -> assertThat(d.ruleId()).isEqualTo(PrototypePaths.CONSTRUCTOR));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Setting obj.__proto__ is deprecated; use Object.setPrototypeOf instead.",
                "Array.prototype.map returns a new array",
                "The prototype was shown to the constructor of the building.",
                "my_proto__file.txt",
                "prototype",
                "constructor",
                "{\"name\": \"prototype v2\", \"stage\": \"constructor review\"}",
            })
    void prose_and_code_mentions_are_not_flagged(String value) {
        assertThat(run(value)).isEmpty();
    }
}
