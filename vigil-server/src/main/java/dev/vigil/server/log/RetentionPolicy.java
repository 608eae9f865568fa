package dev.vigil.server.log;

import java.time.Duration;
import java.util.Objects;

/**
 * How much of the consumed log to keep. {@link EventLog#retain} deletes whole segments, oldest first, that the
 * consumer has committed past and that are beyond one of these bounds. Unconsumed records are never deleted, whatever
 * the bounds say.
 *
 * @param maxBytes delete consumed segments while the log is larger than this
 * @param maxAge delete consumed segments last written longer ago than this
 */
public record RetentionPolicy(long maxBytes, Duration maxAge) {

    /** Checks the bounds. */
    public RetentionPolicy {
        Objects.requireNonNull(maxAge, "maxAge");
        if (maxBytes < 0 || maxAge.isNegative()) {
            throw new IllegalArgumentException(
                    "retention bounds must not be negative: " + maxBytes + " bytes, " + maxAge);
        }
    }

    /** Deletes every consumed segment. */
    public static RetentionPolicy deleteConsumed() {
        return new RetentionPolicy(0, Duration.ZERO);
    }
}
