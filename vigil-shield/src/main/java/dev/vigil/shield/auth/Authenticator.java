package dev.vigil.shield.auth;
import dev.vigil.shield.inspect.HttpRequestView;
public interface Authenticator { String name(); String type(); boolean appliesTo(HttpRequestView r); AuthResult verify(HttpRequestView r, long now); default String configProblem(){return null;} }
