package dev.vigil.shield.hygiene;

import java.util.ArrayList;
import java.util.List;

/**
 * Scans a function's response for things that must not leave it: stack traces (Java, Python, Node.js) and
 * credentials (AWS access key ids, secret access keys, session tokens, PEM private keys).
 *
 * <p>Scanning is hand-written, one linear pass per family, over at most the first {@link #MAX_SCAN_CHARS}
 * characters; a longer response's tail is neither scanned nor changed ({@link LeakScan#truncated()} says so). The
 * result holds kinds and positions only; {@link LeakScan#sanitized()} builds the cleaned text when the policy wants
 * it (block mode).
 */
public final class ResponseLeakScanner {

    /** How many characters from the start of a response are scanned: 1 Mi characters. */
    public static final int MAX_SCAN_CHARS = 1 << 20;

    /** What replaces a stack-trace block in {@link LeakScan#sanitized()}. */
    public static final String STACK_TRACE_REPLACEMENT = "[stack trace removed by Vigil]";

    /** What replaces a credential in {@link LeakScan#sanitized()}. */
    public static final String CREDENTIAL_REPLACEMENT = "[REDACTED]";

    private ResponseLeakScanner() {}

    /** Scans {@code responseText}; {@code null} is treated as empty. Never throws on odd input. */
    public static LeakScan scan(String responseText) {
        String text = responseText == null ? "" : responseText;
        int limit = Math.min(text.length(), MAX_SCAN_CHARS);
        if (limit == 0) {
            return new LeakScan(text, 0, List.of());
        }
        List<Leak> traces = StackTraceFinder.find(text, limit);
        List<Leak> credentials = CredentialFinder.find(text, limit);
        return new LeakScan(text, limit, mergeByStart(traces, credentials));
    }

    private static List<Leak> mergeByStart(List<Leak> a, List<Leak> b) {
        List<Leak> out = new ArrayList<>(a.size() + b.size());
        int i = 0;
        int j = 0;
        while (i < a.size() || j < b.size()) {
            if (j >= b.size() || (i < a.size() && a.get(i).start() <= b.get(j).start())) {
                out.add(a.get(i++));
            } else {
                out.add(b.get(j++));
            }
        }
        return out;
    }
}
