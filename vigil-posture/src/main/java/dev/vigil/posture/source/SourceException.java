package dev.vigil.posture.source;

/** A file that cannot be read as a template, with where and why ({@code file:line:column: reason}). */
public final class SourceException extends Exception {
    private static final long serialVersionUID = 1L;

    private final Location location;
    private final String reason;

    public SourceException(Location location, String reason) {
        super(location + ": " + reason, null, false, false);
        this.location = location;
        this.reason = reason;
    }

    /** Where reading stopped. */
    public Location location() {
        return location;
    }

    /** Why, without the location. */
    public String reason() {
        return reason;
    }
}
