package dev.vigil.shield.policy;
import java.util.function.Function;
public final class PolicyLoader { private PolicyLoader(){} public static Policy fromEnvironment(Function<String,String> env, ClassLoader cl){ return Policy.defaults(); } public static Policy load(java.nio.file.Path p){ return Policy.defaults(); } }
