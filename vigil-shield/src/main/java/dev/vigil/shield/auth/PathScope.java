package dev.vigil.shield.auth;

import dev.vigil.shield.inspect.HttpRequestView;
import dev.vigil.shield.util.Globs;
import java.util.List;

/** The request paths an authenticator guards: a list of globs, empty meaning every path. */
final class PathScope {

    private final List<String> globs;

    PathScope(List<String> globs) {
        this.globs = List.copyOf(globs);
    }

    boolean matches(HttpRequestView request) {
        if (globs.isEmpty()) {
            return true;
        }
        String path = request == null || request.path() == null ? "" : request.path();
        for (String glob : globs) {
            if (Globs.matches(glob, path)) {
                return true;
            }
        }
        return false;
    }
}
