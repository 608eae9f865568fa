package dev.vigil.server.ingest;

/** A request that ingest refuses as a whole, with the HTTP status and a message safe to show the client. */
public class IngestException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;

    /** A refusal with {@code status} and {@code message}. */
    public IngestException(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    /** The HTTP status to answer. */
    public int status() {
        return status;
    }

    /** {@code 413}: the body or its decoded form is too large. */
    static IngestException tooLarge(String message) {
        return new IngestException(413, message);
    }

    /** {@code 400}: the body cannot be read as the endpoint's format. */
    static IngestException badRequest(String message) {
        return new IngestException(400, message);
    }
}
