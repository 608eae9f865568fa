package dev.vigil.shield.json;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Test helper: trees compared with every number reduced to its value, whatever its Java type or scale. */
final class JsonTrees {

    private JsonTrees() {}

    static Object normalized(Object v) {
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, x) -> out.put((String) k, normalized(x)));
            return out;
        }
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>();
            l.forEach(x -> out.add(normalized(x)));
            return out;
        }
        if (v instanceof BigDecimal d) {
            return d.signum() == 0 ? BigDecimal.ZERO : d.stripTrailingZeros();
        }
        if (v instanceof BigInteger i) {
            return normalized(new BigDecimal(i));
        }
        if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return normalized(BigDecimal.valueOf(((Number) v).longValue()));
        }
        if (v instanceof Double || v instanceof Float) {
            return normalized(new BigDecimal(v.toString()));
        }
        return v;
    }
}
