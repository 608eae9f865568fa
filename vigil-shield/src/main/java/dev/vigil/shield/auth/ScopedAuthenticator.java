package dev.vigil.shield.auth;

import dev.vigil.shield.inspect.HttpRequestView;

/** What every authenticator shares: its name, its type, and the HTTP paths it applies to. */
abstract class ScopedAuthenticator implements Authenticator {

    private final String name;
    private final String type;
    private final PathScope scope;

    ScopedAuthenticator(String name, String type, PathScope scope) {
        this.name = name;
        this.type = type;
        this.scope = scope;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final String type() {
        return type;
    }

    @Override
    public final boolean appliesTo(HttpRequestView request) {
        return scope.matches(request);
    }
}
