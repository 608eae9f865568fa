package dev.vigil.shield.detect.pathtraversal;

/**
 * Walks the path tokens of a canonical text ({@link PathCanonicalizer}) segment by segment, as a file system would
 * resolve them, and scores what it finds:
 *
 * <ul>
 *   <li>a climb is a segment of two or more dots ({@code ..}, and {@code ...} which old Windows and lax filters treat
 *       as a climb too), or two or more dots glued to a name where a separator was lost; the walk keeps the depth
 *       below the token's start, and an escape is a depth below zero;
 *   <li>a token is absolute when it starts with a separator, a drive ({@code c:}), a UNC prefix, {@code ~}, or a
 *       {@code file:} URL; other URLs are walked from their path;
 *   <li>each segment is looked up in {@link SensitiveTargets}; what it finds counts when its context allows.
 * </ul>
 *
 * <p>A token is anchored when it starts the value or follows {@code =}. An escape without a sensitive target counts
 * when anchored, or with three or more climbs anywhere (so {@code <a href="../">} in HTML does not). At most {@link
 * #MAX_SEGMENTS} segments per token are looked up.
 */
final class PathWalker {

    static final int MAX_SEGMENTS = 64;

    /** Name segments longer than this exist on no file system: a longer one is padding for truncation. */
    static final int NAME_MAX = 255;

    /** Score: nothing. */
    static final int NONE = 0;
    /** Score: padding that only path truncation uses (three or more {@code ./}, an over-long name with dots). */
    static final int PADDING = 1;
    /** Score: an anchored escape by one climb. */
    static final int ESCAPE_ONE = 2;
    /** Score: an escape by two climbs when anchored, or three anywhere. */
    static final int ESCAPE = 3;
    /** Score: a sensitive file named without climbing. */
    static final int SENSITIVE = 4;
    /** Score: climbing to a sensitive file. */
    static final int ESCAPE_TO_SENSITIVE = 5;

    /** One canonicalizer and walker per thread, reused: a walk allocates nothing but the segment names. */
    private static final ThreadLocal<PathWalker> SCRATCH = new ThreadLocal<>();

    private final PathCanonicalizer canon;
    private final String[] segs = new String[MAX_SEGMENTS];
    private final int[] climbsAt = new int[MAX_SEGMENTS];

    /** Whether the last token walked was absolute (or continued an absolute one across a space). */
    private boolean lastAbs;
    /** Whether the last segment named had a {@code :line} suffix, as in a stack trace. */
    private boolean codeLocation;

    int bestScore;
    int bestStart;
    int bestEnd;

    private PathWalker(PathCanonicalizer canon) {
        this.canon = canon;
    }

    /** Walks every token of {@code canon}; the result is in {@link #bestScore}, {@link #bestStart}, {@link #bestEnd}. */
    static PathWalker walk(PathCanonicalizer canon) {
        PathWalker w = new PathWalker(canon);
        w.run();
        return w;
    }

    /**
     * Canonicalises and walks {@code s} with this thread's reused scratch; the result is valid until the thread's next
     * call.
     */
    static PathWalker walk(String s) {
        PathWalker w = SCRATCH.get();
        if (w == null) {
            w = new PathWalker(new PathCanonicalizer());
            SCRATCH.set(w);
        }
        w.canon.reset(s);
        w.bestScore = NONE;
        w.bestStart = 0;
        w.bestEnd = 0;
        w.lastAbs = false;
        w.codeLocation = false;
        w.run();
        return w;
    }

    private void run() {
        char[] t = canon.text;
        int n = canon.length;
        int i = 0;
        boolean first = true;
        boolean anchored = true;
        int gap = 0;
        while (i < n) {
            char c = t[i];
            if (c == PathCanonicalizer.BOUNDARY || c == PathCanonicalizer.ASSIGN) {
                anchored = c == PathCanonicalizer.ASSIGN;
                gap++;
                i++;
                continue;
            }
            int end = i;
            while (end < n && t[end] != PathCanonicalizer.BOUNDARY && t[end] != PathCanonicalizer.ASSIGN) {
                end++;
            }
            // C:\Program Files\...: one space inside an absolute path continues it
            boolean continues = !first && lastAbs && gap == 1 && !anchored;
            int score = token(t, i, end, first || anchored, continues);
            gap = 0;
            if (score > bestScore) {
                bestScore = score;
                bestStart = canon.from[i];
                bestEnd = canon.from[end - 1] + 1;
                if (score == ESCAPE_TO_SENSITIVE) {
                    return;
                }
            }
            first = false;
            anchored = false;
            i = end;
        }
    }

    private int token(char[] t, int ts, int te, boolean anchored, boolean continues) {
        int p = ts;
        boolean abs = continues;
        boolean url = false;
        codeLocation = false;
        int q = p;
        while (q < te && (isAlnum(t[q]) || t[q] == '.' || t[q] == '+' || t[q] == '-')) {
            q++;
        }
        if (q < te && q > p && t[q] == ':') {
            if (q - p == 1 && isLetter(t[p])) {
                abs = true; // drive letter
                p = q + 1;
            } else if (q - p == 4 && t[p] == 'f' && t[p + 1] == 'i' && t[p + 2] == 'l' && t[p + 3] == 'e') {
                abs = true;
                p = q + 1;
            } else if (q + 2 < te && t[q + 1] == '/' && t[q + 2] == '/') {
                // another URL: skip the authority, walk the path (a URL path is not a file-system root)
                url = true;
                p = q + 3;
                while (p < te && t[p] != '/') {
                    p++;
                }
            }
        }
        if (p < te && (t[p] == '/' || t[p] == '~') && !url) {
            abs = true;
        }
        int ns = 0;
        int noops = 0;
        boolean overlong = false;
        int climbs = 0;
        int depth = 0;
        int minDepth = 0;
        int dotSegs = 0;
        boolean longName = false;
        boolean onlyNoops = true;
        int k = p;
        while (k < te && t[k] == '/') {
            k++;
        }
        noops = Math.max(0, k - p - 1);
        while (k < te) {
            if (t[k] == '/') {
                if (k > p && t[k - 1] == '/') {
                    noops++;
                }
                k++;
                continue;
            }
            int a = k;
            while (k < te && t[k] != '/') {
                k++;
            }
            int b = k;
            int dots = 0;
            while (a + dots < b && t[a + dots] == '.') {
                dots++;
            }
            if (b - a > NAME_MAX && t[b - 1] == '.' && t[b - 2] == '.') {
                overlong = true;
            }
            if (dots == b - a && dots >= 2 && longName) {
                overlong = true;
            }
            longName = b - a > NAME_MAX;
            if (dots != b - a) {
                onlyNoops = false;
            }
            if (dots == b - a) {
                if (dots == 1) {
                    noops++;
                    dotSegs++;
                }
                if (dots >= 2) {
                    climbs++;
                    depth--;
                    minDepth = Math.min(minDepth, depth);
                }
                continue;
            }
            if (dots >= 2) {
                climbs++; // dots glued to a name: the separator was lost or stripped
                depth--;
                minDepth = Math.min(minDepth, depth);
                a += dots;
            }
            if (ns == 0 && b - a == 2 && t[a + 1] == ':' && isLetter(t[a])) {
                abs = true; // file:/c:/...
                continue;
            }
            depth++;
            if (ns < MAX_SEGMENTS) {
                segs[ns] = name(t, a, b);
                climbsAt[ns] = climbs;
                ns++;
            }
        }
        lastAbs = abs;
        // an absolute path counts where it is the value (or a parameter's value), not inside prose;
        // a path followed by ", line N" is a Python stack frame
        boolean rooted = abs && (anchored || continues) && !codeLocation && !lineFollows(t, te);
        int target = SensitiveTargets.NONE;
        for (int s = 0; s < ns && target != SensitiveTargets.STRONG; s++) {
            int kind = SensitiveTargets.match(segs, s, ns);
            if (kind == SensitiveTargets.NONE) {
                continue;
            }
            boolean climbed = climbsAt[s] > 0;
            boolean counts;
            switch (kind) {
                case SensitiveTargets.STRONG:
                    counts = true;
                    break;
                case SensitiveTargets.ROOT:
                    counts = climbed || s == 0 && (rooted || abs && isSystemRoot(segs[0]));
                    break;
                case SensitiveTargets.HIDDEN:
                    // a dot-directory in an absolute path, a dot-file at its root
                    counts = climbed || rooted && (s == 0 || s + 1 < ns);
                    break;
                default:
                    counts = climbed || rooted;
                    break;
            }
            if (counts) {
                target = Math.max(target, kind);
            }
        }
        if (target != SensitiveTargets.NONE) {
            return climbs > 0 ? ESCAPE_TO_SENSITIVE : SENSITIVE;
        }
        // dots alone (an ellipsis, "...") are prose, not a path: an escape needs a separator
        if (minDepth < 0 && hasSeparator(t, ts, te)) {
            if (climbs >= 3 || anchored && climbs >= 2) {
                return ESCAPE;
            }
            if (anchored) {
                return ESCAPE_ONE;
            }
        }
        if (overlong || noops >= 3 && (dotSegs > 0 || onlyNoops && anchored) || dotSegs >= 2 && anchored) {
            return PADDING;
        }
        return NONE;
    }

    private static boolean hasSeparator(char[] t, int ts, int te) {
        for (int k = ts; k < te; k++) {
            if (t[k] == '/') {
                return true;
            }
        }
        return false;
    }

    /** /etc and /proc: no prose or code names a file there except to read it. */
    private static boolean isSystemRoot(String seg) {
        return seg.equals("etc") || seg.equals("proc");
    }

    /** Whether the word after {@code te} (past boundaries) is {@code line}, as in a Python stack frame. */
    private boolean lineFollows(char[] t, int te) {
        int n = canon.length;
        int k = te;
        while (k < n && t[k] == PathCanonicalizer.BOUNDARY) {
            k++;
        }
        return k + 4 <= n
                && t[k] == 'l'
                && t[k + 1] == 'i'
                && t[k + 2] == 'n'
                && t[k + 3] == 'e'
                && (k + 4 == n || t[k + 4] == PathCanonicalizer.BOUNDARY);
    }

    /** The segment as a name: trailing dots dropped (Windows ignores them), an alternate data stream cut off. */
    private String name(char[] t, int a, int b) {
        for (int k = a + 2; k < b; k++) {
            if (t[k] == ':') {
                if (k + 1 < b && t[k + 1] >= '0' && t[k + 1] <= '9') {
                    codeLocation = true;
                }
                b = k;
                break;
            }
        }
        while (b > a + 1 && t[b - 1] == '.') {
            b--;
        }
        return new String(t, a, b - a);
    }

    private static boolean isLetter(char c) {
        return c >= 'a' && c <= 'z';
    }

    private static boolean isAlnum(char c) {
        return c >= 'a' && c <= 'z' || c >= '0' && c <= '9';
    }
}
