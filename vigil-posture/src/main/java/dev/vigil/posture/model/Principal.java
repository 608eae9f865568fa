package dev.vigil.posture.model;

import java.util.List;
import java.util.Map;

/**
 * A statement's principal: {@code "*"}, or values by type ({@code AWS}, {@code Service}, {@code Federated},
 * {@code CanonicalUser}).
 *
 * @param wildcard true for {@code Principal: "*"}
 * @param byType values per principal type
 */
public record Principal(boolean wildcard, Map<String, List<Value>> byType) {

    public Principal {
        byType = Map.copyOf(byType);
    }
}
