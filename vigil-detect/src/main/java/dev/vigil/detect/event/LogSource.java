package dev.vigil.detect.event;

import java.util.Locale;

/**
 * A Sigma log source: {@code product}, {@code service} and {@code category}, each optional.
 *
 * <p>Rules carry one to say which events they apply to; events carry one to say what they are. A rule applies to an
 * event when the rule's log source {@link #contains contains} the event's: every attribute the rule sets is equal in
 * the event (case-insensitive), unset attributes are wildcards.
 */
public record LogSource(String product, String service, String category) {

    /** An event whose source is unknown. Only rules that set no attribute apply to it. */
    public static final LogSource UNKNOWN = new LogSource(null, null, null);

    /** CloudTrail records. */
    public static final LogSource AWS_CLOUDTRAIL = new LogSource("aws", "cloudtrail", null);

    /** Vigil Shield telemetry. */
    public static final LogSource VIGIL = new LogSource("vigil", null, null);

    /** Attributes are stored lower-case; blank means unset. */
    public LogSource {
        product = normalise(product);
        service = normalise(service);
        category = normalise(category);
    }

    /** A log source with product and service. */
    public static LogSource of(String product, String service) {
        return new LogSource(product, service, null);
    }

    /**
     * Parses {@code product[:service[:category]]} as written on the command line ({@code aws:cloudtrail}, {@code
     * azure:activitylogs}); empty parts are unset.
     */
    public static LogSource parse(String text) {
        String[] parts = text.split(":", -1);
        if (parts.length > 3) {
            throw new IllegalArgumentException("log source '" + text + "' has more than product:service:category");
        }
        return new LogSource(parts[0], parts.length > 1 ? parts[1] : null, parts.length > 2 ? parts[2] : null);
    }

    /** Whether every attribute this log source sets is equal in {@code other}. */
    public boolean contains(LogSource other) {
        return matches(product, other.product) && matches(service, other.service) && matches(category, other.category);
    }

    /** Whether no attribute is set. */
    public boolean isUnset() {
        return product == null && service == null && category == null;
    }

    private static boolean matches(String mine, String theirs) {
        return mine == null || mine.equals(theirs);
    }

    private static String normalise(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return value.trim().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        sb.append(product == null ? "*" : product);
        sb.append(':').append(service == null ? "*" : service);
        if (category != null) {
            sb.append(':').append(category);
        }
        return sb.toString();
    }
}
