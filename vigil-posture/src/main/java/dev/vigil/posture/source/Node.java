package dev.vigil.posture.source;

/**
 * One value of a parsed YAML or JSON document, with where it was written. Both readers produce this tree, so
 * everything after reading is format-blind.
 *
 * <p>CloudFormation's short-form YAML tags are already expanded: {@code !Ref X} reads as a one-entry map
 * {@code {Ref: X}}, {@code !GetAtt A.B} as {@code {Fn::GetAtt: [A, B]}}, {@code !Sub s} as {@code {Fn::Sub: s}}.
 */
public sealed interface Node permits MapNode, SeqNode, ScalarNode {

    /** Where the value starts. */
    Location location();

    /** This node as a map, or null. */
    default MapNode asMap() {
        return this instanceof MapNode m ? m : null;
    }

    /** This node as a sequence, or null. */
    default SeqNode asSeq() {
        return this instanceof SeqNode s ? s : null;
    }

    /** The scalar's text when this is a non-null scalar, else null. */
    default String text() {
        return this instanceof ScalarNode s && s.kind() != ScalarNode.Kind.NULL ? s.value() : null;
    }
}
