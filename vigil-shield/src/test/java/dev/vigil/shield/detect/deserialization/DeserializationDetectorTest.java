package dev.vigil.shield.detect.deserialization;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.shield.detect.Detection;
import dev.vigil.shield.inspect.InspectedValue;
import dev.vigil.shield.inspect.Normalizer;
import dev.vigil.shield.inspect.Source;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DeserializationDetectorTest {

    private final DeserializationDetector detector = new DeserializationDetector();

    private List<Detection> inspect(String raw) {
        List<Detection> found = new ArrayList<>();
        detector.inspect(new InspectedValue("body.$.x", "x", Source.BODY, -1, Normalizer.variants(raw)), found::add);
        return found;
    }

    private String rule(String raw) {
        List<Detection> found = inspect(raw);
        assertThat(found).hasSizeLessThanOrEqualTo(1);
        return found.isEmpty() ? null : found.get(0).ruleId();
    }

    private static byte[] serialized(Object o) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(o);
        }
        return bytes.toByteArray();
    }

    @Test
    void id_and_category() {
        assertThat(detector.id()).isEqualTo("deserialization");
        assertThat(detector.category()).isEqualTo("deserialization");
    }

    @Test
    void java_streams_in_every_encoding() throws IOException {
        byte[] stream = serialized(new java.util.ArrayList<>(List.of("a", "b")));
        String b64 = Base64.getEncoder().encodeToString(stream);
        assertThat(rule(b64)).isEqualTo(DeserializationDetector.RULE_JAVA_STREAM);
        assertThat(rule("data=" + Base64.getUrlEncoder().withoutPadding().encodeToString(stream)))
                .isEqualTo(DeserializationDetector.RULE_JAVA_STREAM);
        assertThat(rule(HexFormat.of().formatHex(stream))).isEqualTo(DeserializationDetector.RULE_JAVA_STREAM);
        assertThat(rule(new String(stream, StandardCharsets.ISO_8859_1)))
                .isEqualTo(DeserializationDetector.RULE_JAVA_STREAM);
        // the header one and two bytes into a base64 text
        for (int pad = 1; pad <= 2; pad++) {
            byte[] shifted = new byte[stream.length + 3 + pad];
            System.arraycopy(stream, 0, shifted, 3 + pad, stream.length);
            String text = Base64.getEncoder().encodeToString(shifted).substring(4);
            assertThat(rule(text)).as("offset %d", pad).isEqualTo(DeserializationDetector.RULE_JAVA_STREAM);
        }
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write(stream);
        }
        assertThat(rule(Base64.getEncoder().encodeToString(gz.toByteArray())))
                .isEqualTo(DeserializationDetector.RULE_JAVA_STREAM);
        assertThat(rule("%AC%ED%00%05sr")).isEqualTo(DeserializationDetector.RULE_JAVA_STREAM);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"@type\":\"com.sun.rowset.JdbcRowSetImpl\",\"dataSourceName\":\"x\"}",
                "{\"a\":{\"@type\":\"java.lang.Class\",\"val\":\"x\"}}",
                "{\"@class\":\"org.apache.commons.configuration.JNDIConfiguration\"}",
                "{'@c': 'java.net.URL'}",
                "{\"$type\":\"System.Windows.Data.ObjectDataProvider, PresentationFramework\"}",
                "{\"@type\":\"Lcom.sun.rowset.JdbcRowSetImpl;\"}"
            })
    void type_keys_naming_dangerous_classes(String payload) {
        assertThat(rule(payload)).isEqualTo(DeserializationDetector.RULE_TYPE_KEY);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "!!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL [\"http://x/\"]]]]",
                "x: !!com.example.Widget {name: a}",
                "!!python/object/apply:os.getcwd []",
                "--- !ruby/object:Gem::Requirement\nreq: 1",
                "f: !!js/function 'function(){}'"
            })
    void yaml_tags_that_construct_classes(String payload) {
        assertThat(rule(payload)).isEqualTo(DeserializationDetector.RULE_YAML_TAG);
    }

    @Test
    void objects_of_other_runtimes() {
        assertThat(rule("O:8:\"stdClass\":1:{s:1:\"a\";i:1;}")).isEqualTo(DeserializationDetector.RULE_FOREIGN_OBJECT);
        assertThat(rule("a:1:{i:0;O:4:\"User\":0:{}}")).isEqualTo(DeserializationDetector.RULE_FOREIGN_OBJECT);
        assertThat(rule("AAEAAAD/////AQAAAAAAAAAMAgAAAA")).isEqualTo(DeserializationDetector.RULE_FOREIGN_OBJECT);
        assertThat(rule("cposix\nuname\n(tR.")).isEqualTo(DeserializationDetector.RULE_FOREIGN_OBJECT);
        byte[] pickle = {
            (byte) 0x80,
            4,
            (byte) 0x95,
            0x20,
            0,
            0,
            0,
            0,
            0,
            0,
            0,
            (byte) 0x8c,
            5,
            'p',
            'o',
            's',
            'i',
            'x',
            (byte) 0x94,
            (byte) 0x8c,
            5,
            'u',
            'n',
            'a',
            'm',
            'e',
            (byte) 0x94,
            (byte) 0x93,
            (byte) 0x94,
            ')',
            'R',
            '.'
        };
        assertThat(rule(Base64.getEncoder().encodeToString(pickle)))
                .isEqualTo(DeserializationDetector.RULE_FOREIGN_OBJECT);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "java.lang.Runtime",
                "x=java.lang.ProcessBuilder",
                "[\"org.apache.commons.collections.functors.InvokerTransformer\",{}]",
                "com.sun.org.apache.xalan.internal.xsltc.trax.TemplatesImpl",
                "java.Runtime",
                "Runtime.ChainedTransformer",
                "class.module.classLoader.resources.context.parent.pipeline.first.pattern=x",
                "<v>java.beans.XMLDecoder</v>",
                "Runtime.getProperty",
                "<a n=\"java.util.Map\" m=\"ProcessBuilder\"/>"
            })
    void gadget_classes(String payload) {
        assertThat(rule(payload)).isEqualTo(DeserializationDetector.RULE_GADGET_CLASS);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "java.io.FileInputStream",
                "<a k=\"java.lang.Thread\"/>",
                "{\"k\": \"javax.naming.InitialContext\"}",
                "org.apache.commons",
                "sun.misc.Unsafe",
                "org.omg.CORBA.ORB"
            })
    void sensitive_packages(String payload) {
        assertThat(rule(payload)).isEqualTo(DeserializationDetector.RULE_SENSITIVE_CLASS);
    }

    @Test
    void base64_keywords_at_every_alignment() {
        for (String word : new String[] {"runtime", "processbuilder", "invokertransformer"}) {
            for (String prefix : new String[] {"", "a", "ab"}) {
                String b64 = Base64.getEncoder().withoutPadding().encodeToString((prefix + word).getBytes());
                String cut = b64.substring(prefix.isEmpty() ? 0 : 1);
                assertThat(rule("v=" + cut)).as(word + "/" + prefix).isNotNull();
            }
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"@context\":\"http://schema.org\",\"@type\":\"Product\",\"name\":\"Shoe\"}",
                "{\"$type\":\"MyApp.Models.Order, MyApp\"}",
                "java lang courses for beginners",
                "Exception in thread \"main\" java.lang.NullPointerException",
                "\tat java.lang.Thread.run(Thread.java:748)",
                "we love java and coffee",
                "www.example.com/path/file.html",
                "s3.amazonaws.com",
                "com.example.myapp",
                "Wow!! that was great!!",
                "!!binary aGVsbG8=",
                "key: !!str 123",
                "Order O:12 shipped",
                "macedonia 48",
                "aced0005x is not hex in prose? see macedonia",
                "eyJ0eXAiOiJKV1QiLCJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.abc",
                "SGVsbG8gV29ybGQh",
                "The runtime of the movie is 2h",
                "ProcessBuilder is a class name used in prose",
                "cat\nfood\n"
            })
    void ordinary_values_are_not_flagged(String benign) {
        assertThat(inspect(benign)).isEmpty();
    }

    @Test
    void large_and_odd_inputs_do_not_throw() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 8_000; i++) {
            sb.append("rO0AB.java.\"@type\":!!a.O:1:\"\ud800\u00ac");
        }
        long t0 = System.nanoTime();
        inspect(sb.toString());
        assertThat(System.nanoTime() - t0).isLessThan(2_000_000_000L);
        assertThat(inspect("")).isEmpty();
        assertThat(inspect("H4sIAAAAAAAAAAAAAA")).isEmpty();
        assertThat(inspect("\"@type\":\"")).isEmpty();
        assertThat(inspect("O:3:\"ab")).isEmpty();
        assertThat(inspect("{\"@type\":\"L;\"}")).isEmpty();
        assertThat(inspect("{\"@type\":\"[[[")).isEmpty();
        assertThat(inspect("{\"$type\":\"")).isEmpty();
    }
}
