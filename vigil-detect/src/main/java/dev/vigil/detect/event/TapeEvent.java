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
    private String[] texts;
    private String[] lowers;

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
        e.texts = texts;
        e.lowers = lowers;
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

    /** The value token at {@code path} when it resolves without crossing an array (first occurrence), or -1. */
    public int token(FieldPath path) {
        if (tape.kind(0) != JsonTape.OBJECT) {
            return -1;
        }
        if (path.dotted()) {
            int literal = tape.find(0, path.name());
            if (literal >= 0) {
                return literal;
            }
        }
        int t = 0;
        for (int i = 0; i < path.size(); i++) {
            if (tape.kind(t) != JsonTape.OBJECT) {
                return -1;
            }
            t = tape.find(t, path.segment(i));
            if (t < 0) {
                return -1;
            }
        }
        return t;
    }

    @Override
    public boolean anyValue(FieldPath path, Predicate<? super FieldValue> test) {
        if (path.dotted() && tape.kind(0) == JsonTape.OBJECT) {
            int literal = tape.find(0, path.name());
            if (literal >= 0) {
                return testEnd(literal, test);
            }
        }
        return walk(0, path, 0, test);
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
    public String text(FieldPath path) {
        String[] found = new String[1];
        anyValue(path, v -> {
            if (v.kind() == FieldValue.Kind.NULL) {
                return false;
            }
            found[0] = v.text();
            return true;
        });
        return found[0];
    }

    @Override
    public String json() {
        int kind = tape.kind(0);
        return kind == JsonTape.STRING ? tape.json(0) : text(0);
    }

    /** The text form of token {@code t} (see {@link FieldValue#text()}), cached. */
    public String text(int t) {
        if (texts == null) {
            texts = new String[tape.count()];
        }
        String s = texts[t];
        if (s == null) {
            s = switch (tape.kind(t)) {
                case JsonTape.STRING, JsonTape.KEY -> tape.string(t);
                case JsonTape.OBJECT, JsonTape.ARRAY -> tape.json(t);
                case JsonTape.TRUE -> "true";
                case JsonTape.FALSE -> "false";
                case JsonTape.NULL -> "null";
                default -> tape.literal(t);
            };
            texts[t] = s;
        }
        return s;
    }

    private String lowerText(int t) {
        if (lowers == null) {
            lowers = new String[tape.count()];
        }
        String s = lowers[t];
        if (s == null) {
            s = Text.lower(text(t));
            lowers[t] = s;
        }
        return s;
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
