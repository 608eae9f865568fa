package dev.vigil.detect.condition;

/**
 * One token of a condition.
 *
 * @param kind what the token is
 * @param text the token as written
 * @param column the 1-based column where it starts
 */
record ConditionToken(Kind kind, String text, int column) {

    /** Token kinds. Keywords ({@code and}, {@code of}, …) are {@link #WORD}s; the parser tells them apart. */
    enum Kind {
        WORD,
        OPEN,
        CLOSE,
        END
    }

    boolean isWord(String word) {
        return kind == Kind.WORD && text.equals(word);
    }

    /** How an error message names this token. */
    String describe() {
        return kind == Kind.END ? "the end of the condition" : "'" + text + "' at column " + column;
    }
}
