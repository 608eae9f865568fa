package dev.vigil.server.ingest;

/**
 * Bounds on what one ingest request may hold. Everything past them is refused, never buffered.
 *
 * @param maxBodyBytes the most bytes read from the wire per request (compressed size when gzipped); more is {@code
 *     413}
 * @param maxDecodedBytes the most bytes a gzip (or CloudWatch base64+gzip) body may inflate to; more is {@code 413}
 * @param maxEventBytes the longest single event (JSON line or array element); a longer one is rejected on its own
 * @param maxDepth the deepest nesting of objects and arrays allowed in an event
 */
public record IngestLimits(long maxBodyBytes, long maxDecodedBytes, int maxEventBytes, int maxDepth) {

    /** Checks the values. */
    public IngestLimits {
        if (maxBodyBytes <= 0 || maxDecodedBytes <= 0 || maxEventBytes <= 0 || maxDepth <= 0) {
            throw new IllegalArgumentException("ingest limits must be positive");
        }
        if (maxDecodedBytes > Integer.MAX_VALUE - 16 || maxBodyBytes > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("ingest bodies are held in memory: limits must stay below 2 GB");
        }
    }

    /** 10 MiB on the wire, 32 MiB decoded, 256 KiB per event, nesting depth 64. */
    public static IngestLimits defaults() {
        return new IngestLimits(10L << 20, 32L << 20, 256 << 10, 64);
    }

    /** These limits with another wire size limit. */
    public IngestLimits withMaxBodyBytes(long bytes) {
        return new IngestLimits(bytes, maxDecodedBytes, maxEventBytes, maxDepth);
    }

    /** These limits with another decoded size limit. */
    public IngestLimits withMaxDecodedBytes(long bytes) {
        return new IngestLimits(maxBodyBytes, bytes, maxEventBytes, maxDepth);
    }

    /** These limits with another per-event size limit. */
    public IngestLimits withMaxEventBytes(int bytes) {
        return new IngestLimits(maxBodyBytes, maxDecodedBytes, bytes, maxDepth);
    }

    /** These limits with another nesting limit. */
    public IngestLimits withMaxDepth(int depth) {
        return new IngestLimits(maxBodyBytes, maxDecodedBytes, maxEventBytes, depth);
    }
}
