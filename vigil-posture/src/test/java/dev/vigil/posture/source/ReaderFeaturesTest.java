package dev.vigil.posture.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ReaderFeaturesTest {
    final YamlReader yaml = new YamlReader(SourceLimits.DEFAULT);
    final JsonReader json = new JsonReader(SourceLimits.DEFAULT);

    @Test
    void getAttSplitsAtTheFirstDotOnly() throws Exception {
        MapNode root = (MapNode) yaml.read("t.yaml", "a: !GetAtt Db.Endpoint.Address\nb: !GetAtt [Q, Arn]\n");
        assertThat(root.map("a").seq("Fn::GetAtt").items())
                .extracting(Node::text)
                .containsExactly("Db", "Endpoint.Address");
        assertThat(root.map("b").seq("Fn::GetAtt").items())
                .extracting(Node::text)
                .containsExactly("Q", "Arn");
    }

    @Test
    void subWithVariableMapAndNestedShortForms() throws Exception {
        MapNode root = (MapNode) yaml.read(
                "t.yaml",
                "a: !Sub\n  - '${Name}-${AWS::Region}'\n  - Name: !Ref Env\nb: !Base64\n  Fn::Sub: 'x'\n"
                        + "c: !Join ['', [!Ref A, !Select [0, !GetAZs '']]]\n");
        SeqNode sub = root.map("a").seq("Fn::Sub");
        assertThat(sub.items().get(0).text()).isEqualTo("${Name}-${AWS::Region}");
        assertThat(((MapNode) sub.items().get(1)).map("Name").text("Ref")).isEqualTo("Env");
        assertThat(root.map("b").map("Fn::Base64").text("Fn::Sub")).isEqualTo("x");
        SeqNode join = root.map("c").seq("Fn::Join");
        MapNode select = (MapNode) ((SeqNode) join.items().get(1)).items().get(1);
        assertThat(((MapNode) select.seq("Fn::Select").items().get(1)).text("Fn::GetAZs"))
                .isEqualTo("");
    }

    @Test
    void conditionFunctionsExpand() throws Exception {
        MapNode root = (MapNode) yaml.read(
                "t.yaml",
                "C: !And [!Equals [!Ref A, x], !Not [!Condition B], !Or [!Condition D, !Condition E]]\n"
                        + "V: !If [C, !ImportValue Shared, !FindInMap [M, K, V]]\n");
        SeqNode and = root.map("C").seq("Fn::And");
        assertThat(((MapNode) and.items().get(0)).has("Fn::Equals")).isTrue();
        SeqNode not = ((MapNode) and.items().get(1)).seq("Fn::Not");
        assertThat(((MapNode) not.items().get(0)).text("Condition")).isEqualTo("B");
        SeqNode iff = root.map("V").seq("Fn::If");
        assertThat(((MapNode) iff.items().get(1)).text("Fn::ImportValue")).isEqualTo("Shared");
        assertThat(((MapNode) iff.items().get(2)).seq("Fn::FindInMap").size()).isEqualTo(3);
    }

    @Test
    void mergeKeysWithListsOfMapsAndOverrides() throws Exception {
        MapNode root = (MapNode) yaml.read("t.yaml", "a: &a {x: 1}\nb: &b {y: 2, x: 9}\nc:\n  <<: [*a, *b]\n  z: 3\n");
        MapNode c = root.map("c");
        assertThat(c.text("x")).isEqualTo("1");
        assertThat(c.text("y")).isEqualTo("2");
        assertThat(c.text("z")).isEqualTo("3");
    }

    @Test
    void unknownTagsKeepTheirValue() throws Exception {
        MapNode root = (MapNode) yaml.read("t.yaml", "a: !Custom x\nb: !!str 12\n");
        assertThat(root.text("a")).isEqualTo("x");
        assertThat(((ScalarNode) root.get("b")).kind()).isEqualTo(ScalarNode.Kind.STRING);
    }

    @Test
    void byteOrderMarkIsIgnored() throws Exception {
        assertThat(((MapNode) json.read("t.json", "\uFEFF{\"a\": 1}")).text("a"))
                .isEqualTo("1");
        assertThat(((MapNode) yaml.read("t.yaml", "\uFEFFa: 1\n")).text("a")).isEqualTo("1");
    }

    @Test
    void jsonKeepsLocationsOfKeysAndValues() throws Exception {
        MapNode root = (MapNode) json.read("t.json", "{\n  \"Resources\": {\n    \"B\": {\"Type\": \"X\"}\n  }\n}");
        assertThat(root.keyLocation("Resources").line()).isEqualTo(2);
        assertThat(root.map("Resources").keyLocation("B")).isEqualTo(new Location("t.json", 3, 5));
        assertThat(root.map("Resources").map("B").get("Type").location().line()).isEqualTo(3);
    }

    @Test
    void jsonRejectsTrailingTextAndDeepNesting() {
        assertThatThrownBy(() -> json.read("t.json", "{} {}")).isInstanceOf(SourceException.class);
        String deep = "[".repeat(500) + "]".repeat(500);
        assertThatThrownBy(() -> json.read("t.json", deep)).isInstanceOf(SourceException.class);
        assertThatThrownBy(() -> yaml.read("t.yaml", deep)).isInstanceOf(SourceException.class);
    }

    @Test
    void plainScalarsResolveByTheCoreSchema() throws Exception {
        MapNode root = (MapNode) yaml.read(
                "t.yaml", "a: Null\nb: True\nc: yes\nd: .5\ne: Hello\nf: ~\ng: -12\nh: 0x1F\ni: .inf\nj: false\n");
        assertThat(((ScalarNode) root.get("a")).kind()).isEqualTo(ScalarNode.Kind.NULL);
        assertThat(((ScalarNode) root.get("b")).kind()).isEqualTo(ScalarNode.Kind.BOOL);
        assertThat(((ScalarNode) root.get("c")).kind()).isEqualTo(ScalarNode.Kind.STRING);
        assertThat(((ScalarNode) root.get("d")).kind()).isEqualTo(ScalarNode.Kind.FLOAT);
        assertThat(((ScalarNode) root.get("e")).kind()).isEqualTo(ScalarNode.Kind.STRING);
        assertThat(((ScalarNode) root.get("f")).kind()).isEqualTo(ScalarNode.Kind.NULL);
        assertThat(((ScalarNode) root.get("g")).kind()).isEqualTo(ScalarNode.Kind.INT);
        assertThat(((ScalarNode) root.get("h")).kind()).isEqualTo(ScalarNode.Kind.INT);
        assertThat(((ScalarNode) root.get("i")).kind()).isEqualTo(ScalarNode.Kind.FLOAT);
        assertThat(((ScalarNode) root.get("j")).kind()).isEqualTo(ScalarNode.Kind.BOOL);
    }
}
