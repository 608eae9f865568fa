package dev.vigil.shield.policy;
public final class ExclusionMatcher { private ExclusionMatcher(){} public static boolean excluded(Policy p, String f, String l, String n, String c, String r){ return false; } }
