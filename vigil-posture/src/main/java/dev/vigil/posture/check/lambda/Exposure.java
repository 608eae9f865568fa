package dev.vigil.posture.check.lambda;

import dev.vigil.posture.model.Deployment;
import dev.vigil.posture.model.Function;
import dev.vigil.posture.model.HttpRoute;
import dev.vigil.posture.model.LambdaPermission;
import dev.vigil.posture.model.Trigger;
import dev.vigil.posture.model.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Whether anyone on the internet can make a function run: a function URL with {@code AuthType NONE}, an HTTP route
 * without authorization and without a required API key, or a resource policy that lets any principal invoke it.
 */
final class Exposure {
    private Exposure() {}

    /** A short description of the first public way to invoke {@code f}, or empty when there is none. */
    static Optional<String> publicTrigger(Deployment d, Function f) {
        if (f.url() != null && isNone(f.url().authType())) {
            return Optional.of("function URL with AuthType NONE");
        }
        List<HttpRoute> routes = new ArrayList<>();
        for (Trigger t : d.triggersOf(f.id())) {
            if (t.kind() == Trigger.Kind.FUNCTION_URL
                    && t.url() != null
                    && isNone(t.url().authType())) {
                return Optional.of("function URL with AuthType NONE");
            }
            if (t.route() != null) {
                routes.add(t.route());
            }
        }
        for (HttpRoute r : d.routes()) {
            if (f.id().equals(r.functionId())) {
                routes.add(r);
            }
        }
        for (HttpRoute r : routes) {
            if (isOpen(r)) {
                String name = r.path() == null ? r.method() : r.method() + " " + r.path();
                return Optional.of("route " + name + " without authorization or API key");
            }
        }
        for (LambdaPermission p : d.permissions()) {
            if (f.id().equals(p.functionId()) && Permissions.isPublic(p) && !Permissions.isRestricted(p)) {
                return Optional.of("permission " + p.id() + " lets any principal invoke it");
            }
        }
        return Optional.empty();
    }

    /**
     * An HTTP route anyone can call: no authorization (unset means NONE in API Gateway) and no API key. A usage plan
     * throttles only requests that carry an API key, so without a required key it does not cap anonymous traffic.
     */
    static boolean isOpen(HttpRoute r) {
        Value auth = r.authorization();
        return (auth == null || isNone(auth)) && !r.apiKeyRequired();
    }

    /** What a trigger invokes, for messages: the function id, else the target as written. */
    static String subject(Trigger t) {
        if (t.functionId() != null) {
            return t.functionId();
        }
        return t.source() != null ? t.source().text() : "an unknown function";
    }

    static boolean isNone(Value v) {
        return v != null && v.is("NONE");
    }
}
