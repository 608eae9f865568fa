package dev.vigil.detect.event;

import java.util.Objects;
import java.util.function.Predicate;

/**
 * The fast {@link Event}: field lookups over a {@link JsonTape} of the record's UTF-8 bytes. Keys are compared as
 * raw bytes; a value's text is decoded (and cached) only when a rule reads it; containers are serialised on demand.
 * Resolution is exactly {@link JsonTreeEvent}'s, except that with duplicate keys the first one wins (Jackson keeps the
 * last).
 */
public final class TapeEvent implements Event {
    private final JsonTape tape;
    private final LogSource logSource;
    private final EventOrigin origin;
    private Cache cache = new Cache();

    /** An event over an indexed record. */
    public TapeEvent(JsonTape tape, LogSource logSource, EventOrigin origin) {
        this.tape = Objects.requireNonNull(tape, "tape");
        this.logSource = Objects.requireNonNull(logSource, "logSource");
        this.origin = Objects.requireNonNull(origin, "origin");
    }

    /** Parses {@code json} with the default depth limit; throws {@link MalformedRecordException}. */
    public static TapeEvent parse(byte[] json, LogSource logSource, EventOrigin origin) {
        return new TapeEvent(JsonTape.parse(json), logSource, origin);
    }

    /** The index this event reads. */
    public JsonTape tape() {
        return tape;
    }

    /** The same record with another log source (classification happens after parsing). */
    public TapeEvent withLogSource(LogSource source) {
        TapeEvent e = new TapeEvent(tape, source, origin);
        e.cache = cache;
        return e;
    }

    @Override
    public LogSource logSource() {
        return logSource;
    }

    @Override
    public EventOrigin origin() {
        return origin;
    }

    /** The value token at {@code path} when it resolves without crossing an array, or -1. */
    public int token(FieldPath path) {
        int t = resolve(path);
        return t >= 0 ? t : -1;
    }

    @Override
    public boolean anyValue(FieldPath path, Predicate<? super FieldValue> test) {
        int resolved = cache.path(path);
        if (resolved == Cache.UNRESOLVED) {
            resolved = resolve(path);
            cache.putPath(path, resolved);
        }
        if (resolved >= 0) {
            return testEnd(resolved, test);
        }
        if (resolved == Cache.MISSING) {
            return false;
        }
        return walk(0, path, 0, test); // resolve() already tried the path as one literal key
    }

    /**
     * The token a path resolves to when no array is crossed on the way, {@link Cache#MISSING}, or {@link
     * Cache#FANS_OUT} when an array must be walked.
     */
    private int resolve(FieldPath path) {
        if (tape.kind(0) != JsonTape.OBJECT) {
            return Cache.MISSING;
        }
        if (path.dotted() && hasDottedKeys()) {
            int literal = tape.find(0, path.name());
            if (literal >= 0) {
                return literal;
            }
        }
        int t = 0;
        for (int i = 0; i < path.size(); i++) {
            int kind = tape.kind(t);
            if (kind == JsonTape.ARRAY) {
                return Cache.FANS_OUT;
            }
            if (kind != JsonTape.OBJECT) {
                return Cache.MISSING;
            }
            t = tape.find(t, path.segment(i));
            if (t < 0) {
                return Cache.MISSING;
            }
        }
        return t;
    }

    private boolean walk(int t, FieldPath path, int i, Predicate<? super FieldValue> test) {
        int kind = tape.kind(t);
        if (kind == JsonTape.ARRAY) {
            int end = tape.next(t);
            for (int e = t + 1; e < end; e = tape.next(e)) {
                if (walk(e, path, i, test)) {
                    return true;
                }
            }
            return false;
        }
        if (kind != JsonTape.OBJECT) {
            return false;
        }
        int child = tape.find(t, path.segment(i));
        if (child < 0) {
            return false;
        }
        if (i == path.size() - 1) {
            return testEnd(child, test);
        }
        return walk(child, path, i + 1, test);
    }

    private boolean testEnd(int t, Predicate<? super FieldValue> test) {
        if (test.test(new Value(t))) {
            return true;
        }
        if (tape.kind(t) == JsonTape.ARRAY) {
            int end = tape.next(t);
            for (int e = t + 1; e < end; e = tape.next(e)) {
                if (test.test(new Value(e))) {
                    return true;
                }
            }
        }
        return false;
    }

    @Override
    public boolean exists(FieldPath path) {
        return anyValue(path, v -> true);
    }

    @Override
    public boolean anyLeaf(Predicate<? super FieldValue> test) {
        int n = tape.count();
        for (int i = 0; i < n; i++) {
            int kind = tape.kind(i);
            if (kind >= JsonTape.STRING && kind <= JsonTape.FALSE && test.test(new Value(i))) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String json() {
        int kind = tape.kind(0);
        return kind == JsonTape.STRING ? tape.json(0) : text(0);
    }

    /** The text form of token {@code t} (see {@link FieldValue#text()}), cached. */
    public String text(int t) {
        int slot = cache.slot(t);
        String s = cache.texts[slot];
        if (s == null) {
            s = switch (tape.kind(t)) {
                case JsonTape.STRING, JsonTape.KEY -> tape.string(t);
                case JsonTape.OBJECT, JsonTape.ARRAY -> tape.json(t);
                case JsonTape.TRUE -> "true";
                case JsonTape.FALSE -> "false";
                case JsonTape.NULL -> "null";
                default -> tape.literal(t);
            };
            cache.texts[slot] = s;
        }
        return s;
    }

    private String lowerText(int t) {
        int slot = cache.slot(t);
        String s = cache.lowers[slot];
        if (s == null) {
            s = Text.lower(text(t));
            cache.lowers[cache.slot(t)] = s;
        }
        return s;
    }

    /** Whether the top-level object has a key containing a dot, so dotted names must also be tried literally. */
    private boolean hasDottedKeys() {
        return tape.hasDottedRootKey();
    }

    /**
     * Decoded texts of the few tokens rules read, by token index. Rules read a handful of values per event, so a
     * short list beats arrays sized to the whole record.
     */
    private static final class Cache {
        static final int UNRESOLVED = -3;
        static final int FANS_OUT = -2;
        static final int MISSING = -1;

        FieldPath[] paths = new FieldPath[6];
        int[] resolved = new int[6];
        int pathCount;

        int path(FieldPath p) {
            for (int i = 0; i < pathCount; i++) {
                FieldPath q = paths[i];
                if (q == p || q.equals(p)) {
                    return resolved[i];
                }
            }
            return UNRESOLVED;
        }

        void putPath(FieldPath p, int token) {
            if (pathCount == paths.length) {
                if (pathCount >= 64) {
                    return; // a rule set reading more fields than this just resolves the rest each time
                }
                paths = java.util.Arrays.copyOf(paths, pathCount * 2);
                resolved = java.util.Arrays.copyOf(resolved, pathCount * 2);
            }
            paths[pathCount] = p;
            resolved[pathCount++] = token;
        }

        int[] tokens = new int[6];
        String[] texts = new String[6];
        String[] lowers = new String[6];
        int size;

        int slot(int token) {
            for (int i = 0; i < size; i++) {
                if (tokens[i] == token) {
                    return i;
                }
            }
            if (size == tokens.length) {
                tokens = java.util.Arrays.copyOf(tokens, size * 2);
                texts = java.util.Arrays.copyOf(texts, size * 2);
                lowers = java.util.Arrays.copyOf(lowers, size * 2);
            }
            tokens[size] = token;
            return size++;
        }
    }

    @Override
    public String toString() {
        return origin + " " + json();
    }

    /** A value handle: the event and a token index. */
    private final class Value implements FieldValue {
        private final int token;

        Value(int token) {
            this.token = token;
        }

        @Override
        public Kind kind() {
            return switch (tape.kind(token)) {
                case JsonTape.OBJECT -> Kind.OBJECT;
                case JsonTape.ARRAY -> Kind.ARRAY;
                case JsonTape.NUMBER -> Kind.NUMBER;
                case JsonTape.TRUE, JsonTape.FALSE -> Kind.BOOLEAN;
                case JsonTape.NULL -> Kind.NULL;
                default -> Kind.STRING;
            };
        }

        @Override
        public String text() {
            return TapeEvent.this.text(token);
        }

        @Override
        public String lowerText() {
            return TapeEvent.this.lowerText(token);
        }

        @Override
        public <V> V lookupLower(LowerKeys<V> keys) {
            int start = asciiStart();
            if (start < 0) {
                return keys.get(lowerText());
            }
            return keys.getAscii(tape.bytes(), start, tape.end(token));
        }

        @Override
        public boolean textContainsAscii(String ascii) {
            if (tape.flags(token) != JsonTape.STRING) {
                return text().contains(ascii);
            }
            // Without escapes the text is the bytes decoded, and an ASCII needle can only match ASCII bytes.
            byte[] buf = tape.bytes();
            int n = ascii.length();
            if (n == 0) {
                return true;
            }
            byte first = (byte) ascii.charAt(0);
            for (int i = tape.start(token), last = tape.end(token) - n; i <= last; i++) {
                if (buf[i] == first && regionIs(buf, i + 1, ascii)) {
                    return true;
                }
            }
            return false;
        }

        private static boolean regionIs(byte[] buf, int from, String ascii) {
            for (int j = 1; j < ascii.length(); j++) {
                if (buf[from + j - 1] != ascii.charAt(j)) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public boolean lowerStartsWith(String lowerPrefix) {
            int start = asciiStart();
            if (start < 0) {
                return lowerText().startsWith(lowerPrefix);
            }
            int n = lowerPrefix.length();
            if (tape.end(token) - start < n) {
                return false;
            }
            byte[] buf = tape.bytes();
            for (int i = 0; i < n; i++) {
                byte b = buf[start + i];
                int folded = b >= 'A' && b <= 'Z' ? b + 32 : b;
                if (folded != lowerPrefix.charAt(i)) {
                    return false;
                }
            }
            return true;
        }

        /** The start of this value's bytes when it is a string of plain ASCII without escapes, else -1. */
        private int asciiStart() {
            if (tape.flags(token) != JsonTape.STRING) {
                return -1;
            }
            byte[] buf = tape.bytes();
            int start = tape.start(token);
            for (int i = start, end = tape.end(token); i < end; i++) {
                if (buf[i] < 0) {
                    return -1;
                }
            }
            return start;
        }

        /** From the raw byte length: UTF-8 needs at most 3 bytes per UTF-16 unit, an escape at most 6. */
        @Override
        public int minLength() {
            int kind = tape.kind(token);
            if (kind != JsonTape.STRING) {
                return kind == JsonTape.OBJECT || kind == JsonTape.ARRAY ? 0 : text().length();
            }
            int raw = tape.end(token) - tape.start(token);
            return (tape.flags(token) & JsonTape.ESCAPED) != 0 ? (raw + 5) / 6 : (raw + 2) / 3;
        }

        @Override
        public double number() {
            int kind = tape.kind(token);
            if (kind == JsonTape.NUMBER) {
                return tape.number(token);
            }
            return kind == JsonTape.STRING ? Text.number(text()) : Double.NaN;
        }

        @Override
        public String toString() {
            return text();
        }
    }
}
