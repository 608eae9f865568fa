package dev.vigil.posture.template;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.posture.source.MapNode;
import dev.vigil.posture.source.Node;
import dev.vigil.posture.source.SourceLimits;
import dev.vigil.posture.source.YamlReader;
import org.junit.jupiter.api.Test;

class ResolverTest {
    static final String TEMPLATE = """
            Parameters:
              Env:
                Type: String
                Default: prod
              Subnets:
                Type: CommaDelimitedList
                Default: 'subnet-a, subnet-b'
              Zones:
                Type: List<AWS::EC2::AvailabilityZone::Name>
                Default: us-east-1a,us-east-1b
              NoDefault:
                Type: String
            Mappings:
              Sizes:
                prod: {Memory: 1024}
            Conditions:
              IsProd: !Equals [!Ref Env, prod]
              NotProd: !Not [!Condition IsProd]
              Both: !And [!Condition IsProd, !Equals [a, a]]
              Either: !Or [!Condition NotProd, !Equals [!Ref NoDefault, x]]
              Unknown: !Equals [!Ref NoDefault, x]
              Loop: !Not [!Condition Loop]
            Resources:
              Bucket:
                Type: AWS::S3::Bucket
                Properties:
                  A: !Select [1, !Ref Subnets]
                  B: !Select [0, !Split [',', 'x,y,z']]
                  C: !Select [2, !Split ['/', !Sub 'a/${Env}/c']]
                  D: !If [IsProd, big, small]
                  E: !If [Unknown, big, small]
                  F: !Sub ['${Name}-${Env}', {Name: !FindInMap [Sizes, !Ref Env, Memory]}]
                  G: !Join ['-', !Ref Zones]
                  H: !Sub '${AWS::Region}-x'
                  I: !If [NotProd, !Ref AWS::NoValue, !If [Both, yes, no]]
                  J: !GetAtt Db.Endpoint.Address
                  K: !Sub ['${X}', {X: !GetAtt Bucket.Arn}]
                  L: !Join ['', [a, !Ref NoDefault]]
            """;

    static CfnTemplate template() throws Exception {
        MapNode root = (MapNode) new YamlReader(SourceLimits.DEFAULT).read("r.yaml", TEMPLATE);
        return CfnTemplate.of("r.yaml", root, null);
    }

    static Node prop(CfnTemplate t, String name) {
        return t.resource("Bucket").property(name);
    }

    @Test
    void resolvesListParametersSplitAndSelect() throws Exception {
        CfnTemplate t = template();
        Resolver r = t.resolver();
        assertThat(r.text(prop(t, "A"))).isEqualTo("subnet-b");
        assertThat(r.text(prop(t, "B"))).isEqualTo("x");
        assertThat(r.text(prop(t, "C"))).isEqualTo("c");
        assertThat(r.text(prop(t, "G"))).isEqualTo("us-east-1a-us-east-1b");
        assertThat(r.list(MapNode.class
                        .cast(prop(t, "A"))
                        .seq("Fn::Select")
                        .items()
                        .get(1)))
                .extracting(Node::text)
                .containsExactly("subnet-a", "subnet-b");
    }

    @Test
    void decidesConditionsFromDefaults() throws Exception {
        CfnTemplate t = template();
        Resolver r = t.resolver();
        assertThat(r.condition("IsProd")).isTrue();
        assertThat(r.condition("NotProd")).isFalse();
        assertThat(r.condition("Both")).isTrue();
        assertThat(r.condition("Either")).isNull();
        assertThat(r.condition("Unknown")).isNull();
        assertThat(r.condition("Loop")).isNull();
        assertThat(r.text(prop(t, "D"))).isEqualTo("big");
        assertThat(r.text(prop(t, "E"))).isNull();
        assertThat(r.text(prop(t, "I"))).isEqualTo("yes");
    }

    @Test
    void alternativesGiveEveryBranchButNoValue() throws Exception {
        CfnTemplate t = template();
        assertThat(t.resolver().alternatives(prop(t, "I")))
                .extracting(Node::text)
                .containsExactly("yes", "no");
        assertThat(t.resolver().alternatives(prop(t, "E")))
                .extracting(Node::text)
                .containsExactly("big", "small");
    }

    @Test
    void subWithVariableMapAndMappings() throws Exception {
        CfnTemplate t = template();
        assertThat(t.resolver().text(prop(t, "F"))).isEqualTo("1024-prod");
        assertThat(t.resolver().text(prop(t, "H"))).isNull();
        assertThat(t.resolver().text(prop(t, "L"))).isNull();
    }

    @Test
    void getAttWithDottedAttributeAndResourceRefs() throws Exception {
        CfnTemplate t = template();
        MapNode j = (MapNode) prop(t, "J");
        assertThat(j.seq("Fn::GetAtt").items()).extracting(Node::text).containsExactly("Db", "Endpoint.Address");
        assertThat(t.resolver().resourceRef(prop(t, "K"))).isEqualTo("Bucket");
    }

    @Test
    void selfFanningDefaultsStayBounded() throws Exception {
        StringBuilder y = new StringBuilder("Parameters:\n");
        for (int i = 0; i < 30; i++) {
            String next = "P" + (i + 1);
            y.append("  P")
                    .append(i)
                    .append(":\n    Type: String\n    Default: {'Fn::Join': ['', [")
                    .append("{Ref: ")
                    .append(next)
                    .append("}, {Ref: ")
                    .append(next)
                    .append("}, {Ref: ")
                    .append(next)
                    .append("}]]}\n");
        }
        y.append("  P30:\n    Type: String\n    Default: x\n");
        y.append("Resources:\n  R:\n    Type: T\n    Properties:\n      V: {Ref: P0}\n");
        MapNode root = (MapNode) new YamlReader(SourceLimits.DEFAULT).read("b.yaml", y.toString());
        CfnTemplate t = CfnTemplate.of("b.yaml", root, null);
        long start = System.nanoTime();
        assertThat(t.resolver().text(t.resource("R").property("V"))).isNull();
        assertThat(System.nanoTime() - start).isLessThan(2_000_000_000L);
    }
}
