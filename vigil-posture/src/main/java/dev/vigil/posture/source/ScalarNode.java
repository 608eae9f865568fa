package dev.vigil.posture.source;

import java.util.Locale;

/**
 * A scalar with its text exactly as written (numbers are not reformatted) and what kind of value it resolved to
 * (YAML 1.2 core schema for plain scalars; quoted scalars are always strings).
 */
public record ScalarNode(String value, Kind kind, Location location) implements Node {

    /** What a scalar resolved to. */
    public enum Kind {
        STRING,
        INT,
        FLOAT,
        BOOL,
        NULL
    }

    /**
     * True for {@code true} booleans and for the strings CloudFormation accepts as true ({@code "true"}, any case).
     */
    public boolean isTrue() {
        return kind != Kind.NULL && value.trim().toLowerCase(Locale.ROOT).equals("true");
    }

    /** True for {@code false} booleans and the string {@code "false"}, any case. */
    public boolean isFalse() {
        return kind != Kind.NULL && value.trim().toLowerCase(Locale.ROOT).equals("false");
    }
}
