package dev.vigil.posture.check.secrets;

import dev.vigil.posture.model.Deployment;
import dev.vigil.posture.model.Function;
import dev.vigil.posture.secrets.SecretMatch;
import dev.vigil.posture.source.Location;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;

/** Runs a secret detector over every literal environment variable of every function, once per location. */
final class LiteralEnvironment {
    private LiteralEnvironment() {}

    /** A variable where the detector found something; {@code first} is the first match. */
    record Hit(Function function, Function.EnvVar variable, Location at, SecretMatch first) {}

    /**
     * @param detector (name, value) to matches
     */
    static List<Hit> scan(Deployment deployment, BiFunction<String, String, List<SecretMatch>> detector) {
        List<Hit> hits = new ArrayList<>();
        Set<Location> seen = new HashSet<>();
        for (Function f : deployment.functions()) {
            for (Function.EnvVar env : f.environment()) {
                if (env.value() == null || !env.value().literal()) {
                    continue;
                }
                List<SecretMatch> found = detector.apply(env.name(), env.value().text());
                Location at = env.keyLocation() != null
                        ? env.keyLocation()
                        : env.value().location();
                if (!found.isEmpty() && seen.add(at)) {
                    hits.add(new Hit(f, env, at, found.get(0)));
                }
            }
        }
        return hits;
    }
}
