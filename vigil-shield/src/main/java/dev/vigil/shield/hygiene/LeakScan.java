package dev.vigil.shield.hygiene;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The result of {@link ResponseLeakScanner#scan}: the leaks found (kinds and positions) and, on demand, the
 * sanitised response. Holds the original text for {@link #sanitized()}, but never prints it.
 */
public final class LeakScan {

    private final String text;
    private final int scannedChars;
    private final List<Leak> leaks;

    LeakScan(String text, int scannedChars, List<Leak> leaks) {
        this.text = text;
        this.scannedChars = scannedChars;
        this.leaks = List.copyOf(leaks);
    }

    /** The leaks, ordered by start; a credential inside a stack trace is listed as well as the trace. */
    public List<Leak> leaks() {
        return leaks;
    }

    /** The distinct kinds found, in order of first appearance. */
    public Set<String> kinds() {
        Set<String> kinds = new LinkedHashSet<>();
        for (Leak leak : leaks) {
            kinds.add(leak.kind());
        }
        return Collections.unmodifiableSet(kinds);
    }

    /** Whether anything was found. */
    public boolean found() {
        return !leaks.isEmpty();
    }

    /** How many characters from the start of the response were scanned. */
    public int scannedChars() {
        return scannedChars;
    }

    /** Whether the response was longer than {@link ResponseLeakScanner#MAX_SCAN_CHARS} and its tail not scanned. */
    public boolean truncated() {
        return text.length() > scannedChars;
    }

    /**
     * The response with each stack-trace block replaced by {@value ResponseLeakScanner#STACK_TRACE_REPLACEMENT} and
     * each credential by {@value ResponseLeakScanner#CREDENTIAL_REPLACEMENT}. Overlapping leaks are replaced once,
     * as a stack trace if any of them is one. The unscanned tail of a truncated response is kept as it is. Returns
     * the original text when nothing was found.
     */
    public String sanitized() {
        if (leaks.isEmpty()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int pos = 0;
        int i = 0;
        while (i < leaks.size()) {
            Leak first = leaks.get(i);
            int end = first.end();
            boolean trace = first.kind().equals(LeakKinds.STACK_TRACE);
            int j = i + 1;
            while (j < leaks.size() && leaks.get(j).start() < end) {
                end = Math.max(end, leaks.get(j).end());
                trace |= leaks.get(j).kind().equals(LeakKinds.STACK_TRACE);
                j++;
            }
            out.append(text, pos, first.start());
            out.append(
                    trace ? ResponseLeakScanner.STACK_TRACE_REPLACEMENT : ResponseLeakScanner.CREDENTIAL_REPLACEMENT);
            pos = end;
            i = j;
        }
        out.append(text, pos, text.length());
        return out.toString();
    }

    /** Kinds and positions only. */
    @Override
    public String toString() {
        return "LeakScan[kinds=" + kinds() + ", leaks=" + leaks + ", truncated=" + truncated() + "]";
    }
}
