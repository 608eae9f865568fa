package dev.vigil.shield;

/**
 * Thrown by a typed wrapper only when the Shield must refuse an invocation but cannot build a refusal of the handler's
 * response type (for example an HTTP event delivered as a custom object). The Lambda runtime turns it into an
 * invocation error; the finding has already been reported.
 */
public final class ShieldBlockedException extends RuntimeException {

    /** Creates the exception; the message names the reason, never the event content. */
    public ShieldBlockedException(String message) {
        super(message, null, false, false);
    }
}
