package dev.vigil.posture.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class YamlReaderTest {
    final YamlReader reader = new YamlReader(SourceLimits.DEFAULT);

    @Test
    void keepsLinesAndColumnsOfKeysAndValues() throws Exception {
        MapNode root = (MapNode) reader.read("t.yaml", "a: 1\nb:\n  c: x\n");
        assertThat(root.keyLocation("b")).isEqualTo(new Location("t.yaml", 2, 1));
        Node c = root.map("b").get("c");
        assertThat(c.location()).isEqualTo(new Location("t.yaml", 3, 6));
        assertThat(((ScalarNode) root.get("a")).kind()).isEqualTo(ScalarNode.Kind.INT);
    }

    @Test
    void expandsShortFormIntrinsics() throws Exception {
        MapNode root = (MapNode) reader.read(
                "t.yaml",
                "a: !Ref X\nb: !GetAtt Role.Arn\nc: !Sub '${A}-b'\nd: !If [Cond, !Ref Y, !Ref AWS::NoValue]\n");
        assertThat(root.map("a").text("Ref")).isEqualTo("X");
        assertThat(root.map("b").seq("Fn::GetAtt").items())
                .extracting(Node::text)
                .containsExactly("Role", "Arn");
        assertThat(root.map("c").text("Fn::Sub")).isEqualTo("${A}-b");
        assertThat(root.map("d").seq("Fn::If").size()).isEqualTo(3);
    }

    @Test
    void quotedScalarsStayStrings() throws Exception {
        MapNode root = (MapNode) reader.read("t.yaml", "a: 'true'\nb: true\n");
        assertThat(((ScalarNode) root.get("a")).kind()).isEqualTo(ScalarNode.Kind.STRING);
        assertThat(((ScalarNode) root.get("b")).kind()).isEqualTo(ScalarNode.Kind.BOOL);
    }

    @Test
    void appliesMergeKeys() throws Exception {
        MapNode root = (MapNode) reader.read("t.yaml", "base: &b {x: 1, y: 2}\nf:\n  <<: *b\n  y: 3\n");
        assertThat(root.map("f").text("x")).isEqualTo("1");
        assertThat(root.map("f").text("y")).isEqualTo("3");
        assertThat(root.map("f").has("<<")).isFalse();
    }

    @Test
    void rejectsAliasBombsByExpandedSize() {
        StringBuilder y = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
        char prev = 'a';
        for (char c = 'b'; c <= 'j'; c++) {
            y.append(c).append(": &").append(c).append(" [");
            for (int i = 0; i < 10; i++) {
                y.append(i == 0 ? "" : ", ").append('*').append(prev);
            }
            y.append("]\n");
            prev = c;
        }
        assertThatThrownBy(() -> reader.read("bomb.yaml", y.toString()))
                .isInstanceOf(SourceException.class)
                .hasMessageContaining("alias");
    }

    @Test
    void rejectsDeepNestingWithoutStackOverflow() {
        String deep = "[".repeat(100_000);
        assertThatThrownBy(() -> reader.read("deep.yaml", deep))
                .isInstanceOf(SourceException.class)
                .hasMessageContaining("deep.yaml:1:");
    }

    @Test
    void syntaxErrorsNameLineAndColumn() {
        assertThatThrownBy(() -> reader.read("bad.yaml", "a: 1\nb: [\n"))
                .isInstanceOf(SourceException.class)
                .hasMessageStartingWith("bad.yaml:")
                .hasMessageContaining("invalid YAML");
    }
}
