package dev.vigil.detect.rule;

/** Rule text with the name to report problems under (a path, a resource name, {@code <test>}). */
public record RuleSource(String name, String text) {}
