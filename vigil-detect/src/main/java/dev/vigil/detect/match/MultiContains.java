package dev.vigil.detect.match;

import dev.vigil.detect.event.FieldValue;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Case-insensitive substring search for many ASCII needles at once (Aho–Corasick compiled to a full transition
 * table): one pass over the value's lower-case text however many needles there are, no allocation.
 */
final class MultiContains implements ValueTest {
    /** Fewest needles worth an automaton; below this, a few {@link String#contains} calls are faster. */
    static final int MIN_NEEDLES = 6;

    /** Most needle characters in one automaton, which bounds the table to this many states times the alphabet. */
    static final int MAX_TOTAL_LENGTH = 8192;

    private final byte[] classOf = new byte[128];
    private final int[] next; // state * alphabet + class -> state
    private final boolean[] accepts;
    private final int alphabet;
    private final List<String> needles;

    private MultiContains(List<String> needles) {
        this.needles = List.copyOf(needles);
        int classes = 1; // class 0: any character no needle uses
        for (String n : needles) {
            for (int i = 0; i < n.length(); i++) {
                char c = n.charAt(i);
                if (classOf[c] == 0) {
                    classOf[c] = (byte) classes++;
                }
            }
        }
        alphabet = classes;
        List<int[]> trie = new ArrayList<>();
        List<Boolean> end = new ArrayList<>();
        trie.add(new int[alphabet]);
        end.add(false);
        for (String n : needles) {
            int state = 0;
            for (int i = 0; i < n.length(); i++) {
                int cls = classOf[n.charAt(i)];
                if (trie.get(state)[cls] == 0) {
                    trie.get(state)[cls] = trie.size();
                    trie.add(new int[alphabet]);
                    end.add(false);
                }
                state = trie.get(state)[cls];
            }
            end.set(state, true);
        }
        int states = trie.size();
        next = new int[states * alphabet];
        accepts = new boolean[states];
        int[] fail = new int[states];
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        for (int cls = 0; cls < alphabet; cls++) {
            int child = trie.get(0)[cls];
            next[cls] = child;
            if (child != 0) {
                queue.add(child);
            }
        }
        accepts[0] = end.get(0);
        while (!queue.isEmpty()) {
            int s = queue.poll();
            accepts[s] = end.get(s) || accepts[fail[s]];
            for (int cls = 0; cls < alphabet; cls++) {
                int child = trie.get(s)[cls];
                if (child != 0) {
                    fail[child] = next[fail[s] * alphabet + cls];
                    next[s * alphabet + cls] = child;
                    queue.add(child);
                } else {
                    next[s * alphabet + cls] = next[fail[s] * alphabet + cls];
                }
            }
        }
    }

    /** An automaton for {@code lowerNeedles}, or null when they do not suit one (non-ASCII, too long, empty). */
    static MultiContains of(List<String> lowerNeedles) {
        int total = 0;
        for (String n : lowerNeedles) {
            if (n.isEmpty()) {
                return null;
            }
            for (int i = 0; i < n.length(); i++) {
                if (n.charAt(i) >= 128) {
                    return null;
                }
            }
            total += n.length();
        }
        if (lowerNeedles.size() < MIN_NEEDLES || total > MAX_TOTAL_LENGTH) {
            return null;
        }
        return new MultiContains(lowerNeedles);
    }

    @Override
    public boolean test(FieldValue v) {
        return v.kind() != FieldValue.Kind.NULL && search(v.lowerText());
    }

    boolean search(String text) {
        int state = 0;
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            state = next[state * alphabet + (c < 128 ? classOf[c] : 0)];
            if (accepts[state]) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return "contains-any" + Arrays.toString(needles.toArray());
    }
}
