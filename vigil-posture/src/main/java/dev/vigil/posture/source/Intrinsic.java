package dev.vigil.posture.source;

import java.util.Set;

/** CloudFormation intrinsic function names and their YAML short-form tags. */
public final class Intrinsic {
    private Intrinsic() {}

    /**
     * Vigil's marker for a value only known at deploy time that is not a CloudFormation function, e.g. a
     * serverless.yml {@code ${ssm:/db/password}}: {@code {Vigil::Unresolved: "<text as written>"}}. It never resolves
     * to a literal.
     */
    public static final String UNRESOLVED = "Vigil::Unresolved";

    /** The long-form keys of every intrinsic function and condition function. */
    public static final Set<String> NAMES = Set.of(
            "Ref",
            "Condition",
            "Fn::Base64",
            "Fn::Cidr",
            "Fn::FindInMap",
            "Fn::GetAtt",
            "Fn::GetAZs",
            "Fn::ImportValue",
            "Fn::Join",
            "Fn::Select",
            "Fn::Split",
            "Fn::Sub",
            "Fn::Transform",
            "Fn::If",
            "Fn::Equals",
            "Fn::Not",
            "Fn::And",
            "Fn::Or",
            "Fn::Length",
            "Fn::ToJsonString",
            "Fn::ForEach",
            UNRESOLVED);

    /**
     * The long-form key for a YAML tag such as {@code !Ref} or {@code !GetAtt}, or null when the tag is not a
     * CloudFormation short form.
     */
    public static String longName(String tag) {
        if (tag == null || tag.length() < 2 || tag.charAt(0) != '!' || tag.charAt(1) == '!') {
            return null;
        }
        String name = tag.substring(1);
        String fn = name.equals("Ref") || name.equals("Condition") ? name : "Fn::" + name;
        return NAMES.contains(fn) ? fn : null;
    }

    /** True when {@code node} is a one-entry map whose key is an intrinsic function. */
    public static boolean isIntrinsic(Node node) {
        return node instanceof MapNode m
                && m.size() == 1
                && NAMES.contains(m.entries().get(0).key());
    }
}
