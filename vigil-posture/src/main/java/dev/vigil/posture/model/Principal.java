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

    /** The values of one principal type ({@code AWS}, {@code Service}, …), empty when absent. */
    public List<Value> values(String type) {
        List<Value> v = byType.get(type);
        return v == null ? List.of() : v;
    }

    /** True for {@code "*"} and for {@code {AWS: "*"}} (alone or in a list): anyone, in any account. */
    public boolean anyone() {
        if (wildcard) {
            return true;
        }
        for (Value v : values("AWS")) {
            if (v.is("*")) {
                return true;
            }
        }
        return false;
    }
}
