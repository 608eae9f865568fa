package dev.vigil.core.telemetry;

/** What the Shield did about a finding or violation, with its OCSF {@code action_id}. */
public enum Action {
    /** Nothing was stopped: monitor mode, or the category is only reported. */
    MONITORED("monitored", 3, "Observed"),
    /** The invocation was refused (403/401 for HTTP triggers). */
    BLOCKED("blocked", 2, "Denied"),
    /** The offending batch record was removed before the handler ran. */
    DROPPED("dropped", 2, "Denied"),
    /** The offending batch record was returned to the source as a {@code batchItemFailures} entry. */
    REPORTED_FAILURE("reported_failure", 2, "Denied"),
    /** The offending content was rewritten (e.g. a stack trace removed from a response). */
    SANITIZED("sanitized", 4, "Modified"),
    /** The files were removed (e.g. {@code /tmp} residue wiped). */
    WIPED("wiped", 4, "Modified"),
    /** Inspection did not finish (budget or internal error); the function ran normally. */
    FAILED_OPEN("failed_open", 1, "Allowed");

    private final String id;
    private final int ocsfId;
    private final String ocsfLabel;

    Action(String id, int ocsfId, String ocsfLabel) {
        this.id = id;
        this.ocsfId = ocsfId;
        this.ocsfLabel = ocsfLabel;
    }

    /** The stable identifier used in telemetry. */
    public String id() {
        return id;
    }

    /** The OCSF {@code action_id}. */
    public int ocsfId() {
        return ocsfId;
    }

    /** The OCSF {@code action} caption. */
    public String ocsfLabel() {
        return ocsfLabel;
    }
}
