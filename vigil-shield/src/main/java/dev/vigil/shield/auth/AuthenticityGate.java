package dev.vigil.shield.auth;
import dev.vigil.shield.inspect.HttpRequestView; import java.util.List;
public final class AuthenticityGate { private final List<Authenticator> a; public AuthenticityGate(List<Authenticator> a){this.a=a;} public AuthResult check(HttpRequestView r, long now){ return AuthResult.success(); } }
