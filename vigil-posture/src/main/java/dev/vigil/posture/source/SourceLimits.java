package dev.vigil.posture.source;

/**
 * Bounds on what one template may cost to read. Real templates are far below them (the largest in the real-world
 * corpus is a few hundred KB); anything above is treated as hostile and rejected with the limit named.
 *
 * @param maxChars characters per file
 * @param maxDepth nesting of maps and sequences
 * @param maxNodes nodes per document, counting every alias as a full copy of what it points at (alias bombs)
 * @param maxAliases alias references per document
 */
public record SourceLimits(int maxChars, int maxDepth, int maxNodes, int maxAliases) {

    /** The defaults: 8 MiB, depth 200, one million nodes, 1,000 aliases. */
    public static final SourceLimits DEFAULT = new SourceLimits(8 * 1024 * 1024, 200, 1_000_000, 1_000);
}
