package dev.vigil.shield.hygiene;

import dev.vigil.core.telemetry.Evidence;

/**
 * A plaintext secret found in an environment variable: the variable's name and the kind of secret, never its value.
 *
 * @param name the environment variable's name
 * @param kind one of the {@link LeakKinds} names, e.g. {@code github_token}
 */
public record EnvSecret(String name, String kind) {

    /** Safe to log: the name escaped and bounded, the kind; there is no value to print. */
    @Override
    public String toString() {
        return "EnvSecret[name=" + Evidence.of(name) + ", kind=" + kind + "]";
    }
}
