package dev.vigil.posture.usage;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Collapses the resources of one action: {@code *} absorbs everything; several S3 objects of one bucket become the
 * longest common key prefix that ends at a {@code /}, plus {@code *} (a function that wrote {@code in/a.json} and
 * {@code in/b.json} gets {@code bucket/in/*}; keys with no common folder give {@code bucket/*}); a single object stays
 * exact. Other ARNs stay as observed.
 */
final class ResourceGeneraliser {

    private ResourceGeneraliser() {}

    static List<String> generalise(Set<String> arns) {
        if (arns.contains(ResourceDeriver.ANY)) {
            return List.of(ResourceDeriver.ANY);
        }
        Map<String, List<String>> keysByBucket = new TreeMap<>();
        Set<String> out = new TreeSet<>();
        for (String arn : arns) {
            int slash = arn.indexOf('/');
            if (arn.startsWith("arn:")
                    && arn.split(":", 6).length == 6
                    && arn.split(":", 6)[2].equals("s3")
                    && slash > 0) {
                keysByBucket
                        .computeIfAbsent(arn.substring(0, slash), k -> new ArrayList<>())
                        .add(arn.substring(slash + 1));
            } else {
                out.add(arn);
            }
        }
        for (Map.Entry<String, List<String>> e : keysByBucket.entrySet()) {
            List<String> keys = e.getValue();
            if (keys.size() == 1) {
                out.add(e.getKey() + "/" + keys.get(0));
                continue;
            }
            String common = keys.get(0);
            for (String k : keys) {
                int i = 0;
                while (i < common.length() && i < k.length() && common.charAt(i) == k.charAt(i)) {
                    i++;
                }
                common = common.substring(0, i);
            }
            int folder = common.lastIndexOf('/');
            String prefix = folder < 0 ? "" : common.substring(0, folder + 1);
            // never end inside an ${…} escape
            int esc = prefix.lastIndexOf("${");
            if (esc >= 0 && prefix.indexOf('}', esc) < 0) {
                prefix = prefix.substring(0, esc);
            }
            out.add(e.getKey() + "/" + prefix + "*");
        }
        return new ArrayList<>(out);
    }
}
