package dev.vigil.cli.hunt;

import dev.vigil.detect.engine.RuleMatch;
import dev.vigil.detect.event.Event;
import dev.vigil.detect.event.FieldPath;
import dev.vigil.detect.event.LogSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fields shown with a match: the rule's {@code fields} when it lists any, else every field its detection reads
 * plus, for CloudTrail, who did what where. Bounded in count and length, since log values are untrusted.
 */
public final class KeyFields {
    /** At most this many fields per match. */
    public static final int MAX_FIELDS = 32;
    /** Values longer than this are cut. */
    public static final int MAX_VALUE_CHARS = 1024;

    private static final List<FieldPath> CLOUDTRAIL = List.of(
            FieldPath.of("eventName"),
            FieldPath.of("eventSource"),
            FieldPath.of("userIdentity.arn"),
            FieldPath.of("sourceIPAddress"),
            FieldPath.of("awsRegion"),
            FieldPath.of("eventID"));

    private KeyFields() {}

    /** The key fields of {@code match}; fields missing from the event are left out. */
    public static Map<String, String> of(RuleMatch match) {
        Event event = match.event();
        List<FieldPath> paths = new ArrayList<>();
        List<String> listed = match.info().fields();
        if (!listed.isEmpty()) {
            for (String name : listed) {
                paths.add(FieldPath.of(name));
            }
        } else {
            paths.addAll(match.rule().fieldsUsed());
            if (LogSource.AWS_CLOUDTRAIL.contains(event.logSource())) {
                paths.addAll(CLOUDTRAIL);
            }
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (FieldPath path : paths) {
            if (out.size() >= MAX_FIELDS) {
                break;
            }
            if (out.containsKey(path.name())) {
                continue;
            }
            String value;
            try {
                value = event.text(path);
            } catch (RuntimeException e) {
                continue; // one odd field must not lose the match
            }
            if (value != null) {
                out.put(
                        path.name(),
                        value.length() > MAX_VALUE_CHARS ? value.substring(0, MAX_VALUE_CHARS) + "…" : value);
            }
        }
        return Collections.unmodifiableMap(out);
    }
}
