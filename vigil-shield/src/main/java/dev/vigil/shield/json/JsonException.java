package dev.vigil.shield.json;

/** Input that is not JSON, or JSON outside Vigil's bounds. The message says which and never quotes the input. */
public final class JsonException extends RuntimeException {
    public JsonException(String message) {
        super(message);
    }

    public JsonException(String message, Throwable cause) {
        super(message, cause);
    }
}
