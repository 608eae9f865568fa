package dev.vigil.shield.aws;

/** {@code VIGIL_HANDLER} does not name a usable handler. The message says what is wrong and how to fix it. */
public final class HandlerConfigurationException extends RuntimeException {

    /** Creates the exception. */
    public HandlerConfigurationException(String message) {
        super(message);
    }
}
